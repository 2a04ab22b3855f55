package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.deadline.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** The CSV and calendar exports read back, with commons-csv and ical4j, to what the pages show. */
@SpinoutWebTest
class ExportsTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ProgrammePage page;

	TestProgrammes programmes;

	WebClient manager;

	String tag;

	@BeforeEach
	void signIn() {
		programmes = new TestProgrammes(starter, tasks);
		manager = new WebClient(port);
		manager.signIn("manager", "demo");
		tag = "Export" + System.nanoTime();
	}

	@Test
	void theCsvReadsBackToTheRowsOfThePageInTheSameOrder() throws IOException {
		// given two programmes, one with a name a spreadsheet would take for a formula
		String hospital = programmes.start(tag + " community hospital",
				Map.of("parentBody", "Kernow NHS Trust", "parentBodyType", "nhs-trust"));
		String libraries = programmes.start("=" + tag + " libraries", Map.of("parentBody", "Devon, \"North\""));

		// when
		List<String> onThePage = PortfolioTest.references(manager.get("/programmes?q=" + tag + "&sort=name").body());
		HttpResponse<String> csv = manager.get("/programmes.csv?q=" + tag + "&sort=name");
		List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(csv.body())).getRecords();

		// then
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
				.startsWith("text/csv"));
		assertThat(records).extracting(record -> record.get("Reference")).containsExactlyElementsOf(onThePage)
				.containsExactly(libraries, hospital);
		CSVRecord first = records.get(0);
		String today = WorkingDays.toLocalDate(new java.util.Date()).toString();
		assertThat(first.toMap()).containsEntry("Programme", "'=" + tag + " libraries")
				.containsEntry("Parent body", "Devon, \"North\"")
				.containsEntry("Status", "Active")
				.containsEntry("Current phases", TestProgrammes.FIRST_PHASE)
				.containsEntry("RAG", "Green")
				.containsEntry("Next deadline", TestProgrammes.FIRST_TASK_NAME)
				.containsEntry("Open tasks", "1")
				.containsEntry("Overdue tasks", "0")
				.containsEntry("Started", today)
				.containsEntry("Forecast as of", today);
		ProgrammeRow row = page.summary(libraries).orElseThrow();
		assertThat(first.get("Forecast go-live")).isEqualTo(row.forecast().goLive().toString());
		assertThat(first.get("Next deadline date")).isEqualTo(row.nextDeadline().day().toString());
		assertThat(manager.get("/programmes?q=" + tag).body())
				.contains(row.forecast().goLive().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy")));
		assertThat(records.get(1).get("Programme")).isEqualTo(tag + " community hospital");
	}

	@Test
	void theCalendarReadsBackToTheProgrammesDeadlines() throws IOException, ParserException {
		// given a programme with its first task open
		String reference = programmes.start(tag + " leisure");
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		ProgrammeRow programme = page.summary(reference).orElseThrow();

		// when
		HttpResponse<String> ics = manager.get("/programmes/" + reference + "/deadlines.ics");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));

		// then
		assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
				.startsWith("text/calendar"));
		assertThat(calendar.getProperty(Property.VERSION)).hasValueSatisfying(version -> assertThat(version.getValue())
				.isEqualTo("2.0"));
		assertThat(calendar.getProperty(Property.METHOD)).hasValueSatisfying(method -> assertThat(method.getValue())
				.isEqualTo("PUBLISH"));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSameSizeAs(programme.deadlines());
		assertThat(events).extracting(event -> value(event, Property.SUMMARY))
				.containsExactlyElementsOf(programme.deadlines().stream()
						.map(deadline -> DeadlineCalendar.summary(programme, deadline)).toList());
		VEvent task = events.stream().filter(event -> value(event, Property.UID).contains(prepare.getId())).findFirst()
				.orElseThrow();
		assertThat(value(task, Property.SUMMARY)).isEqualTo(reference + " " + tag
				+ " leisure: " + TestProgrammes.FIRST_TASK_NAME);
		LocalDate lastDay = WorkingDays.toLocalDate(new java.util.Date(prepare.getDueDate().getTime() - 1));
		assertThat(value(task, Property.DTSTART)).isEqualTo(lastDay.toString().replace("-", ""));
		assertThat(value(task, Property.DTEND)).isEqualTo(lastDay.plusDays(1).toString().replace("-", ""));
		assertThat(task.getProperty(Property.DTSTAMP)).isPresent();
		assertThat(value(task, Property.UID)).endsWith("@localhost");
		assertThat(value(task, Property.URL)).endsWith("/programmes/" + reference);
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse(null);
	}
}
