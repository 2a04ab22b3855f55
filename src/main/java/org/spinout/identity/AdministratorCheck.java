package org.spinout.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start, once every seeding has run, when nobody could administer Spinout. */
@Component
class AdministratorCheck {

	private static final Logger log = LoggerFactory.getLogger(AdministratorCheck.class);

	private final People people;

	AdministratorCheck(People people) {
		this.people = people;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnWithoutAdministrator() {
		if (!people.hasMembers(Role.ADMINISTRATORS.groupId())) {
			log.warn("No administrator exists and none is configured: set spinout.admin.username and "
					+ "spinout.admin.password (or the environment variables SPINOUT_ADMIN_USERNAME and "
					+ "SPINOUT_ADMIN_PASSWORD) and restart to create one");
		}
	}
}
