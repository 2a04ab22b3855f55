package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A submitted form is checked on the server against its schema: each kind of rule refuses a
 * bad answer with a GOV.UK error, keeps what was entered, and leaves the task open.
 */
@SpinoutWebTest
class TaskFormValidationTest {

	private static final String SUMMARY = "The library staff want to run the service as a mutual, with users on the board.";

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	TestProgrammes programmes;

	@BeforeEach
	void setUp() {
		programmes = new TestProgrammes(starter, tasks);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"required select left empty   | interestRoute               |                  | Select",
			"option not in the schema     | interestRoute               | final            | from the options shown",
			"text shorter than minLength  | expressionOfInterestSummary | Too short.       | 50 characters or more",
			"text not matching pattern    | expressionOfInterestLink    | not a link       | in the correct format",
			"required radio left empty    | staffSupport                |                  | Select" })
	void aBadAnswerIsRefusedAndTheTaskStaysOpen(String rule, String field, String value, String message) {
		String reference = programmes.start("Validation " + rule);
		Task task = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebClient board = signedIn("board");

		HttpResponse<String> response = board.postWithToken("/tasks/" + task.getId() + "/complete",
				answers(field, value == null ? "" : value));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
				.contains("govuk-error-summary")
				.contains("href=\"#" + field)
				.contains(message)
				.contains("<title>Error: ")
				.as("what was entered is shown again")
				.contains(field.equals("expressionOfInterestSummary") || field.equals("expressionOfInterestLink") ? value
						: SUMMARY);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);
		assertThat(runtime.getVariable(task.getProcessInstanceId(), "expressionOfInterestSummary")).isNull();
	}

	@Test
	void goodAnswersCompleteTheTaskAndBecomeVariables() {
		String reference = programmes.start("Validation accepted");
		Task task = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebClient board = signedIn("board");

		HttpResponse<String> response = board.postWithToken("/tasks/" + task.getId() + "/complete", answers(null, null));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(runtime.getVariable(task.getProcessInstanceId(), "interestRoute"))
				.isEqualTo("staff-expression-of-interest");
	}

	@ParameterizedTest(name = "start form: {0}")
	@CsvSource(delimiter = '|', value = {
			"number below the range | staffCount       | 0          | between 1 and 100,000",
			"not a number           | staffCount       | many       | must be a number",
			"not a real date        | targetTransferDate-day | 31   | real date",
			"text over maxLength    | programmeName    | LONG       | 120 characters or fewer" })
	void theStartFormIsCheckedTooAndNothingStarts(String rule, String field, String value, String message) {
		WebClient manager = signedIn("manager");
		long before = runtime.createProcessInstanceQuery().processDefinitionKey("spin-out-programme").count();
		List<String> fields = new ArrayList<>(List.of("programmeName", "Lewisham Libraries", "parentBody",
				"London Borough of Lewisham", "parentBodyType", "council", "nation", "england-wales", "serviceName",
				"Libraries", "staffCount", "120", "transferringStaffCount", "100", "targetTransferDate-day", "1",
				"targetTransferDate-month", "4", "targetTransferDate-year", "2029"));
		String given = "LONG".equals(value) ? "x".repeat(121) : value;
		int index = fields.indexOf(field);
		fields.set(index + 1, given);
		if (field.startsWith("targetTransferDate")) {
			fields.set(fields.indexOf("targetTransferDate-month") + 1, "2");
		}

		HttpResponse<String> response = manager.postForm("/programmes/new", "/programmes/new",
				fields.toArray(String[]::new));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("govuk-error-summary").contains(message);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("spin-out-programme").count())
				.isEqualTo(before);
	}

	@Test
	void onlyProgrammeManagersAndTheShadowBoardMayStartAProgramme() {
		assertThat(signedIn("union").get("/programmes/new").statusCode()).isEqualTo(403);
		assertThat(signedIn("board").get("/programmes/new").statusCode()).isEqualTo(200);
	}

	private WebClient signedIn(String user) {
		WebClient browser = new WebClient(port);
		browser.signIn(user, "demo");
		return browser;
	}

	private static String[] answers(String field, String value) {
		List<String> fields = new ArrayList<>(List.of("interestRoute", "staff-expression-of-interest", "staffSupport",
				"most-staff", "expressionOfInterestSummary", SUMMARY, "expressionOfInterestLink",
				"https://documents.example.org/proposal"));
		if (field != null) {
			fields.set(fields.indexOf(field) + 1, value);
		}
		return fields.toArray(String[]::new);
	}
}
