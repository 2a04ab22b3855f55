package org.spinout.engine;

import java.time.Instant;

import org.spinout.time.LondonTime;

/** The engine's clock for tests elsewhere: moved forward to make timers due, and put back after each test. */
public final class TestClock {

	private static final EngineClock CLOCK = new EngineClock(LondonTime.ZONE);

	private TestClock() {
	}

	/** The application's clock as the application has it: the engine's time. */
	public static EngineClock clock() {
		return CLOCK;
	}

	public static void moveTo(Instant time) {
		CLOCK.moveTo(time);
	}

	public static void reset() {
		CLOCK.reset();
	}
}
