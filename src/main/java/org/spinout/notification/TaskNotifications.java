package org.spinout.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the reminder and escalation listeners of the models tell people, in the engine's transaction:
 * the timer job that fires them commits the notification with its other effects, or neither.
 */
public interface TaskNotifications {

	/** The task falls due soon: its assignee, or whoever could take it, is reminded. */
	void reminded(DelegateTask task);

	/** The task is overdue: its assignee, or whoever could take it, and the programme managers are told. */
	void escalated(DelegateTask task);
}
