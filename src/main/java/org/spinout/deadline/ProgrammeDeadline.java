package org.spinout.deadline;

import java.time.Instant;

/**
 * One statutory deadline of a programme: which clock, when it ends, from when to warn about it, and
 * where the law says so. {@code key} tells two deadlines of the same clock apart (a programme with
 * two key decisions has two key decision notices): the clock name and the variable it counts from.
 */
public record ProgrammeDeadline(String programmeId, String programmeReference, String programmeName, String clock,
		String label, String source, String key, Instant due, Instant warningFrom, Status status) {

	public enum Status {
		/** Ends later, outside its warning period. */
		UPCOMING,
		/** Ends within its warning period. */
		WARNING,
		/** A deadline that has passed without being met. */
		BREACHED
	}
}
