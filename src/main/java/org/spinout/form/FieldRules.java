package org.spinout.form;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one field's answer from the request and checks it against the field's rules, giving
 * either the typed value for the engine or the error to show. Only the field's own parameters
 * are read, and an option must be one of the field's own, so a hand-crafted request cannot
 * slip in another value.
 */
final class FieldRules {

	static final List<String> DATE_PARTS = List.of("day", "month", "year");

	private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

	private static final Pattern DATE_NUMBER = Pattern.compile("\\d{1,4}");

	/** The typed value (null for "no answer") or, when the answer is refused, the error. */
	record Outcome(Object value, FieldError error) {

		static Outcome value(Object value) {
			return new Outcome(value, null);
		}
	}

	private FieldRules() {
	}

	/** The field's entries in the request: a date's three parts, a checklist's choices, else one value. */
	static List<String> entries(FormComponent field, Map<String, String[]> parameters) {
		String key = field.key();
		return switch (field.type()) {
		case DATE -> DATE_PARTS.stream().map(part -> first(parameters, key + "-" + part).strip()).toList();
		case CHECKLIST, CHECKBOX -> all(parameters, key);
		case FILE -> List.of();
		case TEXT_AREA -> single(first(parameters, key).replace("\r\n", "\n").strip());
		default -> single(first(parameters, key).strip());
		};
	}

	static Outcome check(FormComponent field, List<String> entries, boolean fileGiven, LocalDate today) {
		Wording words = new Wording(field.label());
		String key = field.key();
		Rules rules = field.rules();
		String entry = entries.isEmpty() ? "" : entries.get(0);
		return switch (field.type()) {
		case TEXT_FIELD, TEXT_AREA -> text(key, entry, rules, words);
		case NUMBER -> number(field, entry, words);
		case CHECKBOX -> {
			if (entries.stream().anyMatch(value -> !value.equals("true"))) {
				yield error(key, words.selectedOrNot());
			}
			boolean ticked = !entries.isEmpty();
			yield rules.required() && !ticked ? error(key, words.confirm()) : Outcome.value(ticked);
		}
		case CHECKLIST -> checklist(field, entries, words);
		case RADIO, SELECT -> {
			if (entry.isEmpty()) {
				yield rules.required() ? error(key, words.select()) : Outcome.value(null);
			}
			yield field.option(entry).isPresent() ? Outcome.value(entry) : error(key, words.onlyOptionsShown());
		}
		case DATE -> date(field, entries, today, words);
		case FILE -> rules.required() && !fileGiven ? error(key, words.select()) : Outcome.value(null);
		case TEXT -> Outcome.value(null);
		};
	}

	private static Outcome text(String key, String entry, Rules rules, Wording words) {
		if (entry.isEmpty()) {
			return rules.required() ? error(key, words.enter()) : Outcome.value(null);
		}
		int length = entry.codePointCount(0, entry.length());
		if (rules.minLength() != null && length < rules.minLength()) {
			return error(key, words.atLeast(rules.minLength()));
		}
		if (rules.maxLength() != null && length > rules.maxLength()) {
			return error(key, words.atMost(rules.maxLength()));
		}
		if (rules.pattern() != null && !rules.pattern().matcher(entry).find()) {
			return error(key, words.inTheRightFormat());
		}
		return Outcome.value(entry);
	}

	private static Outcome number(FormComponent field, String entry, Wording words) {
		String key = field.key();
		Rules rules = field.rules();
		// People write thousands with commas; GOV.UK asks services to accept that
		String digits = entry.replace(",", "").replace(" ", "");
		if (digits.isEmpty()) {
			return rules.required() ? error(key, words.enter()) : Outcome.value(null);
		}
		if (!NUMBER.matcher(digits).matches()) {
			return error(key, words.aNumber());
		}
		BigDecimal number = new BigDecimal(digits);
		int scale = Math.max(0, number.stripTrailingZeros().scale());
		if (field.isWholeNumber() && scale > 0) {
			return error(key, words.aWholeNumber());
		}
		if (field.decimalDigits() != null && scale > field.decimalDigits()) {
			return error(key, words.decimalPlaces(field.decimalDigits()));
		}
		if ((rules.min() != null && number.compareTo(rules.min()) < 0)
				|| (rules.max() != null && number.compareTo(rules.max()) > 0)) {
			return error(key, words.between(rules.min(), rules.max()));
		}
		if (!field.isWholeNumber()) {
			return Outcome.value(number.doubleValue());
		}
		try {
			return Outcome.value(number.longValueExact());
		}
		catch (ArithmeticException tooLarge) {
			return error(key, words.between(BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE)));
		}
	}

	private static Outcome checklist(FormComponent field, List<String> entries, Wording words) {
		Set<String> chosen = new LinkedHashSet<>(entries);
		chosen.remove("");
		if (chosen.stream().anyMatch(value -> field.option(value).isEmpty())) {
			return error(field.key(), words.onlyOptionsShown());
		}
		if (chosen.isEmpty()) {
			return field.rules().required() ? error(field.key(), words.select()) : Outcome.value(null);
		}
		// stored in the order of the options, so the same choice is always the same text
		List<String> ordered = field.options().stream().map(Option::value).filter(chosen::contains).toList();
		return Outcome.value(String.join(",", ordered));
	}

	private static Outcome date(FormComponent field, List<String> entries, LocalDate today, Wording words) {
		String key = field.key();
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < DATE_PARTS.size(); i++) {
			if (entries.get(i).isEmpty()) {
				missing.add(DATE_PARTS.get(i));
			}
		}
		if (missing.size() == DATE_PARTS.size()) {
			return field.rules().required() ? dateError(key, words.enter(), DATE_PARTS) : Outcome.value(null);
		}
		if (!missing.isEmpty()) {
			return dateError(key, words.mustInclude(missing), missing);
		}
		if (!entries.stream().allMatch(part -> DATE_NUMBER.matcher(part).matches())) {
			return dateError(key, words.aRealDate(), DATE_PARTS);
		}
		if (entries.get(2).length() != 4) {
			return dateError(key, words.yearOfFourNumbers(), List.of("year"));
		}
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(entries.get(2)), Integer.parseInt(entries.get(1)),
					Integer.parseInt(entries.get(0)));
		}
		catch (DateTimeException notADay) {
			return dateError(key, words.aRealDate(), DATE_PARTS);
		}
		if (field.disallowPassedDates() && date.isBefore(today)) {
			return dateError(key, words.todayOrLater(), DATE_PARTS);
		}
		return Outcome.value(Date.from(date.atStartOfDay(VariableValues.UK).toInstant()));
	}

	private static Outcome error(String key, String message) {
		return new Outcome(null, new FieldError(key, message, List.of(key)));
	}

	private static Outcome dateError(String key, String message, List<String> parts) {
		return new Outcome(null, new FieldError(key, message, parts.stream().map(part -> key + "-" + part).toList()));
	}

	private static String first(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return values == null || values.length == 0 || values[0] == null ? "" : values[0];
	}

	private static List<String> all(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return values == null ? List.of() : Arrays.stream(values).filter(Objects::nonNull).distinct().toList();
	}

	private static List<String> single(String value) {
		return value.isEmpty() ? List.of() : List.of(value);
	}
}
