package org.spinout.deadline;

/** Whether a clock runs forward from its anchor (a standstill) or back from it (notice before a transfer). */
public enum ClockDirection {
	AFTER,
	BEFORE
}
