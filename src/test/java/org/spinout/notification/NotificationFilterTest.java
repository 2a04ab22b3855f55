package org.spinout.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person with many notifications narrows them to one programme, one kind or the unread ones,
 * reads them 25 to a page, and comes back to the same narrowed list after marking one read.
 */
@SpinoutWebTest
class NotificationFilterTest {

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	WebClient pensions;

	@BeforeEach
	void thirtyNotificationsForPensionsAboutTwoProgrammes() {
		jdbc.update("DELETE FROM spinout_notification WHERE recipient = 'pensions'");
		List<NewNotification> notifications = new ArrayList<>();
		for (int i = 0; i < 28; i++) {
			notifications.add(notification(NotificationKind.TASK_AVAILABLE, "SO-2099-0601", "Harbour Leisure",
					"New task for your team: Secure the admission " + i + " (SO-2099-0601)"));
		}
		notifications.add(notification(NotificationKind.TASK_OVERDUE, "SO-2099-0601", "Harbour Leisure",
				"Overdue: Secure the admission (SO-2099-0601)"));
		notifications.add(notification(NotificationKind.TASK_ASSIGNED, "SO-2099-0602", "Moorland Care",
				"Assigned to you: Arrange pension access (SO-2099-0602)"));
		new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.record(notifications));
		pensions = new WebClient(port);
		pensions.signIn("pensions", "demo");
	}

	@Test
	void aPageHoldsTwentyFiveAndTheNextPageKeepsTheFilters() {
		String first = pensions.get("/notifications?programme=SO-2099-0601").body();

		assertThat(first).contains("29 notifications");
		assertThat(count(first, "class=\"spinout-notification")).isEqualTo(25);
		assertThat(first).contains("href=\"/notifications?programme=SO-2099-0601&amp;page=2\"");
		assertThat(count(pensions.get("/notifications?programme=SO-2099-0601&page=2").body(),
				"class=\"spinout-notification")).isEqualTo(4);
	}

	@Test
	void notificationsNarrowToOneProgrammeOneKindOrTheUnread() {
		String moorland = pensions.get("/notifications?programme=SO-2099-0602").body();
		String overdue = pensions.get("/notifications?kind=task-overdue").body();

		assertThat(moorland).contains("1 notification").contains("Arrange pension access")
				.doesNotContain("Secure the admission").containsPattern("<option value=\"SO-2099-0602\"\\s+selected");
		assertThat(overdue).contains("Overdue: Secure the admission (SO-2099-0601)")
				.doesNotContain("Arrange pension access").doesNotContain("New task for your team");

		String id = jdbc.queryForObject("SELECT id FROM spinout_notification WHERE recipient = 'pensions' "
				+ "AND programme_reference = 'SO-2099-0602'", String.class);
		HttpResponse<String> marked = pensions.postForm("/notifications?unread=true", "/notifications/" + id + "/read",
				"returnTo", "/notifications?unread=true");
		assertThat(marked.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/notifications?unread=true"));
		assertThat(pensions.get("/notifications?unread=true").body()).contains("29 notifications")
				.doesNotContain("Arrange pension access");
	}

	@Test
	void markingAllReadSaysHowMany() {
		HttpResponse<String> marked = pensions.postWithToken("/notifications/read-all");

		assertThat(marked.statusCode()).isEqualTo(302);
		assertThat(pensions.get("/notifications").body()).contains("30 notifications marked as read")
				.contains("0 unread notifications");
		assertThat(pensions.get("/notifications?unread=true").body()).contains("No notification matches these filters.");
	}

	@Test
	void anUnknownKindIsABadRequest() {
		assertThat(pensions.get("/notifications?kind=gossip").statusCode()).isEqualTo(400);
	}

	private static NewNotification notification(NotificationKind kind, String reference, String name, String subject) {
		return new NewNotification("pensions", kind, subject, reference, name, null, null, null, null,
				"/programmes/" + reference);
	}

	private static int count(String page, String text) {
		int count = 0;
		for (int at = page.indexOf(text); at >= 0; at = page.indexOf(text, at + 1)) {
			count++;
		}
		return count;
	}
}
