package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.spinout.contract.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starting a programme in the GOV.UK steps: the questions with every error at once, a page to check
 * the answers, and a confirmation that leads to the new programme. Reloading or pressing twice
 * never starts a second programme.
 */
@SpinoutWebTest
class StartProgrammeTest {

	@LocalServerPort
	int port;

	@Autowired
	HistoryService history;

	WebClient manager;

	@BeforeEach
	void aManager() {
		manager = new WebClient(port);
		manager.signIn("manager", "demo");
	}

	@Test
	void answersLeadToACheckPageAndNothingStartsUntilThePersonConfirms() {
		String name = "Check answers " + System.nanoTime();

		// when the manager answers the questions
		HttpResponse<String> answered = answer(name, "120", "100");

		// then they are sent on to check their answers, and no programme exists yet
		assertThat(answered.statusCode()).isEqualTo(302);
		assertThat(answered.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/programmes/new/check"));
		String check = manager.get("/programmes/new/check").body();
		assertThat(check).contains("Check your answers before starting the programme").contains(name)
				.contains("Devon County Council").contains("England and Wales").contains("1 April 2029")
				.contains("href=\"/programmes/new#programmeName\"");
		assertThat(programmesNamed(name)).isZero();

		// and going back to change an answer shows the answers given
		assertThat(manager.get("/programmes/new").body()).contains("value=\"" + name + "\"");
	}

	@Test
	void startingRedirectsSoThatReloadingOrPressingTwiceStartsOneProgramme() {
		String name = "Pressed twice " + System.nanoTime();
		answer(name, "120", "100");

		// when the manager starts it, reloads the confirmation, and presses the button a second time
		HttpResponse<String> started = manager.postForm("/programmes/new/check", "/programmes/new/check");
		String confirmation = manager.get("/programmes/new/started").body();
		String reloaded = manager.get("/programmes/new/started").body();
		HttpResponse<String> again = manager.postWithToken("/programmes/new/check");

		// then there is one programme, and each answer leads to its confirmation
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/programmes/new/started"));
		assertThat(again.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/programmes/new/started"));
		assertThat(programmesNamed(name)).isEqualTo(1);
		String reference = history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(Processes.PROGRAMME).variableValueEquals("programmeName", name)
				.singleResult().getBusinessKey();
		assertThat(confirmation).contains("Programme started").contains(reference)
				.contains("href=\"/programmes/" + reference + "\"");
		assertThat(reloaded).contains("Programme started").contains(reference);
	}

	@Test
	void everyErrorIsReportedInOneRoundIncludingTheTransferringStaff() {
		// when the manager leaves the name empty and gives more staff transferring than employed
		HttpResponse<String> answered = answer("", "90", "100");

		// then both are reported at once, and nothing goes on to the check page
		assertThat(answered.statusCode()).isEqualTo(400);
		assertThat(answered.body()).contains("Enter the programme name")
				.contains("Staff who will transfer must be no more than the staff employed in the service");
		assertThat(manager.get("/programmes/new/check").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/programmes/new"));
	}

	@Test
	void thePageHasOneHeadingTheFormsOwn() {
		String page = manager.get("/programmes/new").body();

		assertThat(headings(page, "h1")).containsExactly("Start a spin-out programme");
		assertThat(headings(page, "h2")).doesNotContain("Start a spin-out programme");
		assertThat(page).contains("Tell us about the service that will leave its parent body")
				.doesNotContain("Tell us about the service that wants to spin out");
	}

	@Test
	void withoutAnswersTheCheckAndConfirmationPagesLeadBackToTheQuestions() {
		WebClient board = new WebClient(port);
		board.signIn("board", "demo");

		assertThat(board.get("/programmes/new/check").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/programmes/new"));
		assertThat(board.get("/programmes/new/started").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/programmes/new"));
		assertThat(board.postWithToken("/programmes/new/check").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/programmes/new"));
	}

	private HttpResponse<String> answer(String name, String staff, String transferring) {
		return manager.postForm("/programmes/new", "/programmes/new", "programmeName", name, "parentBody",
				"Devon County Council", "parentBodyType", "council", "nation", "england-wales", "serviceName",
				"Libraries", "staffCount", staff, "transferringStaffCount", transferring, "targetTransferDate-day", "1",
				"targetTransferDate-month", "4", "targetTransferDate-year", "2029");
	}

	private long programmesNamed(String name) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.variableValueEquals("programmeName", name).count();
	}

	private static List<String> headings(String page, String tag) {
		List<String> found = new ArrayList<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern
				.compile("<" + tag + "[^>]*>\\s*(.*?)\\s*</" + tag + ">", java.util.regex.Pattern.DOTALL).matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1).replaceAll("<[^>]+>", "").strip());
		}
		return found;
	}
}
