package org.spinout.deadline;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.spinout.contract.Variables;
import org.spinout.engine.TaskDueDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a user task's reminder and escalation timers fire, computed from the task's own
 * {@code camunda:dueDate} so the timers can never drift from it.
 *
 * <p>The engine creates a timeout listener's timer as the activity starts, before the task exists,
 * and evaluates the timer expression against the execution: {@code task} cannot be resolved there.
 * So these methods take the {@code execution}, read the user task's {@code camunda:dueDate}
 * expression from the model and evaluate it in the same scope. No model names these methods: the
 * engine adds the two timeout listeners to every user task with a due date as it reads the model
 * ({@code org.spinout.engine.TaskPlumbing}).
 */
@Component("taskDeadlines")
public class TaskDeadlines {

	public static final int DEFAULT_REMINDER_WORKING_DAYS = 2;

	private final WorkingDays workingDays;
	private final int reminderWorkingDays;

	public TaskDeadlines(WorkingDays workingDays,
			@Value("${spinout.tasks.reminder-working-days:" + DEFAULT_REMINDER_WORKING_DAYS + "}") int reminderWorkingDays) {
		this.workingDays = workingDays;
		this.reminderWorkingDays = reminderWorkingDays;
	}

	/** The configured number of working days (default 2) before the task's due date. */
	public Date reminder(DelegateExecution execution) {
		Object nation = execution.getVariable(Variables.NATION);
		return workingDays.subtract(dueDate(execution), reminderWorkingDays, nation == null ? null : nation.toString());
	}

	/** The task's due date: the task is overdue from then on. */
	public Date escalation(DelegateExecution execution) {
		return dueDate(execution);
	}

	private static Date dueDate(DelegateExecution execution) {
		FlowElement element = execution.getBpmnModelElementInstance();
		if (!(element instanceof UserTask task) || task.getCamundaDueDate() == null) {
			throw new IllegalStateException("Reminder and escalation timers belong on a user task with a camunda:dueDate, not on '"
					+ (element == null ? execution.getCurrentActivityId() : element.getId()) + "'");
		}
		return TaskDueDate.of(execution, task);
	}
}
