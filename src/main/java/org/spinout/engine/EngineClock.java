package org.spinout.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's time as a {@link Clock}, and the application's clock (the one {@code Clock} bean):
 * what the process timers go by, and what the demo and the tests move instead of waiting. Pages, mail
 * and deadlines ask this clock, so that when a test moves the engine's time they move with it.
 */
public final class EngineClock extends Clock {

	private final ZoneId zone;

	public EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new EngineClock(zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/** Sets the engine's time, for every engine and clock in this JVM: timers due by then become due. */
	public void moveTo(Instant time) {
		ClockUtil.setCurrentTime(Date.from(time));
	}

	/** Puts the engine's time back to the system's. */
	public void reset() {
		ClockUtil.reset();
	}
}
