package org.spinout.journey;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.spinout.notification.TaskNotifications;
import org.springframework.stereotype.Component;

/**
 * Marks a user task as reminded when its reminder timer fires ({@code remindedAt}) and reminds the
 * people it waits for. Runs as the {@code timeout} listener with id {@code reminder}.
 */
@Component("taskReminder")
public class TaskReminder implements TaskListener {

	public static final String REMINDED_AT = "remindedAt";

	private final TaskNotifications notifications;

	public TaskReminder(TaskNotifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void notify(DelegateTask task) {
		// Timer jobs run at least once: a second run must neither move the recorded time nor remind again.
		if (task.getVariableLocal(REMINDED_AT) == null) {
			task.setVariableLocal(REMINDED_AT, ClockUtil.getCurrentTime());
			notifications.reminded(task);
		}
	}
}
