package org.spinout.notification;

/** The kinds of message Spinout sends; each person chooses per kind how, or whether, to get it by e-mail. */
public enum NotificationKind {

	TASK_ASSIGNED("A task is assigned to you"),
	TASK_AVAILABLE("A task is available to your team"),
	TASK_REMINDER("A task is due soon"),
	TASK_OVERDUE("A task is overdue"),
	CLOCK_WARNING("A statutory deadline is near"),
	CLOCK_BREACH("A statutory deadline has passed");

	private final String description;

	NotificationKind(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

	/** The form and column value, e.g. {@code task-assigned}. */
	public String value() {
		return name().toLowerCase().replace('_', '-');
	}
}
