package org.spinout.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.spinout.notification.Delivery;
import org.spinout.notification.NotificationKind;
import org.spinout.notification.Preferences;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The preferences form: saved for the signed-in person only, and bad input answered clearly. */
@SpinoutWebTest
class AccountPageTest {

	@LocalServerPort
	int port;

	@Autowired
	Preferences preferences;

	@Test
	void choicesAreSavedForTheSignedInPerson() {
		// given
		WebClient pensions = new WebClient(port);
		pensions.signIn("pensions", "demo");

		// when
		HttpResponse<String> saved = pensions.postForm("/account", "/account", form("ruth@pensions.example", "digest"));

		// then
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(pensions.get("/account").body()).contains("Your preferences are saved")
				.contains("value=\"ruth@pensions.example\"");
		Preferences.Choices choices = preferences.of("pensions");
		assertThat(choices.email()).hasValue("ruth@pensions.example");
		assertThat(choices.deliveries()).containsEntry(NotificationKind.TASK_REMINDER, Delivery.DIGEST)
				.containsEntry(NotificationKind.TASK_ASSIGNED, Delivery.IMMEDIATE);
	}

	@Test
	void aMistypedAddressIsAnsweredWithAnErrorSummaryAndChangesNothing() {
		// given
		WebClient scrutiny = new WebClient(port);
		scrutiny.signIn("scrutiny", "demo");

		// when
		HttpResponse<String> refused = scrutiny.postForm("/account", "/account", form("fiona at council", "none"));

		// then
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("There is a problem")
				.contains("Enter an e-mail address in the correct format, like name@example.org")
				.contains("href=\"#email\"").contains("<title>Error: Your account - Spinout</title>");
		assertThat(preferences.of("scrutiny").email()).isEmpty();
		assertThat(preferences.of("scrutiny").deliveries()).containsEntry(NotificationKind.TASK_REMINDER, Delivery.IMMEDIATE);
	}

	@Test
	void aTamperedChoiceIsRefusedWithAMessageNotAnError() {
		WebClient procurement = new WebClient(port);
		procurement.signIn("procurement", "demo");

		HttpResponse<String> refused = procurement.postForm("/account", "/account", form("", "sometimes"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Choose straight away, in a daily digest or no e-mail for messages when "
				+ "a task is due soon");
	}

	@Test
	void theAccountNeedsASignInAndItsFormsATokenButTheFeedNeither() {
		WebClient stranger = new WebClient(port);
		WebClient commissioner = new WebClient(port);
		commissioner.signIn("commissioner", "demo");

		assertThat(stranger.get("/account").statusCode()).isEqualTo(302);
		assertThat(commissioner.postRaw("/account", "email=&task-assigned=none").statusCode()).isEqualTo(403);
		assertThat(commissioner.postRaw("/account/calendar-token", "").statusCode()).isEqualTo(403);
		assertThat(stranger.get("/account/calendar.ics?token=nothing").statusCode()).isEqualTo(404);
	}

	/** Every kind set to {@code delivery}, except that the assignment stays immediate. */
	private static String[] form(String email, String delivery) {
		NotificationKind[] kinds = NotificationKind.values();
		String[] fields = new String[2 + kinds.length * 2];
		fields[0] = "email";
		fields[1] = email;
		for (int i = 0; i < kinds.length; i++) {
			fields[2 + i * 2] = kinds[i].value();
			fields[3 + i * 2] = kinds[i] == NotificationKind.TASK_ASSIGNED ? "immediate" : delivery;
		}
		return fields;
	}
}
