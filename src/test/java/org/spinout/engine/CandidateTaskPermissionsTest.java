package org.spinout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task created by an earlier version of Spinout gave its candidates UPDATE, which lets them
 * write its variables: at start they get work and assign instead, as new tasks do.
 */
@SpinoutWebTest
class CandidateTaskPermissionsTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	AuthorizationService authorizations;

	@Test
	void aTaskFromBeforeIsBroughtInLineAtStart() {
		// given a candidate group's authorization on a task as the engine's default made it
		Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		old.setGroupId("hr");
		old.setResource(Resources.TASK);
		old.setResourceId("task-from-before");
		old.addPermission(Permissions.READ);
		old.addPermission(Permissions.UPDATE);
		authorizations.saveAuthorization(old);

		// when the engine starts again
		new CandidateTaskPermissions().postProcessEngineBuild(engine);

		// then
		Authorization now = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
				.resourceId("task-from-before").groupIdIn("hr").singleResult();
		assertThat(now.isPermissionGranted(Permissions.UPDATE)).isFalse();
		assertThat(now.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(now.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(now.isPermissionGranted(Permissions.TASK_ASSIGN)).isTrue();
	}
}
