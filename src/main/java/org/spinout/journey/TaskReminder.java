package org.spinout.journey;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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

	private final Clock clock;

	public TaskReminder(TaskNotifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		// Timer jobs run at least once: a second run must neither move the recorded time nor remind again.
		if (task.getVariableLocal(REMINDED_AT) == null) {
			task.setVariableLocal(REMINDED_AT, Date.from(clock.instant()));
			notifications.reminded(task);
		}
	}
}
