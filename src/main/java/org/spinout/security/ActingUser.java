package org.spinout.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the signed-in person, with their groups: the engine records them as the
 * author (of a start, a comment, an attachment) and applies its own authorization checks on top
 * of Spinout's.
 */
@Component
public class ActingUser {

	private final IdentityService identity;

	ActingUser(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T call(SpinoutUser user, Supplier<T> action) {
		identity.setAuthentication(user.id(), user.groups());
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	public void run(SpinoutUser user, Runnable action) {
		call(user, () -> {
			action.run();
			return null;
		});
	}
}
