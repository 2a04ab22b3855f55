package org.spinout.deadline;

/**
 * What the end of a clock means. A deadline is breached when it passes with the thing not done (the
 * employee liability information); a waiting period simply ends (a standstill, after which the
 * contract may be signed), so its end passing is no breach.
 */
public enum ClockKind {
	DEADLINE,
	WAITING_PERIOD
}
