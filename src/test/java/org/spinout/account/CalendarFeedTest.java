package org.spinout.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.spinout.time.LondonTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * The personal calendar feed: reachable without a session by its secret token alone, refused to a
 * wrong or replaced token, and a valid calendar of the person's tasks and their programmes' deadlines.
 */
@SpinoutWebTest
class CalendarFeedTest {

	private static final Pattern FEED = Pattern.compile("value=\"http://localhost:8080(/account/calendar\\.ics\\?token=[A-Za-z0-9_-]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Test
	void theFeedListsTheTaskDueDatesAndTheProgrammesStatutoryDeadlines() throws Exception {
		// given a programme whose first task is offered to the shadow board, and a board member's feed address
		String reference = "SO-2099-0300";
		Date transfer = Date.from(Instant.now().plus(Duration.ofDays(200)));
		String instance = engine.getRuntimeService().startProcessInstanceByKey("spin-out-programme", reference, Map.of(
				"programmeReference", reference, "programmeName", "Library services", "parentBody", "Northshire Council",
				"parentBodyType", "council", "nation", "england-wales", "serviceName", "Libraries", "healthCare", false,
				"staffCount", 40L, "transferringStaffCount", 30L, "targetTransferDate", transfer)).getId();
		Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult();
		WebClient board = new WebClient(port);
		board.signIn("board", "demo");
		String feed = newFeedAddress(board);

		// when a calendar program, which sends no cookie, fetches it
		HttpResponse<String> response = new WebClient(port).get(feed);

		// then
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).anySatisfy(event -> {
			assertThat(value(event, Property.SUMMARY)).isEqualTo("Due: " + task.getName() + " (" + reference + ")");
			assertThat(value(event, Property.DTSTART)).isEqualTo(day(task.getDueDate().toInstant()));
			assertThat(value(event, Property.URL)).isEqualTo("http://localhost:8080/tasks/" + task.getId());
		});
		assertThat(events).anySatisfy(event -> {
			assertThat(value(event, Property.SUMMARY)).isEqualTo("Employee liability information (" + reference + ")");
			assertThat(value(event, Property.DESCRIPTION)).contains("TUPE 2006 reg 11");
			assertThat(value(event, Property.UID)).isEqualTo("deadline-" + instance
					+ "-employee-liability-information-targetTransferDate@localhost");
		});
		assertThat(events).extracting(event -> value(event, Property.SUMMARY))
				.contains("TUPE information before consultation (" + reference + ")", "TUPE claims window (" + reference + ")");
	}

	@Test
	void aWrongOrMissingTokenGetsNothing() {
		WebClient outlook = new WebClient(port);

		HttpResponse<String> wrong = outlook.get("/account/calendar.ics?token=" + "x".repeat(43));
		HttpResponse<String> missing = outlook.get("/account/calendar.ics");

		assertThat(wrong.statusCode()).isEqualTo(404);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(wrong.body()).doesNotContain("BEGIN:VCALENDAR");
		assertThat(missing.body()).doesNotContain("BEGIN:VCALENDAR");
	}

	@Test
	void aNewAddressReplacesTheOldOne() {
		// given
		WebClient union = new WebClient(port);
		union.signIn("union", "demo");
		String old = newFeedAddress(union);

		// when
		String renewed = newFeedAddress(union);

		// then
		WebClient outlook = new WebClient(port);
		assertThat(renewed).isNotEqualTo(old);
		assertThat(outlook.get(old).statusCode()).isEqualTo(404);
		assertThat(outlook.get(old).body()).doesNotContain("BEGIN:VCALENDAR");
		assertThat(outlook.get(renewed).statusCode()).isEqualTo(200);
		assertThat(outlook.get(renewed).body()).startsWith("BEGIN:VCALENDAR");
	}

	private static String newFeedAddress(WebClient browser) {
		HttpResponse<String> made = browser.postForm("/account", "/account/calendar-token");
		assertThat(made.statusCode()).isEqualTo(302);
		Matcher address = FEED.matcher(browser.get("/account").body());
		assertThat(address.find()).as("the page shows the new address once").isTrue();
		return address.group(1);
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse(null);
	}

	private static String day(Instant due) {
		return DateTimeFormatter.BASIC_ISO_DATE.format(LondonTime.dueDay(due));
	}
}
