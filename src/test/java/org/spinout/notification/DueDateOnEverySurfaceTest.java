package org.spinout.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.AppNode;
import org.spinout.Poll;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.engine.EngineClockExtension;
import org.spinout.engine.TestClock;
import org.spinout.identity.People;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One task, one due date: the same task read on every surface that shows when it is due (the task
 * lists, its page, the programme's page, the portfolio and its CSV, the programme's calendar and
 * the personal calendar feed, the notifications page and the e-mail) names the same day. The task
 * falls due at midnight in November, when London is on UTC: the day that midnight ends, not the
 * day it begins. The expected words are written out here, not by the application's formatter.
 */
@SpinoutWebTest
class DueDateOnEverySurfaceTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	static final int SMTP_PORT = AppNode.freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Pattern CALENDAR_URL = Pattern.compile("id=\"calendar-url\"[^>]*value=\"[^\"]*(/account/calendar\\.ics\\?token=[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MailComposer composer;

	@Autowired
	Preferences preferences;

	@Autowired
	NotificationProperties properties;


	@Test
	void everySurfaceNamesTheSameDueDay() throws Exception {
		// given a programme started on 1 November 2030, whose first task falls due at a London midnight
		clock.moveTo(LocalDateTime.of(2030, 11, 1, 9, 0).atZone(LONDON).toInstant());
		String reference = new TestProgrammes(starter, tasks).start("Same date " + System.nanoTime(), Map.of(
				"targetTransferDate", Date.from(LocalDate.of(2032, 4, 1).atStartOfDay(LONDON).toInstant())));
		Task prepare = tasks.createTaskQuery().processInstanceBusinessKey(reference)
				.taskDefinitionKey(TestProgrammes.FIRST_TASK).singleResult();
		ZonedDateTime due = prepare.getDueDate().toInstant().atZone(LONDON);
		assertThat(due.toLocalTime()).as("due at midnight, the end of a day").isEqualTo(java.time.LocalTime.MIDNIGHT);
		LocalDate day = due.toLocalDate().minusDays(1);
		String date = day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
		String sentence = "by the end of " + day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK));
		String nextDay = due.toLocalDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
		WebClient manager = signedIn("manager");
		WebClient board = signedIn("board");

		// when each surface is read
		Map<String, String> surfaces = new LinkedHashMap<>();
		surfaces.put("all open tasks", row(manager.get("/tasks/all?programme=" + reference).body(), prepare.getId()));
		surfaces.put("available tasks", row(board.get("/tasks/available?programme=" + reference).body(), prepare.getId()));
		surfaces.put("the task page", between(board.get("/tasks/" + prepare.getId()).body(), "id=\"task-due\"", "</dd>"));
		surfaces.put("the programme page", between(manager.get("/programmes/" + reference).body(),
				"id=\"open-task-list\"", "</table>"));
		surfaces.put("the portfolio", between(manager.get("/programmes?q=" + reference).body(),
				"data-reference=\"" + reference + "\"", "</tr>"));
		String csv = manager.get("/programmes.csv?q=" + reference).body();
		String programmeCalendar = unfold(manager.get("/programmes/" + reference + "/deadlines.ics").body());
		board.postWithToken("/account/calendar-token");
		Matcher feedUrl = CALENDAR_URL.matcher(board.get("/account").body());
		assertThat(feedUrl.find()).isTrue();
		String feed = unfold(new WebClient(port).get(feedUrl.group(1).replace("&amp;", "&")).body());
		String notification = between(board.get("/notifications?programme=" + reference).body(), "By when", "</dd>");
		String mail = mailTo("board@spinout.example", reference);

		// then the pages name the day it is due by the end of, never the day after
		surfaces.forEach((surface, text) -> assertThat(text).as(surface).contains(date).doesNotContain(nextDay));
		assertThat(surfaces.get("the task page")).containsIgnoringCase(sentence);
		assertThat(csv).as("the CSV").contains("," + day + ",").doesNotContain(due.toLocalDate().toString());
		String ics = "DTSTART;VALUE=DATE:" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
		assertThat(programmeCalendar).as("the programme's calendar").contains(ics).containsIgnoringCase(sentence);
		assertThat(feed).as("the calendar feed").contains(ics).containsIgnoringCase(sentence);
		assertThat(notification).as("the notifications page").containsIgnoringCase(sentence);
		assertThat(mail).as("the e-mail").contains("By when: " + sentence);
	}

	/**
	 * The text of the e-mail sent to the person about the programme, through a real mail server.
	 * The outbox sends in batches and may hold other tests' mail first, so it is sent until this
	 * one has gone.
	 */
	private String mailTo(String address, String reference) {
		JavaMailSenderImpl server = new JavaMailSenderImpl();
		server.setHost("127.0.0.1");
		server.setPort(SMTP_PORT);
		NotificationSender sender = new NotificationSender(jdbc, MailConfiguration.smtp(server, properties.from()),
				composer, preferences, new People(engine.getIdentityService()), properties, TestClock.clock());
		Poll.until(() -> {
			sender.sendDue();
			return !mailsTo(address, reference).isEmpty();
		}, Duration.ofSeconds(30), "the e-mail to " + address + " about " + reference);
		return mailsTo(address, reference).get(0).text();
	}

	private List<Mailbox.Mail> mailsTo(String address, String reference) {
		return Mailbox.of(smtp).stream()
				.filter(mail -> mail.to().contains(address) && mail.subject().contains(reference)).toList();
	}

	private static String row(String page, String taskId) {
		return between(page, "data-task-id=\"" + taskId + "\"", "</tr>");
	}

	private static String between(String page, String start, String end) {
		int from = page.indexOf(start);
		assertThat(from).as("%s on the page", start).isNotNegative();
		return page.substring(from, page.indexOf(end, from));
	}

	/** An iCalendar file with its long lines joined again. */
	private static String unfold(String ics) {
		return ics.replace("\r\n ", "").replace("\n ", "");
	}

	private WebClient signedIn(String user) {
		WebClient client = new WebClient(port);
		client.signIn(user, "demo");
		return client;
	}
}
