package org.spinout.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.engine.EngineClockExtension;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The insight page: its charts' numbers travel in data attributes, and tables give the same numbers. */
@SpinoutWebTest
class InsightTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	private static final Pattern CHART = Pattern.compile("id=\"([^\"]+)\" role=\"img\"\\s+data-chart=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ObjectMapper json;

	@Test
	void theChartsAndTheirTablesGiveTheSameNumbers() throws Exception {
		// given a programme begun ten days ago whose business case took three days
		Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
		clock.moveTo(tenDaysAgo);
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		String reference = programmes.start("Insight " + System.nanoTime());
		clock.moveTo(tenDaysAgo.plus(Duration.ofDays(3)));
		tasks.complete(programmes.task(reference, TestProgrammes.FIRST_TASK).getId(),
				TestProgrammes.firstTaskAnswers());
		clock.reset();

		// when
		String page = signedIn("manager").get("/insight?programme=" + reference).body();

		// then the task chart's bars are rows of the task table
		JsonNode tasksChart = chart(page, "task-chart");
		assertThat(tasksChart.get("horizontal").asBoolean()).isTrue();
		String taskTable = page.substring(page.indexOf("id=\"task-types\""), page.indexOf("id=\"phases\""));
		for (int i = 0; i < tasksChart.get("labels").size(); i++) {
			String label = tasksChart.get("labels").get(i).asText();
			String name = label.substring(0, label.lastIndexOf(" ("));
			assertThat(taskTable).contains(HtmlUtils.htmlEscape(name));
			long median = tasksChart.get("datasets").get(0).get("data").get(i).asLong();
			assertThat(taskTable).contains(median == 0 ? "Less than 1" : ">" + median + "<");
		}
		assertThat(taskTable).contains(TestProgrammes.FIRST_TASK_NAME);
		// and the programme's chart and table show its business case: ten days so far
		String programme = page.substring(page.indexOf(reference) - 400);
		JsonNode phases = chart(programme, null);
		assertThat(phases.get("labels").get(0).asText()).isEqualTo(TestProgrammes.FIRST_PHASE);
		assertThat(phases.get("datasets").get(0).get("label").asText()).isEqualTo("Actual days");
		assertThat(phases.get("datasets").get(0).get("data").get(0).isIntegralNumber()).isTrue();
		assertThat(phases.get("datasets").get(0).get("data").get(0).asLong()).isEqualTo(10);
		assertThat(phases.get("datasets").get(1).get("label").asText()).isEqualTo("Planned days");
		long planned = phases.get("datasets").get(1).get("data").get(0).asLong();
		assertThat(programme).contains("10 so far", ">" + planned + "<", (planned - 10) + " days left in the plan")
				.doesNotContainPattern("\\d\\.\\d");
	}

	@Test
	void plannedWorkingDaysAreComparedAsCalendarDaysAndWithoutFractions() {
		assertThat(Insight.calendarDays(10)).isEqualTo(14);
		assertThat(Insight.calendarDays(3)).isEqualTo(4);
		assertThat(Insight.days(Duration.ofHours(337 * 24 + 14))).isEqualTo(338);
		assertThat(new Insight.PhaseDuration("Business case", 30, true, 45).againstPlan()).isEqualTo("15 days under");
		assertThat(new Insight.PhaseDuration("Business case", 50, true, 45).againstPlan()).isEqualTo("5 days over");
		assertThat(new Insight.PhaseDuration("Business case", 116, false, 300).againstPlan())
				.isEqualTo("184 days left in the plan");
		assertThat(new Insight.PhaseDuration("Business case", 301, false, 300).againstPlan())
				.isEqualTo("1 day over so far");
		assertThat(new Insight.TaskType("Business case", "Approve", 20, 3, 10).plannedDays()).isEqualTo(14);
	}

	@Test
	void theChartsScriptsAreServedByTheApplication() {
		WebClient manager = signedIn("manager");

		String page = manager.get("/insight").body();

		// links are left as written (see WebConfig): the web jar is found without its version
		assertThat(page).contains("\"/webjars/chart.js/dist/chart.umd.min.js\"", "/js/insight.js")
				.doesNotContain("<script>").doesNotContain("style=");
		assertThat(manager.get("/webjars/chart.js/dist/chart.umd.min.js").statusCode()).isEqualTo(200);
		assertThat(manager.get("/js/insight.js").statusCode()).isEqualTo(200);
	}

	@Test
	void onlyThoseWhoSeeEveryProgrammeMayLook() {
		assertThat(signedIn("sponsor").get("/insight").statusCode()).isEqualTo(200);
		assertThat(signedIn("union").get("/insight").statusCode()).isEqualTo(403);
		assertThat(signedIn("manager").get("/insight?page=none").statusCode()).isEqualTo(400);
	}

	private JsonNode chart(String page, String id) throws Exception {
		Matcher matcher = CHART.matcher(page);
		while (matcher.find()) {
			if (id == null || matcher.group(1).equals(id)) {
				return json.readTree(HtmlUtils.htmlUnescape(matcher.group(2)));
			}
		}
		throw new AssertionError("No chart " + id + " on the page");
	}

	private WebClient signedIn(String user) {
		WebClient client = new WebClient(port);
		client.signIn(user, "demo");
		return client;
	}
}
