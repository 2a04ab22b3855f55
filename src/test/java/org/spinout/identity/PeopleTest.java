package org.spinout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.sql.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;

/** The people directory answers for many people at once, and for people who are gone. */
@SpinoutWebTest
class PeopleTest {

	@Autowired
	People people;

	@Autowired
	IdentityService identity;

	@Autowired
	SqlStatementCounter sql;

	private final List<String> made = new ArrayList<>();

	@AfterEach
	void removeThePeopleMade() {
		made.forEach(identity::deleteUser);
	}

	@Test
	void theNamesOfManyPeopleTakeOneStatement() {
		// given forty people, and the id of someone removed since
		String batch = UUID.randomUUID().toString().substring(0, 8);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add(person(batch + "-" + i, "Person", String.valueOf(i)));
		}
		ids.add("gone-" + batch);

		// when a page asks for all their names
		AtomicReference<Map<String, String>> names = new AtomicReference<>();
		long statements = sql.count(() -> names.set(people.names(ids)));

		// then one statement answers, and the person who is gone is left out
		assertThat(statements).isEqualTo(1);
		assertThat(names.get()).hasSize(40).containsEntry(batch + "-7", "Person 7")
				.doesNotContainKey("gone-" + batch);
	}

	@Test
	void aPersonIsNamedAndReachedAsTheDirectorySays() {
		String id = person("people-" + UUID.randomUUID().toString().substring(0, 8), "Nia", "Roberts");

		assertThat(people.name(id)).isEqualTo("Nia Roberts");
		assertThat(people.find(id)).hasValueSatisfying(person -> assertThat(person.email()).isEqualTo(id + "@example.org"));
		assertThat(people.exists(id)).isTrue();
		assertThat(people.name("nobody-" + id)).isEqualTo("nobody-" + id);
		assertThat(people.exists("nobody-" + id)).isFalse();
		assertThat(people.names(List.of())).isEmpty();
	}

	private String person(String id, String firstName, String lastName) {
		User user = identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEmail(id + "@example.org");
		identity.saveUser(user);
		made.add(id);
		return id;
	}
}
