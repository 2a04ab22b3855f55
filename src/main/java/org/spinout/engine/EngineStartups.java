package org.spinout.engine;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/** Runs every {@link EngineStartup}, in order, once the engine is built. */
@Component
class EngineStartups extends AbstractProcessEnginePlugin {

	private final List<EngineStartup> startups;

	/** Spring gives the list in the beans' {@code @Order}. */
	EngineStartups(List<EngineStartup> startups) {
		this.startups = List.copyOf(startups);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		startups.forEach(startup -> startup.engineStarted(engine));
	}
}
