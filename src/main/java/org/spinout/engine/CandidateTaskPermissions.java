package org.spinout.engine;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a task's candidates and assignee may do with it through the engine: read it, work on it
 * (claim, complete) and assign it (give it back, pass it to a colleague), but not change it or
 * its variables. The engine gives them {@code UPDATE} by default, which is all of that and
 * writing variables, renaming the task and moving its due date. The engine's setting accepts
 * only UPDATE or TASK_WORK, and TASK_WORK alone would not let a person give a task back, so the
 * permission given is the two together. Tasks created before are brought in line at start.
 * Completing through the engine's API is further limited by {@code EngineApiReach}: a person
 * completes on Spinout's task page, whose form is checked.
 */
@Component
class CandidateTaskPermissions extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(CandidateTaskPermissions.class);

	/** Work on a task and assign it, as one permission, since the engine gives candidates one. */
	static final Permission WORK_AND_ASSIGN = new Permission() {

		@Override
		public String getName() {
			return "TASK_WORK_AND_ASSIGN";
		}

		@Override
		public int getValue() {
			return TaskPermissions.TASK_WORK.getValue() | TaskPermissions.TASK_ASSIGN.getValue();
		}

		@Override
		public Resource[] getTypes() {
			return new Resource[] { Resources.TASK };
		}
	};

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDefaultUserPermissionForTask(WORK_AND_ASSIGN);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		List<Authorization> updating = authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.resourceType(Resources.TASK)
				.hasPermission(Permissions.UPDATE)
				.list();
		int changed = 0;
		for (Authorization authorization : updating) {
			if (Authorization.ANY.equals(authorization.getResourceId())) {
				continue; // a role's grant on every task: the roles' own set-up decides it
			}
			authorization.removePermission(Permissions.UPDATE);
			authorization.addPermission(WORK_AND_ASSIGN);
			try {
				authorizations.saveAuthorization(authorization);
				changed++;
			}
			catch (OptimisticLockingException anotherNode) {
				// another node of the cluster did the same at the same time
			}
		}
		if (changed > 0) {
			log.info("Candidates and assignees of {} open tasks may now work on and assign them, not change them",
					changed);
		}
	}
}
