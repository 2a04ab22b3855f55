package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.spinout.contract.Variables;
import org.spinout.engine.TestClock;

/**
 * One process instance of a journey model under test, driven as its users would: complete the task
 * it waits at, decide a gate, and read what it recorded at the end.
 */
final class JourneyInstance {

	private final ProcessInstance instance;

	private JourneyInstance(ProcessInstance instance) {
		this.instance = instance;
	}

	static JourneyInstance start(String processKey, String businessKey, Map<String, Object> variables) {
		return new JourneyInstance(runtimeService().startProcessInstanceByKey(processKey, businessKey, variables));
	}

	ProcessInstance instance() {
		return instance;
	}

	/** The task the instance waits at, failing when it does not wait there. */
	Task waitingTask(String taskId) {
		BpmnAwareTests.assertThat(instance).isWaitingAt(taskId);
		return BpmnAwareTests.task(taskId, instance);
	}

	/**
	 * Completes the waiting task with the values its form submits, as name-value pairs, after checking
	 * that the task's form is deployed with it.
	 */
	void complete(String taskId, Object... nameValuePairs) {
		Task task = waitingTask(taskId);
		assertThat(formService().getDeployedTaskForm(task.getId())).as("deployed form of %s", taskId).isNotNull();
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			variables.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
		}
		BpmnAwareTests.complete(task, variables);
	}

	/**
	 * Runs the steps the engine does on its own between people's work (asynchronous service tasks and
	 * continuations), as the job executor would, until none is left; timers wait for their time.
	 */
	void runJobs() {
		for (int round = 0; round < 100; round++) {
			Job job = managementService().createJobQuery().processInstanceId(instance.getId()).messages().executable()
					.listPage(0, 1).stream().findFirst().orElse(null);
			if (job == null) {
				return;
			}
			managementService().executeJob(job.getId());
		}
		throw new AssertionError("The instance keeps making jobs: a loop without a wait");
	}

	/** Completes a gate or review with the decision pattern's two fields. */
	void decide(String taskId, String decision, String reason) {
		complete(taskId, "decision", decision, "decisionReason", reason);
	}

	/** A variable as the form of the waiting task sees it. */
	Object taskVariable(String taskId, String name) {
		return taskService().getVariable(waitingTask(taskId).getId(), name);
	}

	/** The last value of a variable of the process instance itself, also after it ended. */
	Object value(String name) {
		HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId()).activityInstanceIdIn(instance.getId()).variableName(name)
				.singleResult();
		return variable == null ? null : variable.getValue();
	}

	/**
	 * Carries out a stop the decision-makers decided: HR tells the staff, the programme managers withdraw
	 * the notices, in the stop-in-order process the phase called.
	 */
	void carryOutTheStop() {
		ProcessInstance stopping = BpmnAwareTests.calledProcessInstance("stop-in-order", instance);
		BpmnAwareTests.complete(BpmnAwareTests.task("TellStaffTheProgrammeStopped", stopping), Map.of("staffToldDate",
				Date.from(TestClock.clock().instant()), "staffToldHow", "A briefing for each team and a letter to each",
				"unionsTold", true));
		BpmnAwareTests.complete(BpmnAwareTests.task("WithdrawPublishedNotices", stopping),
				Map.of("withdrawnNotices", "forward-plan"));
	}

	/** The programme was recorded as stopped at the named gate, for the given reason. */
	void assertStopped(String reason, String gate) {
		assertThat(value(Variables.PROGRAMME_STATUS)).isEqualTo(RecordProgrammeStop.STOPPED);
		assertThat(value(RecordProgrammeStop.STOP_REASON)).isEqualTo(reason);
		assertThat(value(RecordProgrammeStop.STOPPED_AT)).isEqualTo(gate);
	}
}
