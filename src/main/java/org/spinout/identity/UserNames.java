package org.spinout.identity;

import org.camunda.bpm.engine.identity.User;

/** How Spinout names a person on its pages: first and last name, or the user id without them. */
public final class UserNames {

	private UserNames() {
	}

	public static String displayName(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return name.isEmpty() ? user.getId() : name;
	}
}
