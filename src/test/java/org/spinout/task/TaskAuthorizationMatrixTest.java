package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every task action for each kind of user: the assignee, a member of the task's group, a member
 * of another group, and a programme manager. Where refused, the task is as it was.
 */
@SpinoutWebTest
class TaskAuthorizationMatrixTest {

	private static final String TASK = TestProgrammes.FIRST_TASK;

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	TestProgrammes programmes;

	@BeforeEach
	void users() {
		programmes = new TestProgrammes(starter, tasks);
		TestProgrammes.ensureUser(identity, "board2", "shadow-board");
	}

	/** An unassigned task of the shadow board. */
	@ParameterizedTest(name = "{0} {1} an unassigned task: {2}")
	@CsvSource({
			"board,   view,     200",
			"board,   claim,    302",
			"board,   unclaim,  403",
			"board,   assign,   302",
			"board,   complete, 302",
			"union,   view,     403",
			"union,   claim,    403",
			"union,   unclaim,  403",
			"union,   assign,   403",
			"union,   complete, 403",
			"manager, view,     200",
			"manager, claim,    403",
			"manager, unclaim,  403",
			"manager, assign,   302",
			"manager, complete, 403" })
	void unassignedTask(String user, String action, int expected) {
		String reference = programmes.start("Matrix unassigned " + user + " " + action);
		Task before = programmes.task(reference, TASK);

		HttpResponse<String> response = act(user, action, before.getId());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		if (expected == 403) {
			assertUnchanged(before);
		}
	}

	/** A task assigned to another member of the shadow board. */
	@ParameterizedTest(name = "{0} {1} a task assigned to board2: {2}")
	@CsvSource({
			"board2,  view,     200",
			"board2,  unclaim,  302",
			"board2,  assign,   302",
			"board2,  complete, 302",
			"board,   view,     200",
			"board,   claim,    403",
			"board,   unclaim,  403",
			"board,   assign,   403",
			"board,   complete, 403",
			"union,   view,     403",
			"union,   claim,    403",
			"union,   complete, 403",
			"manager, view,     200",
			"manager, unclaim,  403",
			"manager, assign,   302",
			"manager, complete, 403" })
	void assignedTask(String user, String action, int expected) {
		String reference = programmes.start("Matrix assigned " + user + " " + action);
		Task task = programmes.task(reference, TASK);
		tasks.setAssignee(task.getId(), "board2");
		Task before = tasks.createTaskQuery().taskId(task.getId()).singleResult();

		HttpResponse<String> response = act(user, action, before.getId());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		if (expected == 403) {
			assertUnchanged(before);
		}
	}

	@ParameterizedTest(name = "{0} on a task that does not exist: 404")
	@CsvSource({ "view", "claim", "unclaim", "assign" })
	void aTaskThatDoesNotExist(String action) {
		assertThat(act("manager", action, "no-such-task").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> act(String user, String action, String taskId) {
		WebClient browser = new WebClient(port);
		browser.signIn(user, "demo");
		String page = "/tasks/" + taskId;
		return switch (action) {
			case "view" -> browser.get(page);
			case "claim", "unclaim" -> browser.postWithToken(page + "/" + action);
			case "assign" -> browser.postWithToken(page + "/assign", "assignee", "board2");
			case "complete" -> browser.postWithToken(page + "/complete", TestProgrammes.firstTaskForm());
			default -> throw new IllegalArgumentException(action);
		};
	}

	private void assertUnchanged(Task before) {
		Task after = tasks.createTaskQuery().taskId(before.getId()).singleResult();
		assertThat(after).as("the task is still open").isNotNull();
		assertThat(after.getAssignee()).isEqualTo(before.getAssignee());
		assertThat(tasks.getTaskComments(before.getId())).isEmpty();
	}
}
