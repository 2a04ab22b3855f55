package org.spinout.task;

import java.time.Duration;
import java.util.Date;

/** How close a task is to its due date, as the task lists tag it. */
enum DueStatus {

	OVERDUE("Overdue", "govuk-tag--red"),
	DUE_SOON("Due soon", "govuk-tag--yellow"),
	ON_TIME(null, null);

	/** A task is due soon within this long of its due date. */
	static final Duration SOON = Duration.ofDays(3);

	private final String label;

	private final String tagClass;

	DueStatus(String label, String tagClass) {
		this.label = label;
		this.tagClass = tagClass;
	}

	public String label() {
		return label;
	}

	public String tagClass() {
		return tagClass;
	}

	static DueStatus of(Date due, Date now) {
		if (due == null) {
			return ON_TIME;
		}
		if (due.before(now)) {
			return OVERDUE;
		}
		return due.getTime() - now.getTime() <= SOON.toMillis() ? DUE_SOON : ON_TIME;
	}
}
