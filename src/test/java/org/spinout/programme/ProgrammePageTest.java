package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.deadline.WorkingDays;
import org.spinout.insight.Forecast;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A programme's page: its phases as a GOV.UK task list, its open tasks, and the data of its diagram. */
@SpinoutWebTest
class ProgrammePageTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProgrammePage page;

	TestProgrammes programmes;

	WebClient manager;

	String reference;

	@BeforeEach
	void aProgramme() {
		programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("Page " + System.nanoTime());
		manager = new WebClient(port);
		manager.signIn("manager", "demo");
	}

	@Test
	void theProgrammePageAndItsTasksPagesShowTheSameFactsTheSameWay() {
		// given a transfer date at midnight in London in summer time: 23:00 the day before in UTC
		String summer = programmes.start("Facts " + System.nanoTime(), Map.of("targetTransferDate",
				Date.from(LocalDate.of(2029, 7, 2).atStartOfDay(WorkingDays.LONDON).toInstant())));
		WebClient board = new WebClient(port);
		board.signIn("board", "demo");

		// when
		String programmePage = manager.get("/programmes/" + summer).body();
		String taskPage = board.get("/tasks/" + programmes.task(summer, TestProgrammes.FIRST_TASK).getId()).body();

		// then
		for (String page : List.of(programmePage, taskPage)) {
			assertThat(page).contains("Target transfer date</dt>").contains("2 July 2029")
					.contains("Nation</dt>").contains("England and Wales").doesNotContain("england-wales");
		}
	}

	@Test
	void aRunningPhaseIsInProgressAndTheRestNotStarted() {
		String page = manager.get("/programmes/" + reference).body();

		assertThat(page).contains("govuk-task-list", TestProgrammes.FIRST_PHASE, "govuk-tag--light-blue\">In progress",
				"govuk-task-list__status--cannot-start-yet", "Go-live");
		assertThat(page).contains("href=\"/programmes/" + reference + "?diagram=business-case#diagram\"");
	}

	@Test
	void aRejectionAtAGateStopsThePhaseAndTheProgrammeAndSaysWhy() {
		// given an outline business case approved as far as the in-principle decision
		complete(TestProgrammes.FIRST_TASK, TestProgrammes.firstTaskAnswers());
		complete(TestProgrammes.SECOND_TASK, TestProgrammes.secondTaskAnswers());
		complete("ApproveBusinessCase", Map.of("decision", "approve"));
		complete("PublishInPrincipleDecisionNotice", Map.of("inPrincipleDecisionNoticeDate", new Date(),
				"inPrincipleDecisionNoticeLink", "https://council.example.org/notice"));
		String businessCase = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
				.processDefinitionKey("business-case").singleResult().getId();
		Job noticePeriod = management.createJobQuery().processInstanceId(businessCase).timers()
				.activityId("InPrincipleNoticePeriodEnded").singleResult();
		management.executeJob(noticePeriod.getId());
		Task decision = programmes.task(reference, "TakeInPrincipleDecision");
		WebClient cabinet = new WebClient(port);
		cabinet.signIn("cabinet", "demo");

		// when the cabinet rejects it, and the programme stops in order
		assertThat(cabinet.postWithToken("/tasks/" + decision.getId() + "/complete", "decision", "reject",
				"decisionReason", "The savings are not there.").statusCode()).isEqualTo(302);
		complete("TellStaffTheProgrammeStopped", Map.of("staffToldDate", new Date(), "staffToldHow",
				"A briefing for each team", "unionsTold", true));
		complete("WithdrawPublishedNotices", Map.of("withdrawnNotices", "forward-plan"));

		// then
		String page = manager.get("/programmes/" + reference).body();
		assertThat(page).contains("govuk-tag--red\">Stopped", "Reason: The savings are not there.",
				"Rejected: The savings are not there.", "David Hughes",
				"The programme stopped at ‘Take the in-principle decision (G1)’", "No task is open.")
				.doesNotContain("Suspend the programme");
		String phases = page.substring(page.indexOf("id=\"phases\""), page.indexOf("id=\"diagram\""));
		assertThat(phases).contains("govuk-tag--red\">Stopped").doesNotContain("In progress");
	}

	@Test
	void openTasksShowWhoHoldsThemAndWhenTheyAreDue() {
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		tasks.setAssignee(prepare.getId(), "board");

		String page = manager.get("/programmes/" + reference).body();

		String open = page.substring(page.indexOf("id=\"open-tasks\""), page.indexOf("id=\"clocks\""));
		assertThat(open).contains("href=\"/tasks/" + prepare.getId() + "\"", TestProgrammes.FIRST_TASK_NAME,
				"Tom Okafor", TestProgrammes.FIRST_PHASE);
	}

	@Test
	void theDiagramDataMarksWhatIsDoneAndWhatIsActiveAndLeadsIntoThePhases() throws Exception {
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);

		JsonNode main = json.readTree(manager.get("/programmes/" + reference + "/diagram?process=spin-out-programme")
				.body());
		JsonNode phase = json.readTree(manager.get("/programmes/" + reference + "/diagram?process=business-case")
				.body());

		assertThat(main.get("xml").asText()).contains("<bpmn:process id=\"spin-out-programme\"");
		assertThat(texts(main.get("completed"))).contains("ProgrammeProposed", "CheckTransferDate");
		assertThat(main.get("active").findValuesAsText("id")).contains("BusinessCase");
		assertThat(main.get("calls").get("BusinessCase").asText())
				.isEqualTo("/programmes/" + reference + "?diagram=business-case#diagram");
		assertThat(main.get("calls").has("GoLive")).isFalse();
		assertThat(main.get("parentUrl").isNull()).isTrue();
		assertThat(phase.get("active").get(0).get("id").asText()).isEqualTo(TestProgrammes.FIRST_TASK);
		assertThat(phase.get("active").get(0).get("taskUrl").asText()).isEqualTo("/tasks/" + prepare.getId());
		assertThat(phase.get("parentUrl").asText()).isEqualTo("/programmes/" + reference + "#diagram");
	}

	@Test
	void aPhaseNotReachedHasNoDiagramYet() {
		HttpResponse<String> notReached = manager.get("/programmes/" + reference + "/diagram?process=go-live");
		HttpResponse<String> unnamed = manager.get("/programmes/" + reference + "/diagram");

		assertThat(notReached.statusCode()).isEqualTo(404);
		assertThat(unnamed.statusCode()).isEqualTo(400);
		assertThat(manager.get("/programmes/" + reference + "?diagram=go-live").body())
				.contains("Showing the main process");
		assertThat(manager.get("/programmes/" + reference + "?diagram=business-case").body())
				.contains("Showing the phase ‘" + TestProgrammes.FIRST_PHASE + "’");
	}

	@Test
	void theForecastIsShownWithTheDateItAssumes() {
		Forecast forecast = page.summary(reference).orElseThrow().forecast();
		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

		String shown = manager.get("/programmes/" + reference).body();

		assertThat(shown).contains("Forecast go-live", forecast.goLive().format(day),
				"Forecast on " + forecast.asOf().format(day), "How the forecast is made", "Remaining steps",
				TestProgrammes.FIRST_TASK_NAME);
		assertThat(forecast.asOf()).isEqualTo(WorkingDays.toLocalDate(new Date()));
		assertThat(manager.get("/programmes?q=" + reference).body()).contains(
				"Forecasts as of " + forecast.asOf().format(day), forecast.goLive().format(day));
	}

	@Test
	void documentsAddedToTheProgrammeAreListedOnItsPage() {
		// when a document is uploaded from the programme's page
		HttpResponse<String> uploaded = manager.postFile("/programmes/" + reference + "/documents?returnTo=/programmes/"
				+ reference, "business-case.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes());

		// then the person comes back to the page, where it is listed
		assertThat(uploaded.statusCode()).isEqualTo(302);
		assertThat(uploaded.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
				.endsWith("/programmes/" + reference));
		String page = manager.get("/programmes/" + reference).body();
		String documents = page.substring(page.indexOf("id=\"documents\""), page.indexOf("id=\"history\""));
		assertThat(documents).contains("business-case.pdf", "Priya Shah",
				"action=\"/programmes/" + reference + "/documents?returnTo=/programmes/" + reference + "\"");
	}

	private void complete(String taskKey, Map<String, Object> values) {
		tasks.complete(programmes.task(reference, taskKey).getId(), values);
	}

	private static java.util.List<String> texts(JsonNode array) {
		java.util.List<String> values = new java.util.ArrayList<>();
		array.forEach(node -> values.add(node.asText()));
		return values;
	}
}
