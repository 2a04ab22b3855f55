package org.spinout.programme;

import java.time.Instant;
import java.time.LocalDate;

import org.spinout.time.LondonTime;

/**
 * Something a programme must meet, or wait for, by a time: an open task's due date, or a statutory
 * clock with its legal source. A statutory deadline is breached when it passes unmet; a waiting
 * period (a standstill, a notice period) simply ends. A task is overdue once due.
 */
public record Deadline(Kind kind, String label, Instant due, String source, boolean breached, String taskId,
		String key) {

	public enum Kind {
		TASK, DEADLINE, WAITING_PERIOD
	}

	static Deadline task(String taskId, String name, Instant due, Instant now) {
		return new Deadline(Kind.TASK, name, due, null, !now.isBefore(due), taskId, "task-" + taskId);
	}

	static Deadline clock(Kind kind, String key, String label, Instant due, String source, boolean breached) {
		return new Deadline(kind, label, due, source, breached, null, "clock-" + key.replace(':', '-'));
	}

	public boolean isClock() {
		return kind != Kind.TASK;
	}

	public boolean isWaitingPeriod() {
		return kind == Kind.WAITING_PERIOD;
	}

	/** The last day on which it can be met: one due at midnight belongs to the day that ends then. */
	public LocalDate day() {
		return LondonTime.dueDay(due);
	}
}
