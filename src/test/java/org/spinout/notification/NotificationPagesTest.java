package org.spinout.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The notifications page and the unread count in the header, each person seeing only their own. */
@SpinoutWebTest
class NotificationPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void twoNotificationsForHr() {
		jdbc.update("DELETE FROM spinout_notification WHERE recipient IN ('hr', 'union')");
		new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.record(List.of(
				notification("Assigned to you: Inform the affected staff (SO-2099-0400)", "task-1"),
				notification("New task for your team: Consult the representatives (SO-2099-0400)", "task-2"))));
	}

	@Test
	void theHeaderCountsTheUnreadAndThePageListsThem() {
		WebClient hr = new WebClient(port);
		hr.signIn("hr", "demo");

		String home = hr.get("/").body();
		String page = hr.get("/notifications").body();

		assertThat(home).contains("<span class=\"spinout-count\">2</span><span class=\"govuk-visually-hidden\"> unread</span>");
		assertThat(page).contains("2 unread notifications")
				.contains("Assigned to you: Inform the affected staff (SO-2099-0400)")
				.contains("New task for your team: Consult the representatives (SO-2099-0400)")
				.contains("SO-2099-0400: Staff transfer");
	}

	@Test
	void theHeaderStopsCountingAtNinetyNine() {
		// given: 120 unread in all
		new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.record(IntStream.range(0, 118)
				.mapToObj(i -> notification("Assigned to you: task " + i, "task-many-" + i)).toList()));
		WebClient hr = new WebClient(port);
		hr.signIn("hr", "demo");

		// when
		String home = hr.get("/").body();

		// then
		assertThat(home).contains("<span class=\"spinout-count\">99+</span><span class=\"govuk-visually-hidden\"> unread</span>");
		assertThat(hr.get("/notifications").body()).contains("120 unread notifications");
	}

	@Test
	void markingOneReadLowersTheCountAndOpeningGoesToTheTask() {
		// given
		WebClient hr = new WebClient(port);
		hr.signIn("hr", "demo");
		String first = id("task-1");

		// when
		HttpResponse<String> read = hr.postForm("/notifications", "/notifications/" + first + "/read");
		HttpResponse<String> open = hr.postForm("/notifications", "/notifications/" + id("task-2") + "/open");

		// then
		assertThat(read.statusCode()).isEqualTo(302);
		assertThat(open.statusCode()).isEqualTo(302);
		assertThat(open.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/tasks/task-2"));
		assertThat(hr.get("/notifications").body()).contains("0 unread notifications");
		assertThat(hr.get("/").body()).doesNotContain("spinout-count");
	}

	@Test
	void nobodyCanReadOrOpenSomeoneElsesNotification() {
		WebClient union = new WebClient(port);
		union.signIn("union", "demo");

		HttpResponse<String> read = union.postForm("/notifications", "/notifications/" + id("task-1") + "/read");
		HttpResponse<String> open = union.postForm("/notifications", "/notifications/" + id("task-1") + "/open");
		HttpResponse<String> nonsense = union.postForm("/notifications", "/notifications/not-an-id/read");

		assertThat(read.statusCode()).isEqualTo(404);
		assertThat(open.statusCode()).isEqualTo(404);
		assertThat(nonsense.statusCode()).isEqualTo(404);
		assertThat(union.get("/notifications").body()).doesNotContain("Inform the affected staff");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spinout_notification WHERE recipient = 'hr' AND read_at IS NULL",
				Integer.class)).isEqualTo(2);
	}

	@Test
	void aBadPageNumberIsABadRequest() {
		WebClient hr = new WebClient(port);
		hr.signIn("hr", "demo");

		assertThat(hr.get("/notifications?page=lots").statusCode()).isEqualTo(400);
		assertThat(hr.get("/notifications?page=0").statusCode()).isEqualTo(400);
	}

	private String id(String taskId) {
		return jdbc.queryForObject("SELECT id FROM spinout_notification WHERE recipient = 'hr' AND task_id = ?",
				String.class, taskId);
	}

	private static NewNotification notification(String subject, String taskId) {
		return new NewNotification("hr", NotificationKind.TASK_ASSIGNED, subject, "SO-2099-0400", "Staff transfer", taskId,
				"A task", null, "What is asked.", "/tasks/" + taskId);
	}
}
