package org.spinout.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

@SpinoutWebTest
class DemoUsersTest {

	@Autowired
	DemoUsers demoUsers;

	@Autowired
	IdentityService identity;

	@Test
	void seedingAgainCreatesEachUserOnce() {
		long usersBefore = identity.createUserQuery().count();

		demoUsers.seed(identity);
		demoUsers.seed(identity);

		assertThat(identity.createUserQuery().count()).isEqualTo(usersBefore);
		for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
			assertThat(identity.createUserQuery().userId(demo.id()).count()).as(demo.id()).isEqualTo(1);
			assertThat(identity.createGroupQuery().groupMember(demo.id()).count()).as(demo.id())
					.isEqualTo(demo.roles().size());
			assertThat(identity.checkPassword(demo.id(), "demo")).as(demo.id()).isTrue();
		}
	}

	@Test
	void everyRoleIsAGroup() {
		for (Role role : Role.values()) {
			assertThat(identity.createGroupQuery().groupId(role.groupId()).count()).as(role.groupId()).isEqualTo(1);
		}
	}

	@Test
	void theDemoAdministratorIsAnAdministratorAndAProgrammeManager() {
		assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isEqualTo(1);
		assertThat(identity.createUserQuery().memberOfGroup("programme-managers").userId("admin").count()).isEqualTo(1);
	}
}
