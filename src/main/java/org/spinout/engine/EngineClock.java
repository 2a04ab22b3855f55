package org.spinout.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's time as a {@link Clock}: what the process timers go by, and what tests move
 * ({@code ClockUtil.setCurrentTime}) instead of waiting.
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
}
