package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTasks.groups;
import static org.spinout.journey.JourneyTimers.london;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.contract.CandidateGroups;
import org.spinout.engine.EngineClockExtension;

/**
 * The reminder and escalation timers every user task carries. A {@code timeout} listener's timer is
 * created before its task exists, so {@code ${taskDeadlines.reminder(execution)}} evaluates the
 * task's {@code camunda:dueDate} from the model; these tests show both agree and follow the engine
 * clock across bank holidays.
 */
@ClassDeployment(resources = "org/spinout/journey/task-deadlines.bpmn")
class TaskDeadlinesProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Wednesday 17 December 2025, mid-morning: five working days later is Christmas Eve.
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2025, 12, 17, 10, 0));

	@Test
	void timersAreSetFromTheTaskDueDate() {
		// given / when
		ProcessInstance instance = start("england-wales");

		// then the task is due at midnight at the end of Wednesday 24 December
		assertThat(task(instance).getDueDate()).isEqualTo(london(2025, 12, 25, 0, 0));
		// and reminds two working days before that (Tuesday 23 and Wednesday 24 remain)
		assertThat(timers(instance)).extracting(Job::getDuedate)
				.containsExactly(london(2025, 12, 23, 0, 0), london(2025, 12, 25, 0, 0));
	}

	@Test
	void scottishBankHolidaysMoveTheDueDate() {
		// given Friday 26 December 2025; Scotland also keeps Friday 2 January
		clock.moveTo(london(2025, 12, 26, 9, 0));

		// when
		ProcessInstance instance = start("scotland");

		// then the 5 working days are 29, 30, 31 December, 5 and 6 January
		assertThat(task(instance).getDueDate()).isEqualTo(london(2026, 1, 7, 0, 0));
		assertThat(timers(instance)).extracting(Job::getDuedate)
				.containsExactly(london(2026, 1, 5, 0, 0), london(2026, 1, 7, 0, 0));
	}

	@Test
	void reminderMarksTheTaskAndLeavesItWaiting() {
		// given
		ProcessInstance instance = start("england-wales");
		clock.moveTo(london(2025, 12, 23, 0, 0));

		// when
		execute(timers(instance).get(0));

		// then
		Task task = task(instance);
		assertThat(taskService().getVariableLocal(task.getId(), TaskReminder.REMINDED_AT))
				.isEqualTo(london(2025, 12, 23, 0, 0));
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT)).isNull();
		assertThat(groups(task)).containsExactly("legal");
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareSomething");
		assertThat(timers(instance)).hasSize(1);
	}

	@Test
	void escalationAddsTheProgrammeOfficeAndRaisesPriority() {
		// given
		ProcessInstance instance = start("england-wales");
		clock.moveTo(london(2025, 12, 23, 0, 0));
		execute(timers(instance).get(0));
		clock.moveTo(london(2025, 12, 25, 0, 0));

		// when
		execute(timers(instance).get(0));

		// then
		Task task = task(instance);
		assertThat(groups(task)).containsExactlyInAnyOrder("legal", CandidateGroups.PROGRAMME_MANAGERS);
		assertThat(task.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT))
				.isEqualTo(london(2025, 12, 25, 0, 0));
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareSomething");
		assertThat(timers(instance)).isEmpty();
	}

	@Test
	void anEscalationAlreadyRecordedIsNotRepeated() {
		// given a task on which an earlier run of the escalation recorded its time
		ProcessInstance instance = start("england-wales");
		Date earlier = london(2025, 12, 24, 12, 0);
		taskService().setVariableLocal(task(instance).getId(), TaskEscalation.ESCALATED_AT, earlier);
		clock.moveTo(london(2025, 12, 25, 0, 0));

		// when
		execute(timers(instance).get(1));

		// then
		Task task = task(instance);
		assertThat(groups(task)).containsExactly("legal");
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT)).isEqualTo(earlier);
	}

	@Test
	void aReminderAlreadyRecordedIsNotMoved() {
		// given
		ProcessInstance instance = start("england-wales");
		Date earlier = london(2025, 12, 22, 12, 0);
		taskService().setVariableLocal(task(instance).getId(), TaskReminder.REMINDED_AT, earlier);
		clock.moveTo(london(2025, 12, 23, 0, 0));

		// when
		execute(timers(instance).get(0));

		// then
		assertThat(taskService().getVariableLocal(task(instance).getId(), TaskReminder.REMINDED_AT)).isEqualTo(earlier);
	}

	@Test
	void completingTheTaskCancelsItsTimers() {
		// given
		ProcessInstance instance = start("england-wales");

		// when
		taskService().complete(task(instance).getId());

		// then
		BpmnAwareTests.assertThat(instance).isEnded();
		assertThat(timers(instance)).isEmpty();
	}

	private static ProcessInstance start(String nation) {
		return runtimeService().startProcessInstanceByKey("task-deadlines", Map.of("nation", nation));
	}

	private static Task task(ProcessInstance instance) {
		return BpmnAwareTests.task(instance);
	}

	private static List<Job> timers(ProcessInstance instance) {
		return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
				.orderByJobDuedate().asc().list();
	}

}
