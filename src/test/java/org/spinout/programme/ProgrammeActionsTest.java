package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Programme managers suspend, resume and stop programmes and move a person's tasks; each is on record. */
@SpinoutWebTest
class ProgrammeActionsTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	TestProgrammes programmes;

	WebClient manager;

	String reference;

	@BeforeEach
	void aRunningProgramme() {
		programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("Actions " + System.nanoTime());
		manager = new WebClient(port);
		manager.signIn("manager", "demo");
	}

	@Test
	void suspendingHoldsEveryTaskOfTheProgrammeUntilItResumes() {
		// when
		HttpResponse<String> suspended = manager.postForm(page(), page() + "/suspend");

		// then
		assertThat(suspended.statusCode()).isEqualTo(302);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).list())
				.isNotEmpty().allMatch(Task::isSuspended);
		String shown = manager.get(page()).body();
		assertThat(shown).contains("The programme is suspended", "Resume the programme", "Suspended the programme",
				"Priya Shah");
		assertThat(PortfolioTest.references(manager.get("/programmes?status=suspended&q=" + reference).body()))
				.containsExactly(reference);

		// and when it is resumed
		manager.postForm(page(), page() + "/resume");

		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).list()).noneMatch(Task::isSuspended);
		assertThat(manager.get(page()).body()).contains("Resumed the programme", "Suspend the programme");
	}

	@Test
	void suspendingTwiceSaysSo() {
		manager.postForm(page(), page() + "/suspend");
		manager.get(page()); // reads the message of the first suspension

		manager.postWithToken(page() + "/suspend");

		assertThat(manager.get(page()).body()).contains("This programme is already suspended.");
	}

	@Test
	void stoppingNeedsAReasonAndRecordsIt() {
		// when no reason is given
		HttpResponse<String> refused = manager.postForm(page() + "/stop", page() + "/stop", "reason", "  ");

		// then nothing changes
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Enter the reason for stopping the programme", "govuk-error-summary");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isPositive();

		// when a reason is given
		HttpResponse<String> stopped = manager.postForm(page() + "/stop", page() + "/stop", "reason",
				"The council withdrew its support.");

		// then the programme and its phases end, and its history says why and who
		assertThat(stopped.statusCode()).isEqualTo(302);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
		HistoricProcessInstance root = history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(reference).rootProcessInstances().singleResult();
		assertThat(root.getDeleteReason()).isEqualTo("Stopped by a programme manager: The council withdrew its support.");
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(root.getId())
				.variableName("stopReason").singleResult().getValue()).isEqualTo("The council withdrew its support.");
		String shown = manager.get(page()).body();
		assertThat(shown).contains("govuk-tag--red\">Stopped", "Stopped the programme: The council withdrew its support.",
				"The programme stopped at ‘" + TestProgrammes.FIRST_TASK_NAME + "’", "Priya Shah")
				.doesNotContain("Stop the programme</a>");
		assertThat(PortfolioTest.references(manager.get("/programmes?status=stopped&q=" + reference).body()))
				.containsExactly(reference);
	}

	@Test
	void aStoppedProgrammeCannotBeSuspended() {
		manager.postForm(page() + "/stop", page() + "/stop", "reason", "Withdrawn.");
		manager.get(page()); // reads the message of the stop

		manager.postWithToken(page() + "/suspend");

		assertThat(manager.get(page()).body()).contains("This programme has ended: it can no longer be changed.");
	}

	@Test
	void actionsNeedTheFormsToken() {
		HttpResponse<String> forged = manager.postRaw(page() + "/suspend", "");

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).list()).noneMatch(Task::isSuspended);
	}

	@Test
	void aPersonsTasksMoveToSomeoneInTheirGroups() {
		// given a member of the shadow board holding the programme's first task, and another member
		String from = "leaver" + System.nanoTime();
		String to = "joiner" + System.nanoTime();
		TestProgrammes.ensureUser(identity, from, "shadow-board");
		TestProgrammes.ensureUser(identity, to, "shadow-board");
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		tasks.setAssignee(prepare.getId(), from);

		// when
		HttpResponse<String> moved = manager.postForm("/programmes/reassign", "/programmes/reassign", "from", from,
				"to", to);

		// then
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(tasks.createTaskQuery().taskId(prepare.getId()).singleResult().getAssignee()).isEqualTo(to);
		assertThat(manager.get("/programmes/reassign").body()).contains("1 task reassigned to Test " + to + ".");
		assertThat(manager.get(page()).body())
				.contains("Reassigned ‘" + TestProgrammes.FIRST_TASK_NAME + "’ from Test " + from + " to Test " + to);
	}

	@Test
	void tasksDoNotMoveToSomeoneOutsideTheirGroups() {
		String from = "holder" + System.nanoTime();
		TestProgrammes.ensureUser(identity, from, "shadow-board");
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		tasks.setAssignee(prepare.getId(), from);

		HttpResponse<String> refused = manager.postForm("/programmes/reassign", "/programmes/reassign", "from", from,
				"to", "legal");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Amara Bello is not in the groups of this task: ‘"
				+ TestProgrammes.FIRST_TASK_NAME + "’", "href=\"#to\"");
		assertThat(tasks.createTaskQuery().taskId(prepare.getId()).singleResult().getAssignee()).isEqualTo(from);
	}

	@Test
	void reassigningSaysWhatIsMissing() {
		HttpResponse<String> noOne = manager.postForm("/programmes/reassign", "/programmes/reassign");
		HttpResponse<String> nobody = manager.postForm("/programmes/reassign", "/programmes/reassign", "from", "board",
				"to", "no-such-person");
		HttpResponse<String> same = manager.postForm("/programmes/reassign", "/programmes/reassign", "from", "board",
				"to", "board");

		assertThat(noOne.statusCode()).isEqualTo(400);
		assertThat(noOne.body()).contains("Choose the person whose tasks to reassign");
		assertThat(nobody.statusCode()).isEqualTo(400);
		assertThat(nobody.body()).contains("There is no user called no-such-person.");
		assertThat(same.statusCode()).isEqualTo(400);
		assertThat(same.body()).contains("Choose two different people.");
	}

	private String page() {
		return "/programmes/" + reference;
	}
}
