package org.spinout.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.engine.EngineStartup;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, every time the engine starts, that each role exists as a group with the engine
 * authorizations it needs, and creates the first administrator from configuration. Everything
 * here is idempotent: a restart adds nothing that is already there, and takes back only the
 * permissions earlier versions of Spinout granted and {@link RoleGrants#withdrawn()} lists.
 */
@Component
@Order(10)
class IdentitySetup implements EngineStartup {

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private final AdminProperties admin;

	IdentitySetup(AdminProperties admin) {
		this.admin = admin;
	}

	@Override
	public void engineStarted(ProcessEngine engine) {
		IdentityService identity = engine.getIdentityService();
		AuthorizationService authorizations = engine.getAuthorizationService();
		for (Role role : Role.values()) {
			ensureGroup(identity, role);
		}
		for (Resources resource : Resources.values()) {
			grant(authorizations, Role.ADMINISTRATORS.groupId(), resource, Authorization.ANY,
					List.of(Permissions.ALL));
		}
		for (RoleGrants.Grant grant : RoleGrants.all()) {
			grant(authorizations, grant.groupId(), grant.resource(), grant.resourceId(), grant.permissions());
		}
		for (RoleGrants.Grant withdrawn : RoleGrants.withdrawn()) {
			withdraw(authorizations, withdrawn);
		}
		ensureAdministrator(identity);
	}

	private static void ensureGroup(IdentityService identity, Role role) {
		if (identity.createGroupQuery().groupId(role.groupId()).count() > 0) {
			return;
		}
		Group group = identity.newGroup(role.groupId());
		group.setName(role.displayName());
		group.setType(role == Role.ADMINISTRATORS ? "SYSTEM" : "WORKFLOW");
		identity.saveGroup(group);
	}

	private static void grant(AuthorizationService authorizations, String groupId, Resource resource,
			String resourceId, List<? extends org.camunda.bpm.engine.authorization.Permission> permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(groupId)
				.resourceType(resource)
				.resourceId(resourceId)
				.singleResult();
		Authorization authorization = existing != null ? existing
				: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		boolean changed = existing == null;
		for (var permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(authorization);
		}
	}

	/** Takes back what an earlier version of Spinout granted and this one does not. */
	private static void withdraw(AuthorizationService authorizations, RoleGrants.Grant withdrawn) {
		Authorization existing = authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(withdrawn.groupId())
				.resourceType(withdrawn.resource())
				.resourceId(withdrawn.resourceId())
				.singleResult();
		if (existing == null) {
			return;
		}
		boolean changed = false;
		for (var permission : withdrawn.permissions()) {
			if (existing.isPermissionGranted(permission)) {
				existing.removePermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(existing);
			log.info("Withdrew {} on {} from {}", withdrawn.permissions(), withdrawn.resource().resourceName(),
					withdrawn.groupId());
		}
	}

	private void ensureAdministrator(IdentityService identity) {
		if (admin.isConfigured()) {
			People people = new People(identity);
			if (!people.exists(admin.username())) {
				User user = identity.newUser(admin.username());
				user.setFirstName("Administrator");
				user.setLastName("");
				user.setPassword(admin.password());
				identity.saveUser(user);
				log.info("Created the administrator '{}' from configuration", admin.username());
			}
			if (!people.isMember(admin.username(), Role.ADMINISTRATORS.groupId())) {
				identity.createMembership(admin.username(), Role.ADMINISTRATORS.groupId());
			}
		}
	}
}
