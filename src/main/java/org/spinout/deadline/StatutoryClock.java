package org.spinout.deadline;

/** A read-only view of one configured clock, for pages that show the clocks with their sources. */
public record StatutoryClock(String name, String label, long length, ClockUnit unit, ClockDirection direction,
		String anchor, String source, int warningWorkingDays) {
}
