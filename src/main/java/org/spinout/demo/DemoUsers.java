package org.spinout.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.spinout.engine.EngineStartup;
import org.spinout.identity.People;
import org.spinout.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds one demo user per role, in the demo profile only; running it again changes nothing. */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements EngineStartup {

	record DemoUser(String id, String firstName, String lastName, List<Role> roles) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("manager", "Priya", "Shah", List.of(Role.PROGRAMME_MANAGERS)),
			new DemoUser("board", "Tom", "Okafor", List.of(Role.SHADOW_BOARD)),
			new DemoUser("sponsor", "Helen", "Clarke", List.of(Role.SPONSORS)),
			new DemoUser("cabinet", "David", "Hughes", List.of(Role.DECISION_MAKERS)),
			new DemoUser("legal", "Amara", "Bello", List.of(Role.LEGAL)),
			new DemoUser("finance", "Gareth", "Evans", List.of(Role.FINANCE)),
			new DemoUser("scrutiny", "Fiona", "Mackay", List.of(Role.SCRUTINY)),
			new DemoUser("commissioner", "Sanjay", "Patel", List.of(Role.COMMISSIONERS)),
			new DemoUser("procurement", "Lucy", "Wright", List.of(Role.PROCUREMENT)),
			new DemoUser("hr", "Aisha", "Rahman", List.of(Role.HR)),
			new DemoUser("union", "Mark", "Doyle", List.of(Role.UNIONS)),
			new DemoUser("pensions", "Ruth", "Campbell", List.of(Role.PENSIONS)),
			new DemoUser("designer", "Owen", "Price", List.of(Role.PROCESS_DESIGNERS)),
			new DemoUser("admin", "Sam", "Taylor", List.of(Role.ADMINISTRATORS, Role.PROGRAMME_MANAGERS)));

	private final String password;

	DemoUsers(@Value("${spinout.demo.password}") String password) {
		this.password = password;
	}

	@Override
	public void engineStarted(ProcessEngine engine) {
		seed(engine.getIdentityService());
	}

	public void seed(IdentityService identity) {
		People people = new People(identity);
		for (DemoUser demo : USERS) {
			if (!people.exists(demo.id())) {
				User user = identity.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setEmail(demo.id() + "@spinout.example");
				user.setPassword(password);
				identity.saveUser(user);
			}
			for (Role role : demo.roles()) {
				if (!people.isMember(demo.id(), role.groupId())) {
					identity.createMembership(demo.id(), role.groupId());
				}
			}
		}
	}
}
