package org.spinout.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock for tests elsewhere: moved forward to make timers due, and put back after each test. */
public final class TestClock {

	private TestClock() {
	}

	public static void moveTo(Instant time) {
		ClockUtil.setCurrentTime(Date.from(time));
	}

	public static void reset() {
		ClockUtil.reset();
	}
}
