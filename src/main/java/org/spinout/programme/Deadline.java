package org.spinout.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.spinout.deadline.WorkingDays;

/**
 * Something a programme must meet by a time: an open task's due date, or a statutory clock with its
 * legal source. A clock is breached when its end has passed unmet; a task is overdue once due.
 */
public record Deadline(Kind kind, String label, Instant due, String source, boolean breached, String taskId,
		String key) {

	public enum Kind {
		TASK, CLOCK
	}

	static Deadline task(String taskId, String name, Instant due, Instant now) {
		return new Deadline(Kind.TASK, name, due, null, !now.isBefore(due), taskId, "task-" + taskId);
	}

	static Deadline clock(String key, String label, Instant due, String source, boolean breached) {
		return new Deadline(Kind.CLOCK, label, due, source, breached, null, "clock-" + key);
	}

	public boolean isClock() {
		return kind == Kind.CLOCK;
	}

	/**
	 * The day the deadline falls on: one at midnight (the end of a day, as the clocks count) belongs
	 * to the day it ends.
	 */
	public LocalDate day() {
		return WorkingDays.toLocalDate(Date.from(due.minusMillis(1)));
	}
}
