package org.spinout.deadline;

/**
 * A read-only view of one configured clock, for pages that show the clocks with their sources; {@code metBy}
 * is the variable that, once set, says the deadline was met (null when the models record none).
 */
public record StatutoryClock(String name, String label, long length, ClockUnit unit, ClockDirection direction,
		String anchor, String source, int warningWorkingDays, String metBy) {
}
