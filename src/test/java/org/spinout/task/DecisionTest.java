package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A decision at a gate needs reasons to send back or reject, and is kept as a comment and a variable. */
@SpinoutWebTest
class DecisionTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	TestProgrammes programmes;

	String reference;

	Task approval;

	@BeforeEach
	void aBusinessCaseAwaitingTheSponsor() {
		programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("Decision " + System.nanoTime());
		tasks.complete(programmes.task(reference, TestProgrammes.FIRST_TASK).getId(), TestProgrammes.firstTaskAnswers());
		tasks.complete(programmes.task(reference, TestProgrammes.SECOND_TASK).getId(),
				TestProgrammes.secondTaskAnswers());
		approval = programmes.task(reference, "ApproveBusinessCase");
	}

	@Test
	void sendingBackWithoutReasonsIsRefused() {
		HttpResponse<String> response = sponsor().postWithToken("/tasks/" + approval.getId() + "/complete",
				"decision", "sendBack", "decisionReason", "  ");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Enter the reasons for your decision").contains("href=\"#decisionReason\"");
		assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
		assertThat(tasks.getTaskComments(approval.getId())).isEmpty();
	}

	@Test
	void aSendBackIsRecordedAndTheCaseComesBackWithTheComments() {
		HttpResponse<String> response = sponsor().postWithToken("/tasks/" + approval.getId() + "/complete",
				"decision", "sendBack", "decisionReason", "The financial case needs a pensions risk line.");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(tasks.getTaskComments(approval.getId())).extracting(Comment::getFullMessage, Comment::getUserId)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(
						"Sent back for changes: The financial case needs a pensions risk line.", "sponsor"));
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(approval.getProcessInstanceId())
				.variableName("decision").list()).extracting(variable -> variable.getValue()).contains("sendBack");
		Task again = programmes.task(reference, TestProgrammes.SECOND_TASK);
		assertThat(again).isNotNull();
		WebClient manager = new WebClient(port);
		manager.signIn("manager", "demo");
		assertThat(manager.get("/tasks/" + again.getId()).body())
				.contains("Sent back for changes: The financial case needs a pensions risk line.")
				.contains("Helen Clarke");
	}

	@Test
	void anApprovalNeedsNoReasons() {
		HttpResponse<String> response = sponsor().postWithToken("/tasks/" + approval.getId() + "/complete",
				"decision", "approve");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(tasks.getTaskComments(approval.getId())).extracting(Comment::getFullMessage)
				.containsExactly("Approved");
		assertThat(programmes.task(reference, "PublishInPrincipleDecisionNotice")).isNotNull();
	}

	private WebClient sponsor() {
		WebClient sponsor = new WebClient(port);
		sponsor.signIn("sponsor", "demo");
		return sponsor;
	}
}
