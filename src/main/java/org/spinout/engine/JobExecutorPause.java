package org.spinout.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs work with the job executor stopped, and starts it again afterwards if it was running: for
 * work that moves the engine clock and runs jobs itself, which the executor must not race.
 */
@Component
public class JobExecutorPause {

	private final ProcessEngine engine;

	JobExecutorPause(ProcessEngine engine) {
		this.engine = engine;
	}

	public <T> T during(Supplier<T> work) {
		// The public API has no way to stop the executor; the configuration's implementation class does.
		JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
				.getJobExecutor();
		boolean wasActive = jobExecutor != null && jobExecutor.isActive();
		if (wasActive) {
			jobExecutor.shutdown();
		}
		try {
			return work.get();
		}
		finally {
			if (wasActive) {
				jobExecutor.start();
			}
		}
	}
}
