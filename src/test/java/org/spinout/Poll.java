package org.spinout;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for something another thread or process does, by asking again and again within a bound. */
public final class Poll {

	private static final Duration BETWEEN_POLLS = Duration.ofMillis(200);

	private Poll() {
	}

	public static void until(BooleanSupplier condition, Duration bound, String what) {
		Instant deadline = Instant.now().plus(bound);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not within " + bound.toSeconds() + " seconds: " + what);
			}
			LockSupport.parkNanos(BETWEEN_POLLS.toNanos());
		}
	}
}
