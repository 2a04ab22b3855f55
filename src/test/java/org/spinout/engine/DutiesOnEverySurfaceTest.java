package org.spinout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's duties hold on Spinout's pages and on the REST API alike, and say why: a programme
 * manager who is also a sponsor prepares the outline business case and is then refused its
 * approval, which another sponsor gives; and a sponsor's gate cannot stop the programme, even when an
 * administrator, whom the REST API lets complete any task, sends the reject.
 */
@SpinoutWebTest
class DutiesOnEverySurfaceTest {

	/** Named to sort after the demo users, whom the journey driver of other tests picks first. */
	private static final String BOTH = "sponsormanager";

	private static final String REFUSAL = BOTH + " prepared the paper that 'Approve the outline business case' approves";

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	TestProgrammes programmes;

	Task approval;

	@BeforeEach
	void anOutlineCasePreparedByAProgrammeManagerWhoIsAlsoASponsor() {
		TestProgrammes.ensureUser(identity, BOTH, "programme-managers", "sponsors");
		programmes = new TestProgrammes(starter, tasks);
		String reference = programmes.start("Duties " + System.nanoTime());
		tasks.complete(programmes.task(reference, TestProgrammes.FIRST_TASK).getId(), TestProgrammes.firstTaskAnswers());
		String appraisal = programmes.task(reference, TestProgrammes.SECOND_TASK).getId();
		assertThat(signedIn(BOTH).postWithToken("/tasks/" + appraisal + "/complete", TestProgrammes.secondTaskForm())
				.statusCode()).isEqualTo(302);
		approval = programmes.task(reference, "ApproveBusinessCase");
	}

	@Test
	void thePagesRefuseThePreparerTheApprovalAndSayWhy() {
		WebClient preparer = signedIn(BOTH);

		HttpResponse<String> claim = preparer.postWithToken("/tasks/" + approval.getId() + "/claim");
		HttpResponse<String> complete = preparer.postWithToken("/tasks/" + approval.getId() + "/complete",
				"decision", "approve");

		assertThat(claim.statusCode()).isEqualTo(403);
		assertThat(complete.statusCode()).isEqualTo(403);
		assertThat(complete.body()).contains(REFUSAL.replace("'", "&#39;"));
		assertOpenAndUnclaimed();
	}

	@Test
	void theRestApiRefusesThePreparerTheApproval() {
		WebClient rest = new WebClient(port);

		HttpResponse<String> claim = rest.postJsonWithBasic("/engine-rest/task/" + approval.getId() + "/claim",
				"{\"userId\": \"" + BOTH + "\"}", BOTH, "demo");
		HttpResponse<String> complete = rest.postJsonWithBasic("/engine-rest/task/" + approval.getId() + "/complete",
				"{\"variables\": {\"decision\": {\"value\": \"approve\"}}}", BOTH, "demo");

		assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
		assertThat(claim.body()).contains(REFUSAL);
		assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
		assertOpenAndUnclaimed();
	}

	@Test
	void anotherSponsorApproves() {
		HttpResponse<String> approved = signedIn("sponsor").postWithToken("/tasks/" + approval.getId() + "/complete",
				"decision", "approve");

		assertThat(approved.statusCode()).isEqualTo(302);
		assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isZero();
	}

	@Test
	void aSponsorsGateCannotStopTheProgrammeThroughTheRestApi() {
		// given a reject of the sponsors' approval, sent through the REST API
		String reject = "{\"variables\": {\"decision\": {\"value\": \"reject\"}, \"decisionReason\": "
				+ "{\"value\": \"Not now\"}}}";
		String complete = "/engine-rest/task/" + approval.getId() + "/complete";

		// when a sponsor sends it, and an administrator, whom the API lets complete any task
		HttpResponse<String> bySponsor = new WebClient(port).postJsonWithBasic(complete, reject, "sponsor", "demo");
		HttpResponse<String> byAdministrator = new WebClient(port).postJsonWithBasic(complete, reject, "admin", "demo");

		// then the API refuses the sponsor, and the engine refuses the administrator and says why
		assertThat(bySponsor.statusCode()).as(bySponsor.body()).isEqualTo(403);
		assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(403);
		assertThat(byAdministrator.body()).contains("only the decision-makers stop a programme");
		assertOpenAndUnclaimed();
	}

	private void assertOpenAndUnclaimed() {
		Task after = tasks.createTaskQuery().taskId(approval.getId()).singleResult();
		assertThat(after).as("still open").isNotNull();
		assertThat(after.getAssignee()).isNull();
	}

	private WebClient signedIn(String user) {
		WebClient browser = new WebClient(port);
		browser.signIn(user, "demo");
		return browser;
	}
}
