package org.spinout.programme;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.spinout.identity.UserNames;
import org.springframework.stereotype.Component;

/** The names of the people a page mentions, read in one query however many there are. */
@Component
class PeopleNames {

	private final IdentityService identity;

	PeopleNames(IdentityService identity) {
		this.identity = identity;
	}

	/** User id to display name; an id with no user (a person since removed) is left out. */
	Map<String, String> of(Collection<String> userIds) {
		String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
		if (ids.length == 0) {
			return Map.of();
		}
		return identity.createUserQuery().userIdIn(ids).list().stream()
				.collect(Collectors.toMap(User::getId, UserNames::displayName));
	}
}
