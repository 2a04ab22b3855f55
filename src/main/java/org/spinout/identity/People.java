package org.spinout.identity;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The one place Spinout asks who people are: their names, e-mail addresses and groups. Pages that
 * list many people ask for all of them at once ({@link #names}, {@link #find(Collection)}), so a
 * page costs one query for its people however many it shows.
 */
@Component
public class People {

	/** Sorts people by name as a reader scans a list: case aside. */
	public static final Comparator<Person> BY_NAME = Comparator.comparing(Person::name,
			String.CASE_INSENSITIVE_ORDER);

	/** No page or message lists more people than this; a bigger group is a configuration mistake. */
	public static final int MAX_LISTED = 2000;

	/** A person as pages and messages name them; {@code email} is null when the directory has none. */
	public record Person(String id, String name, String email) {
	}

	private final IdentityService identity;

	public People(IdentityService identity) {
		this.identity = identity;
	}

	public Optional<Person> find(String userId) {
		if (userId == null || userId.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()).map(People::person);
	}

	/** Each of the people who exist, by id, in one query; an id with no user (removed since) is left out. */
	public Map<String, Person> find(Collection<String> userIds) {
		String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
		if (ids.length == 0) {
			return Map.of();
		}
		return identity.createUserQuery().userIdIn(ids).list().stream().map(People::person)
				.collect(Collectors.toMap(Person::id, Function.identity()));
	}

	/** User id to name, in one query; an id with no user is left out. */
	public Map<String, String> names(Collection<String> userIds) {
		return find(userIds).values().stream().collect(Collectors.toMap(Person::id, Person::name));
	}

	/** The person's name, or their id when there is no such user (any more). */
	public String name(String userId) {
		return find(userId).map(Person::name).orElse(userId);
	}

	public boolean exists(String userId) {
		return userId != null && identity.createUserQuery().userId(userId).count() > 0;
	}

	/** The ids of the groups the person is in, sorted. */
	public List<String> groupsOf(String userId) {
		return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).sorted().toList();
	}

	public boolean isMember(String userId, String groupId) {
		return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
	}

	public boolean hasMembers(String groupId) {
		return identity.createUserQuery().memberOfGroup(groupId).count() > 0;
	}

	/** The members of the group, by user id, at most {@link #MAX_LISTED}. */
	public List<Person> membersOf(String groupId) {
		return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, MAX_LISTED)
				.stream().map(People::person).toList();
	}

	/** Everyone in the directory, by user id, at most {@link #MAX_LISTED}. */
	public List<Person> everyone() {
		return identity.createUserQuery().orderByUserId().asc().listPage(0, MAX_LISTED).stream().map(People::person)
				.toList();
	}

	private static Person person(User user) {
		return new Person(user.getId(), displayName(user), user.getEmail());
	}

	/** How Spinout names a person on its pages: first and last name, or the user id without them. */
	private static String displayName(User user) {
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return name.isEmpty() ? user.getId() : name;
	}
}
