package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.spinout.deadline.TaskDeadlines;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.TestClock;

/**
 * The tasks of a process instance under test, for the process tests that drive a phase task by
 * task: find one, complete it as its form would, and read its groups, its timers and what the
 * instance recorded.
 */
final class JourneyTasks {

	private static final WorkingDays WORKING_DAYS = new WorkingDays(TestClock.clock());

	private JourneyTasks() {
	}

	/**
	 * Completes the task as its form would, after checking that the form it names is deployed and
	 * that its reminder and escalation timers follow its own due date.
	 */
	static void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
		Task task = task(instance, taskKey);
		assertThat(formService().getDeployedTaskForm(task.getId())).isNotNull();
		String nation = (String) runtimeService().getVariable(instance.getId(), "nation");
		Date due = task.getDueDate();
		Date reminder = WORKING_DAYS.subtract(due, TaskDeadlines.DEFAULT_REMINDER_WORKING_DAYS, nation);
		assertThat(timers(instance, taskKey)).extracting(Job::getDuedate).containsExactly(reminder, due);
		taskService().complete(task.getId(), variables);
	}

	static Task task(ProcessInstance instance, String taskKey) {
		return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
	}

	/** The timers of an activity, a timer event's or a task's reminder and escalation, soonest first. */
	static List<Job> timers(ProcessInstance instance, String activityId) {
		return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
				.timers().orderByJobDuedate().asc().list();
	}

	static List<String> groups(Task task) {
		return taskService().getIdentityLinksForTask(task.getId()).stream()
				.map(IdentityLink::getGroupId)
				.toList();
	}

	/** A variable's value as the history has it, also after the instance ended; null when never set. */
	static Object historicVariable(ProcessInstance instance, String name) {
		HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId()).variableName(name).singleResult();
		return variable == null ? null : variable.getValue();
	}
}
