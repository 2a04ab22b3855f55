package org.spinout.journey;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts every test of a process test class at the same London time on the class's engine, and
 * afterwards puts the engine clock back and forgets the engine, so that no test sees another's
 * clock or engine. Register it beside the engine:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();
 *
 * @RegisterExtension
 * final JourneyClock clock = JourneyClock.at(engine, JourneyTimers.london(2026, 3, 2, 9, 0));
 * }</pre>
 */
public final class JourneyClock implements BeforeEachCallback, AfterEachCallback {

	private final ProcessEngineExtension engine;

	private final Date start;

	private JourneyClock(ProcessEngineExtension engine, Date start) {
		this.engine = engine;
		this.start = start;
	}

	/** Each test begins at {@code start} on {@code engine}. */
	public static JourneyClock at(ProcessEngineExtension engine, Date start) {
		return new JourneyClock(engine, start);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// Each test class has an engine of its own, so Camunda BPM Assert must be told which.
		BpmnAwareTests.init(engine.getProcessEngine());
		ClockUtil.setCurrentTime(start);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}
}
