package org.spinout.deadline;

import java.time.Instant;
import java.time.LocalDate;

import org.spinout.time.LondonTime;

/**
 * Something a programme must meet, or wait for, by a time: an open task's due date, or a statutory
 * clock with its legal source. A statutory deadline is breached when it passes unmet; a waiting
 * period (a standstill, a notice period) simply ends. A task is overdue once due.
 * <p>
 * {@code key} tells two deadlines of a programme apart: a task's id, or for a clock its name and
 * the variable it counts from (a programme with two key decisions has two key decision notices).
 * {@code clock}, {@code source} and {@code warningFrom} are null for a task; {@code taskId} is
 * null for a clock.
 */
public record Deadline(Kind kind, String programmeId, String programmeReference, String programmeName, String clock,
		String key, String label, String source, Instant due, Instant warningFrom, Status status, String taskId) {

	public enum Kind {
		TASK, DEADLINE, WAITING_PERIOD
	}

	public enum Status {
		/** Ends later, outside its warning period. */
		UPCOMING,
		/** Ends within its warning period. */
		WARNING,
		/** Has passed without being met: a statutory deadline breached, a task overdue. */
		BREACHED
	}

	/** An open task's due date; its programme is the one whose page or row lists it. */
	public static Deadline task(String taskId, String name, Instant due, Instant now) {
		return new Deadline(Kind.TASK, null, null, null, null, taskId, name, null, due, null,
				now.isBefore(due) ? Status.UPCOMING : Status.BREACHED, taskId);
	}

	public boolean isClock() {
		return kind != Kind.TASK;
	}

	public boolean isWaitingPeriod() {
		return kind == Kind.WAITING_PERIOD;
	}

	public boolean breached() {
		return status == Status.BREACHED;
	}

	/** Names the deadline among its programme's, the same from one day to the next (an event's id in a calendar). */
	public String id() {
		return (isClock() ? "clock-" : "task-") + key.replace(':', '-');
	}

	/** The last day on which it can be met: one due at midnight belongs to the day that ends then. */
	public LocalDate day() {
		return LondonTime.dueDay(due);
	}
}
