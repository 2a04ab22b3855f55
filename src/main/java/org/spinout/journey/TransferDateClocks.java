package org.spinout.journey;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.spinout.contract.Delegates;
import org.spinout.contract.Variables;
import org.spinout.engine.TaskDueDate;
import org.springframework.stereotype.Component;

/**
 * Moves every clock of a phase that counts from the transfer date, after the date moved: the due
 * date of each open task whose {@code camunda:dueDate} reads {@code targetTransferDate} (and with it
 * its reminder and escalation), and each waiting timer event whose date reads it. Which clocks those
 * are is read from the model, so a clock added to a model moves without a change here. Runs in the
 * phase's "Transfer date moved" event sub-process ({@code ${transferDateClocks}}), after the message
 * has set the new date in the phase.
 */
@Component(Delegates.TRANSFER_DATE_CLOCKS)
public class TransferDateClocks implements JavaDelegate {

	private static final Pattern READS_TRANSFER_DATE = Pattern.compile("\\b" + Variables.TARGET_TRANSFER_DATE + "\\b");

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		ManagementService management = execution.getProcessEngineServices().getManagementService();
		BpmnModelInstance model = execution.getBpmnModelInstance();
		String instanceId = execution.getProcessInstanceId();
		for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
			ModelElementInstance element = model.getModelElementById(task.getTaskDefinitionKey());
			if (element instanceof UserTask userTask && readsTransferDate(userTask.getCamundaDueDate())) {
				task.setDueDate(TaskDueDate.of(execution, userTask));
				tasks.saveTask(task);
				// its reminder and escalation count from its due date
				recalculateTimers(management, instanceId, userTask.getId());
			}
		}
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			if (timer.getParentElement() instanceof Event event && readsTransferDate(timer)) {
				recalculateTimers(management, instanceId, event.getId());
			}
		}
	}

	private static boolean readsTransferDate(TimerEventDefinition timer) {
		return (timer.getTimeDate() != null && readsTransferDate(timer.getTimeDate().getTextContent()))
				|| (timer.getTimeDuration() != null && readsTransferDate(timer.getTimeDuration().getTextContent()))
				|| (timer.getTimeCycle() != null && readsTransferDate(timer.getTimeCycle().getTextContent()));
	}

	private static boolean readsTransferDate(String expression) {
		return expression != null && READS_TRANSFER_DATE.matcher(expression).find();
	}

	/** The engine evaluates each timer's own expression again, with the variables as they are now. */
	private static void recalculateTimers(ManagementService management, String instanceId, String activityId) {
		for (Job job : management.createJobQuery().processInstanceId(instanceId).activityId(activityId).timers().list()) {
			management.recalculateJobDuedate(job.getId(), false);
		}
	}
}
