package org.spinout.engine;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** A user task's {@code camunda:dueDate}, worked out as the engine works it out when the task starts. */
public final class TaskDueDate {

	private TaskDueDate() {
	}

	/**
	 * The due date of {@code task} as its {@code camunda:dueDate} gives it now, evaluated with the
	 * variables {@code scope} sees: when a date it counts from has moved, the task's new due date.
	 */
	public static Date of(DelegateExecution scope, UserTask task) {
		// Only the engine's own expression manager resolves beans and variables exactly as the task did.
		ProcessEngineConfigurationImpl configuration =
				(ProcessEngineConfigurationImpl) scope.getProcessEngine().getProcessEngineConfiguration();
		Object due = configuration.getExpressionManager().createExpression(task.getCamundaDueDate()).getValue(scope);
		if (due instanceof Date date) {
			return date;
		}
		if (due instanceof String text) {
			// As the engine reads a due date written as text (Camunda Modeler's field): an ISO 8601
			// date and time, or a duration such as P5D from the moment the task starts.
			return configuration.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
					.resolveDuedate(text);
		}
		throw new IllegalStateException("The camunda:dueDate of '" + task.getId() + "' gave " + due
				+ " where the timers need a date");
	}
}
