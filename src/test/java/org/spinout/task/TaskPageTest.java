package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task page as an approver reads it: the papers so far apart from their own answer, a choice
 * of assignee that assigns nobody until made, the programme one click away, every error in one
 * round, and a finished task that does not alarm someone who only followed a link to it.
 */
@SpinoutWebTest
class TaskPageTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ProcessEngine engine;

	/** A gate's form with one more question than its decision and reasons. */
	private static final String DECISION_FORM = """
			{"id": "decision-round", "type": "default", "components": [
			  {"type": "textfield", "key": "registrationNumber", "label": "Registration number",
			   "validate": {"required": true}},
			  {"type": "radio", "key": "decision", "label": "Your decision", "validate": {"required": true},
			   "values": [{"label": "Approve", "value": "approve"}, {"label": "Send back", "value": "sendBack"}]},
			  {"type": "textarea", "key": "decisionReason", "label": "Reasons"}]}
			""";

	TestProgrammes programmes;

	String reference;

	Task approval;

	@BeforeEach
	void aBusinessCaseAwaitingTheSponsor() {
		programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("Task page " + System.nanoTime());
		tasks.complete(programmes.task(reference, TestProgrammes.FIRST_TASK).getId(), TestProgrammes.firstTaskAnswers());
		tasks.complete(programmes.task(reference, TestProgrammes.SECOND_TASK).getId(), Map.of(
				"preferredOption", "public-service-mutual", "optionsAppraisalSummary", "The mutual scores best.",
				"businessCaseLink", "https://documents.example.org/case"));
		approval = programmes.task(reference, "ApproveBusinessCase");
	}

	@Test
	void theEarlierPapersStandUnderTheirOwnHeadingNotUnderYourAnswer() {
		String page = signedIn("sponsor").get("/tasks/" + approval.getId()).body();

		String papers = page.substring(page.indexOf("id=\"papers\""), page.indexOf("id=\"your-answer\""));
		String answer = page.substring(page.indexOf("id=\"your-answer\""), page.indexOf("</form>",
				page.indexOf("id=\"your-answer\"")));
		assertThat(papers).contains("Papers and answers so far").contains("https://documents.example.org/case")
				.contains("The mutual scores best.");
		assertThat(answer).contains("Your answer").contains("name=\"decision\"")
				.doesNotContain("https://documents.example.org/case").doesNotContain("The mutual scores best.");
	}

	@Test
	void theAssigneeListAssignsNobodyUntilAPersonIsChosen() {
		WebClient manager = signedIn("manager");
		String page = manager.get("/tasks/" + approval.getId()).body();

		String select = page.substring(page.indexOf("<select class=\"govuk-select\" id=\"assignee\""),
				page.indexOf("</select>", page.indexOf("id=\"assignee\"")));
		assertThat(select).containsPattern("<option value=\"\" selected[^>]*>Choose a person</option>");
		assertThat(select).doesNotContainPattern("<option value=\"[a-z]+\" selected");

		HttpResponse<String> unchosen = manager.postForm("/tasks/" + approval.getId(), "/tasks/" + approval.getId()
				+ "/assign", "assignee", "");
		assertThat(unchosen.statusCode()).isEqualTo(302);
		assertThat(manager.get("/tasks/" + approval.getId()).body()).contains("Choose the person to assign");
		assertThat(tasks.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();
	}

	@Test
	void theProgrammesNameAndReferenceLeadToTheProgramme() {
		String page = signedIn("sponsor").get("/tasks/" + approval.getId()).body();

		assertThat(page).contains("id=\"programme-link\"").contains("href=\"/programmes/" + reference + "\"");
		String facts = page.substring(page.indexOf("id=\"programme-facts\""));
		assertThat(facts).contains(">" + reference + "</a>").containsPattern(">Task page \\d+</a>");
	}

	@Test
	void aDecisionWithoutReasonsIsReportedInTheSameRoundAsTheFormsOwnErrors() {
		// given a gate whose form also asks for a registration number
		engine.getRepositoryService().createDeployment().name("decision-round").enableDuplicateFiltering(true)
				.addModelInstance("decision-round.bpmn", Bpmn.createExecutableProcess("decision-round")
						.name("Decision round").camundaHistoryTimeToLive(1).startEvent().userTask("Confirm")
						.name("Confirm the registration").camundaCandidateGroups("sponsors")
						.camundaFormRef("decision-round").camundaFormRefBinding("deployment").endEvent().done())
				.addString("decision-round.form", DECISION_FORM)
				.deploy();
		String instance = engine.getRuntimeService().startProcessInstanceByKey("decision-round").getId();
		Task confirm = tasks.createTaskQuery().processInstanceId(instance).singleResult();

		// when the sponsor sends it back with neither reasons nor the number
		HttpResponse<String> response = signedIn("sponsor").postWithToken("/tasks/" + confirm.getId() + "/complete",
				"decision", "sendBack");

		// then both are asked for at once
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Enter the reasons for your decision").contains("Enter the registration number");
	}

	@Test
	void aFinishedTaskOpenedFromALinkSaysSoWithoutTalkingOfAnAnswer() {
		WebClient sponsor = signedIn("sponsor");
		tasks.complete(approval.getId(), Map.of("decision", "approve"));

		HttpResponse<String> followed = sponsor.get("/tasks/" + approval.getId());
		HttpResponse<String> answered = sponsor.postWithToken("/tasks/" + approval.getId() + "/complete", "decision",
				"approve");

		assertThat(followed.statusCode()).isEqualTo(200);
		assertThat(followed.body()).contains("Approve the outline business case").contains("is complete")
				.doesNotContain("already complete").doesNotContain("Your answer was not recorded")
				.contains("href=\"/programmes/" + reference + "\"");
		assertThat(answered.statusCode()).isEqualTo(409);
		assertThat(answered.body()).contains("is already complete").contains("Your answer was not recorded");
	}

	private WebClient signedIn(String user) {
		WebClient client = new WebClient(port);
		client.signIn(user, "demo");
		return client;
	}
}
