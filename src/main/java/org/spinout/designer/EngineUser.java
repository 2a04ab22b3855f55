package org.spinout.designer;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the signed-in person, so that the engine checks its authorizations
 * against them and records them as the author of what they deploy and migrate.
 */
@Component
class EngineUser {

	private final IdentityService identity;

	EngineUser(IdentityService identity) {
		this.identity = identity;
	}

	<T> T call(SpinoutUser user, Supplier<T> work) {
		identity.setAuthentication(user.id(), user.groups());
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}
}
