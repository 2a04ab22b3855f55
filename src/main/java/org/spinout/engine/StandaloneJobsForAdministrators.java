package org.spinout.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Leaves jobs that belong to no process, the nightly history clean-up among them, to
 * administrators. The engine checks nothing when someone changes such a job ("standalone: nothing
 * to do"), so any signed-in person could delete, suspend or reschedule the clean-up; here
 * changing one needs {@code camunda-admin}. Jobs of a process keep the engine's own checks.
 * Suspending a job by its id is not checked by the engine at all; the REST API's list
 * ({@code EngineApiReach}) leaves that to administrators.
 */
@Component
class StandaloneJobsForAdministrators extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandChecker> checkers = new ArrayList<>();
		checkers.add(new TenantCommandChecker());
		checkers.add(new Checker());
		configuration.setCommandCheckers(checkers);
	}

	/** The engine's authorization checks, with standalone jobs for administrators. */
	static final class Checker extends AuthorizationCommandChecker {

		@Override
		public void checkUpdateJob(JobEntity job) {
			if (job.getProcessDefinitionKey() == null) {
				getAuthorizationManager().checkCamundaAdmin();
			}
			super.checkUpdateJob(job);
		}

		@Override
		public void checkUpdateRetriesJob(JobEntity job) {
			if (job.getProcessDefinitionKey() == null) {
				getAuthorizationManager().checkCamundaAdmin();
			}
			super.checkUpdateRetriesJob(job);
		}
	}
}
