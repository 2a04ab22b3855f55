package org.spinout.account;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.spinout.notification.Delivery;
import org.spinout.notification.NotificationKind;
import org.springframework.util.MultiValueMap;

/**
 * The preferences form as submitted: an optional e-mail address and one choice per kind of message.
 * Every value is checked here, so a tampered or mistyped form gets a message per field and changes
 * nothing.
 */
record PreferencesForm(String email, Map<String, String> choices, Map<String, String> errors) {

	static final String EMAIL = "email";

	/** Something@somewhere.tld, without spaces or line breaks (which would reach the mail headers). */
	private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

	static PreferencesForm of(Optional<String> email, Map<NotificationKind, Delivery> deliveries) {
		Map<String, String> choices = new LinkedHashMap<>();
		deliveries.forEach((kind, delivery) -> choices.put(kind.value(), delivery.value()));
		return new PreferencesForm(email.orElse(""), choices, Map.of());
	}

	static PreferencesForm read(MultiValueMap<String, String> submitted) {
		Map<String, String> errors = new LinkedHashMap<>();
		String email = submitted.getFirst(EMAIL) == null ? "" : submitted.getFirst(EMAIL).trim();
		if (email.length() > 254) {
			errors.put(EMAIL, "Enter an e-mail address of 254 characters or fewer");
		}
		else if (!email.isEmpty() && !ADDRESS.matcher(email).matches()) {
			errors.put(EMAIL, "Enter an e-mail address in the correct format, like name@example.org");
		}
		Map<String, String> choices = new LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			String value = submitted.getFirst(kind.value());
			choices.put(kind.value(), value);
			if (value == null || value.isBlank()) {
				errors.put(kind.value(), "Choose how you get messages when " + sentence(kind));
			}
			else if (delivery(value).isEmpty()) {
				errors.put(kind.value(), "Choose straight away, in a daily digest or no e-mail for messages when "
						+ sentence(kind));
			}
		}
		return new PreferencesForm(email, choices, Map.copyOf(errors));
	}

	boolean isValid() {
		return errors.isEmpty();
	}

	Optional<String> chosenEmail() {
		return email.isEmpty() ? Optional.empty() : Optional.of(email);
	}

	Map<NotificationKind, Delivery> deliveries() {
		Map<NotificationKind, Delivery> deliveries = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			deliveries.put(kind, delivery(choices.get(kind.value())).orElseThrow());
		}
		return deliveries;
	}

	private static Optional<Delivery> delivery(String value) {
		for (Delivery delivery : Delivery.values()) {
			if (delivery.value().equals(value)) {
				return Optional.of(delivery);
			}
		}
		return Optional.empty();
	}

	private static String sentence(NotificationKind kind) {
		String description = kind.description();
		return Character.toLowerCase(description.charAt(0)) + description.substring(1);
	}
}
