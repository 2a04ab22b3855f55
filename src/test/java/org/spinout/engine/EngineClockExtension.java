package org.spinout.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine-and-clock set-up of a test class, in one place: each test starts at the same time
 * (or at the system's), moves the engine clock through this extension instead of sleeping, and
 * afterwards the clock is put back, so that no test sees another's time. Given the class's
 * in-memory engine, it also points Camunda BPM Assert at that engine for each test and forgets it
 * afterwards. The job executor is off in every test engine ({@code JourneyTestEngine}, the
 * application's test profile): tests run jobs themselves with {@code execute(job())}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();
 *
 * @RegisterExtension
 * final EngineClockExtension clock = EngineClockExtension.at(engine, JourneyTimers.london(2026, 3, 2, 9, 0));
 * }</pre>
 * or, in a test of the application, {@code EngineClockExtension.systemTime()}.
 */
public final class EngineClockExtension implements BeforeEachCallback, AfterEachCallback {

	private final ProcessEngineExtension engine;

	private final Date start;

	private EngineClockExtension(ProcessEngineExtension engine, Date start) {
		this.engine = engine;
		this.start = start;
	}

	/** Each test begins at {@code start} on the class's {@code engine}. */
	public static EngineClockExtension at(ProcessEngineExtension engine, Date start) {
		return new EngineClockExtension(engine, start);
	}

	/** Each test begins at the system's time, on the application's engine. */
	public static EngineClockExtension systemTime() {
		return new EngineClockExtension(null, null);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		TestClock.reset();
		if (engine != null) {
			// Classes use one of two engines (with or without coverage): tell Camunda BPM Assert which.
			BpmnAwareTests.init(engine.getProcessEngine());
		}
		if (start != null) {
			moveTo(start);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		TestClock.reset();
		if (engine != null) {
			BpmnAwareTests.reset();
		}
	}

	/** Sets the engine's time: timers due by then become due (run them with {@code execute(job())}). */
	public void moveTo(Date time) {
		moveTo(time.toInstant());
	}

	public void moveTo(Instant time) {
		TestClock.moveTo(time);
	}

	/** Puts the engine's time back to the system's. */
	public void reset() {
		TestClock.reset();
	}

	/** The engine's time now. */
	public Date now() {
		return Date.from(TestClock.clock().instant());
	}
}
