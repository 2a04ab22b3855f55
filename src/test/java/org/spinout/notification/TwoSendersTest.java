package org.spinout.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.identity.People;
import org.spinout.engine.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two application nodes on one database, each with its own sender, send every notification once. */
@SpinoutWebTest
class TwoSendersTest {

	private static final String SUBJECT = "Two senders test";

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MailComposer composer;

	@Autowired
	Preferences preferences;

	@Autowired
	IdentityService identity;

	@Autowired
	NotificationProperties properties;

	@AfterEach
	void removeTheTestRows() {
		jdbc.update("DELETE FROM spinout_notification WHERE subject = ?", SUBJECT);
	}

	@Test
	void twoSendersRacingForTheSameOutboxSendEachNotificationOnce() throws Exception {
		// given 60 notifications, and two nodes that claim five at a time
		List<NewNotification> notifications = IntStream.range(0, 60)
				.mapToObj(i -> new NewNotification(i % 2 == 0 ? "legal" : "finance", NotificationKind.TASK_ASSIGNED, SUBJECT,
						"SO-2099-0200", "Library services", "task-" + i, "Task " + i, null, null, "/tasks/task-" + i))
				.toList();
		new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.record(notifications));
		List<String> ids = jdbc.queryForList("SELECT id FROM spinout_notification WHERE subject = ?", String.class, SUBJECT);
		ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
		MailTransport recording = mail -> sent.add(mail.messageId());
		NotificationProperties smallBatches = new NotificationProperties(properties.from(), properties.digestTime(),
				Map.of(), properties.clockRecipients(), 5, properties.lease(), properties.firstRetry(), properties.maxRetry());
		List<NotificationSender> nodes = List.of(
				new NotificationSender(jdbc, recording, composer, preferences, new People(identity), smallBatches,
						TestClock.clock()),
				new NotificationSender(jdbc, recording, composer, preferences, new People(identity), smallBatches,
						TestClock.clock()));

		// when both run at once until there is nothing left
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Integer>> runs = new ArrayList<>();
		try {
			for (NotificationSender node : nodes) {
				runs.add(pool.submit(() -> {
					go.await();
					int total = 0;
					for (int run = 0; run < 10_000; run++) {
						int now = node.sendDue();
						if (now == 0 && pending() == 0) {
							break;
						}
						total += now;
					}
					return total;
				}));
			}
			go.countDown();
			int total = 0;
			for (Future<Integer> run : runs) {
				total += run.get(60, TimeUnit.SECONDS);
			}

			// then
			assertThat(total).isGreaterThanOrEqualTo(60);
		}
		finally {
			pool.shutdownNow();
		}
		List<String> ours = sent.stream().filter(id -> ids.stream().anyMatch(mine -> id.equals("<" + mine + "@localhost>")))
				.toList();
		assertThat(ours).hasSize(60).doesNotHaveDuplicates();
		assertThat(sent).doesNotHaveDuplicates();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spinout_notification WHERE subject = ? AND mail_status = 'SENT'",
				Integer.class, SUBJECT)).isEqualTo(60);
	}

	private int pending() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM spinout_notification WHERE subject = ? AND mail_status = 'PENDING'",
				Integer.class, SUBJECT);
	}
}
