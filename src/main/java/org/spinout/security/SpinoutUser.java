package org.spinout.security;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;

/** The signed-in person: their user id in Camunda's identity service, name and groups. */
public record SpinoutUser(String id, String displayName, List<String> groups)
		implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return id;
	}

	public boolean isMemberOf(String groupId) {
		return groups.contains(groupId);
	}
}
