package org.spinout.identity;

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
 * What an earlier version of Spinout granted programme managers and this one does not (changing
 * any task, and so completing it) is taken back at start; what they need stays.
 */
@SpinoutWebTest
class RoleGrantsTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentitySetup setup;

	@Test
	void whatManagersWereGrantedBeforeIsTakenBackAtStart() {
		// given the managers' grant on every task as an earlier version made it
		Authorization tasks = managersOnEveryTask();
		tasks.addPermission(Permissions.UPDATE);
		authorizations.saveAuthorization(tasks);

		// when the engine starts again
		setup.engineStarted(engine);

		// then
		Authorization now = managersOnEveryTask();
		assertThat(now.isPermissionGranted(Permissions.UPDATE)).isFalse();
		assertThat(now.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(now.isPermissionGranted(Permissions.TASK_ASSIGN)).isTrue();
		assertThat(now.isPermissionGranted(Permissions.TASK_WORK)).isFalse();
	}

	private Authorization managersOnEveryTask() {
		return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(Role.PROGRAMME_MANAGERS.groupId()).resourceType(Resources.TASK).resourceId(Authorization.ANY)
				.singleResult();
	}
}
