package org.spinout.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine has signed in for the running call, and their groups. The engine's API hands this
 * out as one of its implementation classes; features read it here instead.
 */
public record SignedIn(String userId, List<String> groupIds) {

	/** The person signed in to the engine now; empty for work the engine does on its own, such as a timer. */
	public static Optional<SignedIn> to(IdentityService identity) {
		Authentication current = identity.getCurrentAuthentication();
		if (current == null) {
			return Optional.empty();
		}
		return Optional.of(new SignedIn(current.getUserId(),
				current.getGroupIds() == null ? List.of() : List.copyOf(current.getGroupIds())));
	}
}
