package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Programme managers and sponsors see every programme; anyone else only those in which they hold or
 * held a task. Everything else is 404, exactly as for a programme that does not exist.
 */
@SpinoutWebTest
class ProgrammeVisibilityTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	String reference;

	@BeforeEach
	void aProgrammeWithoutTheUnions() {
		reference = new TestProgrammes(starter, tasks).start("Visibility " + System.nanoTime());
	}

	@Test
	void aUnionRepresentativeWithNoTaskInAProgrammeCannotOpenItNorItsExports() {
		WebClient union = signedIn("union");

		assertNotFound(union.get("/programmes/" + reference));
		assertNotFound(union.get("/programmes/" + reference + "/deadlines.ics"));
		assertNotFound(union.get("/programmes/" + reference + "/diagram?process=spin-out-programme"));
		assertNotFound(union.postWithToken("/programmes/" + reference + "/suspend"));
		assertThat(PortfolioTest.references(union.get("/programmes?q=" + reference).body())).isEmpty();
		assertThat(union.get("/programmes.csv?q=" + reference).body()).doesNotContain(reference);
		assertThat(union.get("/programmes").body()).doesNotContain(reference);
	}

	@Test
	void theAnswerIsTheSameAsForAProgrammeThatDoesNotExist() {
		WebClient union = signedIn("union");

		HttpResponse<String> hidden = union.get("/programmes/" + reference);
		HttpResponse<String> missing = union.get("/programmes/SO-1999-9999");

		assertThat(hidden.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
		assertThat(withoutToken(hidden.body())).isEqualTo(withoutToken(missing.body()));
	}

	@Test
	void onceTheUnionsHaveATaskInItTheirRepresentativeSeesIt() {
		// given a task of the programme offered to the unions
		tasks.addCandidateGroup(new TestProgrammes(starter, tasks).task(reference, TestProgrammes.FIRST_TASK).getId(),
				"unions");
		WebClient union = signedIn("union");

		// then
		assertThat(union.get("/programmes/" + reference).statusCode()).isEqualTo(200);
		assertThat(union.get("/programmes/" + reference + "/deadlines.ics").statusCode()).isEqualTo(200);
		assertThat(PortfolioTest.references(union.get("/programmes?q=" + reference).body())).containsExactly(reference);
		assertThat(union.get("/programmes.csv?q=" + reference).body()).contains(reference);
	}

	@Test
	void sponsorsSeeEveryProgrammeButOnlyProgrammeManagersAct() {
		WebClient sponsor = signedIn("sponsor");

		assertThat(sponsor.get("/programmes/" + reference).statusCode()).isEqualTo(200);
		assertThat(sponsor.get("/programmes/" + reference).body()).doesNotContain("Suspend the programme");
		assertThat(PortfolioTest.references(sponsor.get("/programmes?q=" + reference).body())).containsExactly(reference);
		assertThat(sponsor.postWithToken("/programmes/" + reference + "/suspend").statusCode()).isEqualTo(403);
		assertThat(sponsor.postWithToken("/programmes/" + reference + "/stop", "reason", "No").statusCode())
				.isEqualTo(403);
		assertThat(sponsor.get("/programmes/reassign").statusCode()).isEqualTo(403);
	}

	@Test
	void aPersonWhoHeldATaskKeepsSeeingTheProgramme() {
		// given the board put the proposal forward (a task they held), and it moved on
		WebClient board = signedIn("board");
		String task = new TestProgrammes(starter, tasks).task(reference, TestProgrammes.FIRST_TASK).getId();
		tasks.claim(task, "board");
		tasks.complete(task, TestProgrammes.firstTaskAnswers());

		// then
		assertThat(board.get("/programmes/" + reference).statusCode()).isEqualTo(200);
		assertThat(signedIn("cabinet").get("/programmes/" + reference).statusCode()).isEqualTo(404);
	}

	private WebClient signedIn(String user) {
		WebClient client = new WebClient(port);
		client.signIn(user, "demo");
		return client;
	}

	private static void assertNotFound(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found").doesNotContain("Visibility");
	}

	private static String withoutToken(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}
}
