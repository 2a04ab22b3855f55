package org.spinout.engine;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Work to do each time the engine has been built, before the application takes requests (deploying
 * the models, setting up groups and their authorizations). Runs in the order of each bean's
 * {@code @Order}; it must be idempotent, since it runs at every start.
 */
public interface EngineStartup {

	void engineStarted(ProcessEngine engine);
}
