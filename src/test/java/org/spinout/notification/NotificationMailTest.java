package org.spinout.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.AppNode;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.identity.People;
import org.spinout.engine.EngineClockExtension;
import org.spinout.engine.TestClock;
import org.spinout.time.LondonTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The e-mails people get, received by a real SMTP server (GreenMail) from the application as it runs
 * (the context the web tests share, with the sender pointed at the test server):
 * the engine records them in its own transactions and the sender delivers them. Time-based messages
 * move the engine clock; nothing here sleeps.
 */
@SpinoutWebTest
class NotificationMailTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	static final int SMTP_PORT = AppNode.freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));


	private static final String LINK = "http://localhost:8080/tasks/";

	@Autowired
	ProcessEngine engine;

	@Autowired
	MailComposer composer;

	@Autowired
	NotificationProperties properties;

	/** The application's sender, delivering through SMTP to the test mail server. */
	NotificationSender sender;

	@Autowired
	ClockAlerts clockAlerts;

	@Autowired
	Preferences preferences;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void senderToTheTestMailServer() {
		JavaMailSenderImpl server = new JavaMailSenderImpl();
		server.setHost("127.0.0.1");
		server.setPort(SMTP_PORT);
		sender = new NotificationSender(jdbc, MailConfiguration.smtp(server, properties.from()), composer, preferences,
				new People(engine.getIdentityService()), properties, TestClock.clock());
	}

	@BeforeEach
	void emptyOutboxAndModels() {
		jdbc.update("DELETE FROM spinout_notification");
		jdbc.update("DELETE FROM spinout_clock_alert");
		jdbc.update("DELETE FROM spinout_notification_preference");
		engine.getRepositoryService().createDeployment().name("notification-test").enableDuplicateFiltering(true)
				.addClasspathResource("org/spinout/journey/task-deadlines.bpmn")
				.addModelInstance("notification-chain.bpmn", chain())
				.deploy();
	}


	@Test
	void membersOfAGroupThatChoseNotToBeToldAreNotToldOfNewTasks() {
		// given: a committee switched off in the settings (spinout.notifications.groups.quiet-committee)
		IdentityService identity = engine.getIdentityService();
		if (identity.createGroupQuery().groupId("quiet-committee").count() == 0) {
			identity.saveGroup(identity.newGroup("quiet-committee"));
		}
		TestProgrammes.ensureUser(identity, "quiet-member", "quiet-committee");
		engine.getRepositoryService().createDeployment().name("notification-test").enableDuplicateFiltering(true)
				.addModelInstance("two-committees.bpmn", Bpmn.createExecutableProcess("two-committees")
						.name("Two committees").camundaHistoryTimeToLive(1).startEvent()
						.userTask("Consider").name("Consider the plan").camundaCandidateGroups("quiet-committee, legal")
						.endEvent().done())
				.deploy();

		// when
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("two-committees", "SO-2099-0011");

		// then only the other group's member is told
		assertThat(jdbc.queryForList("SELECT recipient FROM spinout_notification WHERE task_id = ?", String.class,
				task(instance).getId())).containsExactly("legal");
		assertThat(properties.tellsMembersOf("quiet-committee")).isFalse();
	}

	@Test
	void theAssigneeIsToldWhatIsAskedByWhenForWhichProgrammeWithALink() {
		// given
		ProcessInstance instance = startTaskDeadlines("SO-2099-0001");
		Task task = task(instance);

		// when
		engine.getTaskService().setAssignee(task.getId(), "legal");
		sender.sendDue();

		// then
		List<Mailbox.Mail> assigned = Mailbox.await(smtp, 2).stream()
				.filter(mail -> mail.subject().startsWith("Assigned to you")).toList();
		assertThat(assigned).singleElement().satisfies(mail -> {
			assertThat(mail.to()).containsExactly("legal@spinout.example");
			assertThat(mail.subject()).isEqualTo("Assigned to you: Prepare something (SO-2099-0001)");
			assertThat(mail.text()).contains("What is asked: Prepare something")
					.contains("By when: " + LondonTime.due(task.getDueDate().toInstant()))
					.contains("Programme: SO-2099-0001 Library services")
					.contains(LINK + task.getId());
			assertThat(mail.html()).contains("href=\"" + LINK + task.getId() + "\"");
			assertThat(mail.messageId()).isEqualTo("<" + notificationId(task.getId(), "TASK_ASSIGNED", "legal") + "@localhost>");
		});
	}

	@Test
	void theMembersOfACandidateGroupAreToldWhenATaskBecomesAvailable() {
		// given / when
		ProcessInstance instance = startTaskDeadlines("SO-2099-0002");
		sender.sendDue();

		// then the legal group has one member
		assertThat(Mailbox.await(smtp, 1)).singleElement().satisfies(mail -> {
			assertThat(mail.to()).containsExactly("legal@spinout.example");
			assertThat(mail.subject()).isEqualTo("New task for your team: Prepare something (SO-2099-0002)");
			assertThat(mail.text()).contains(LINK + task(instance).getId());
		});
	}

	@Test
	void theReminderTimerRemindsThoseWhoCouldTakeTheTask() {
		// given
		ProcessInstance instance = startTaskDeadlines("SO-2099-0003");
		sender.sendDue();
		smtp.reset();
		Job reminder = timers(instance).get(0);

		// when the reminder falls due
		clock.moveTo(reminder.getDuedate());
		engine.getManagementService().executeJob(reminder.getId());
		sender.sendDue();

		// then
		assertThat(Mailbox.await(smtp, 1)).singleElement().satisfies(mail -> {
			assertThat(mail.to()).containsExactly("legal@spinout.example");
			assertThat(mail.subject()).startsWith("Reminder, due by the end of ").endsWith(": Prepare something (SO-2099-0003)");
			assertThat(mail.text()).contains("falls due soon").contains(LINK + task(instance).getId());
		});
	}

	@Test
	void anOverdueTaskIsEscalatedToItsAssigneeAndTheProgrammeManagers() {
		// given
		ProcessInstance instance = startTaskDeadlines("SO-2099-0004");
		engine.getTaskService().setAssignee(task(instance).getId(), "legal");
		sender.sendDue();
		smtp.reset();
		Job escalation = timers(instance).get(1);

		// when the task falls due
		clock.moveTo(escalation.getDuedate());
		engine.getManagementService().executeJob(escalation.getId());
		sender.sendDue();

		// then the assignee and both programme managers hear of it
		List<Mailbox.Mail> mails = Mailbox.await(smtp, 3);
		assertThat(mails).flatExtracting(Mailbox.Mail::to)
				.containsExactlyInAnyOrder("legal@spinout.example", "manager@spinout.example", "admin@spinout.example");
		assertThat(mails).allSatisfy(mail -> {
			assertThat(mail.subject()).isEqualTo("Overdue: Prepare something (SO-2099-0004)");
			assertThat(mail.text()).contains("overdue").contains(LINK + task(instance).getId());
		});
	}

	@Test
	void theProgrammeManagersAreWarnedOnceWhenAStatutoryClockNearsItsEnd() {
		// given a programme whose transfer is 60 days away: employee liability information is due 28 days before
		Instant start = Instant.now();
		clock.moveTo(start);
		String reference = "SO-2099-0100";
		String programme = engine.getRuntimeService().startProcessInstanceByKey("spin-out-programme", reference, Map.of(
				"programmeReference", reference, "programmeName", "Library services", "parentBody", "Northshire Council",
				"parentBodyType", "council", "nation", "england-wales", "serviceName", "Libraries", "healthCare", false,
				"staffCount", 40L, "transferringStaffCount", 30L,
				"targetTransferDate", Date.from(start.plus(Duration.ofDays(60))))).getId();
		// and its pensions already signed, whose clock (a month before the transfer) would end near it
		engine.getRuntimeService().setVariable(programme, "pensionAgreementsSignedDate", Date.from(start));
		clockAlerts.check();
		jdbc.update("DELETE FROM spinout_notification"); // the TUPE information lead time has already passed
		smtp.reset();

		// when the clock moves to three days before the deadline
		clock.moveTo(start.plus(Duration.ofDays(29)));
		int recorded = clockAlerts.check();
		int again = clockAlerts.check();
		sender.sendDue();

		// then
		assertThat(recorded).isEqualTo(1);
		assertThat(again).as("each alert is recorded once").isZero();
		List<Mailbox.Mail> mails = Mailbox.await(smtp, 2);
		assertThat(mails).flatExtracting(Mailbox.Mail::to)
				.containsExactlyInAnyOrder("manager@spinout.example", "admin@spinout.example");
		assertThat(mails).allSatisfy(mail -> {
			assertThat(mail.subject()).startsWith("Employee liability information ends by the end of ")
					.endsWith("(" + reference + ")");
			assertThat(mail.text()).contains("statutory deadline is near").contains("TUPE 2006 reg 11")
					.contains("http://localhost:8080/tasks?programme=" + reference);
		});
	}

	@Test
	void aDigestCollectsTheDaysMessagesIntoOneEMailAtTheDigestTime() {
		// given legal wants new tasks in a digest, and two arrive
		choose("legal", NotificationKind.TASK_AVAILABLE, Delivery.DIGEST);
		ProcessInstance first = startTaskDeadlines("SO-2099-0005");
		ProcessInstance second = startTaskDeadlines("SO-2099-0006");

		// when the sender runs before and at the digest time
		int before = sender.sendDue();
		clock.moveTo(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));
		int at = sender.sendDue();

		// then
		assertThat(before).isZero();
		assertThat(at).isEqualTo(1);
		assertThat(Mailbox.await(smtp, 1)).singleElement().satisfies(mail -> {
			assertThat(mail.to()).containsExactly("legal@spinout.example");
			assertThat(mail.subject()).isEqualTo("Spinout daily digest: 2 notifications");
			assertThat(mail.text()).contains("New task for your team: Prepare something (SO-2099-0005)")
					.contains("New task for your team: Prepare something (SO-2099-0006)")
					.contains(LINK + task(first).getId()).contains(LINK + task(second).getId());
		});
	}

	@Test
	void noEMailIsSentForAKindSetToNoneButTheNotificationStaysInTheApplication() {
		// given
		choose("legal", NotificationKind.TASK_AVAILABLE, Delivery.NONE);

		// when
		startTaskDeadlines("SO-2099-0007");
		clock.moveTo(Instant.now().plus(Duration.ofDays(2)));
		int sent = sender.sendDue();

		// then
		assertThat(sent).isZero();
		assertThat(smtp.waitForIncomingEmail(200, 1)).isFalse();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spinout_notification WHERE recipient = 'legal' "
				+ "AND mail_status = 'SKIPPED'", Integer.class)).isEqualTo(1);
	}

	@Test
	void mailThatCouldNotBeSentWhileTheServerWasDownGoesOutOnceWhenItIsBack() {
		// given the mail server is down while a task is completed
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("notification-chain", "SO-2099-0008");
		sender.sendDue();
		smtp.stop();
		engine.getTaskService().complete(task(instance).getId());
		Task second = task(instance);

		// when the sender runs while it is down
		int whileDown = sender.sendDue();

		// then nothing is sent and nothing is lost
		assertThat(whileDown).isZero();
		assertThat(jdbc.queryForObject("SELECT attempts FROM spinout_notification WHERE task_id = ?", Integer.class,
				second.getId())).isEqualTo(1);

		// when the server is back, and the sender runs before and after the retry time
		smtp.start();
		int beforeRetry = sender.sendDue();
		clock.moveTo(Instant.now().plus(Duration.ofMinutes(2)));
		int afterRetry = sender.sendDue();
		int later = sender.sendDue();

		// then it goes out exactly once
		assertThat(beforeRetry).isZero();
		assertThat(afterRetry).isEqualTo(1);
		assertThat(later).isZero();
		assertThat(Mailbox.await(smtp, 1)).singleElement().satisfies(mail -> {
			assertThat(mail.to()).containsExactly("legal@spinout.example");
			assertThat(mail.subject()).isEqualTo("New task for your team: Second step (SO-2099-0008)");
			assertThat(mail.text()).contains(LINK + second.getId());
		});
	}

	@Test
	void aCompletionThatRollsBackSendsNoMail() {
		// given
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("notification-chain", "SO-2099-0009");
		sender.sendDue();
		smtp.reset();
		String first = task(instance).getId();

		// when the completion's transaction rolls back after the next task was created
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			engine.getTaskService().complete(first);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spinout_notification WHERE recipient = 'legal'",
					Integer.class)).as("recorded inside the transaction").isEqualTo(1);
			status.setRollbackOnly();
		});
		int sent = sender.sendDue();

		// then
		assertThat(task(instance).getId()).isEqualTo(first);
		assertThat(sent).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spinout_notification WHERE recipient = 'legal'",
				Integer.class)).isZero();
		assertThat(smtp.waitForIncomingEmail(200, 1)).isFalse();
	}

	private ProcessInstance startTaskDeadlines(String reference) {
		return engine.getRuntimeService().startProcessInstanceByKey("task-deadlines", reference,
				Map.of("nation", "england-wales", "programmeName", "Library services"));
	}

	/** Two tasks in a row: finance prepares, legal follows. */
	private static BpmnModelInstance chain() {
		return Bpmn.createExecutableProcess("notification-chain").name("Notification chain").camundaHistoryTimeToLive(1)
				.startEvent()
				.userTask("First").name("First step").camundaCandidateGroups("finance")
				.userTask("Second").name("Second step").camundaCandidateGroups("legal")
				.endEvent()
				.done();
	}

	private Task task(ProcessInstance instance) {
		return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private List<Job> timers(ProcessInstance instance) {
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
				.orderByJobDuedate().asc().list();
	}

	private String notificationId(String taskId, String kind, String recipient) {
		return jdbc.queryForObject("SELECT id FROM spinout_notification WHERE task_id = ? AND kind = ? AND recipient = ?",
				String.class, taskId, kind, recipient);
	}

	private void choose(String user, NotificationKind kind, Delivery delivery) {
		Map<NotificationKind, Delivery> deliveries = new EnumMap<>(preferences.of(user).deliveries());
		deliveries.put(kind, delivery);
		preferences.save(user, Optional.empty(), deliveries);
	}
}
