package org.spinout.task;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.spinout.engine.CandidateGroups;
import org.spinout.identity.UserNames;
import org.springframework.stereotype.Component;

/**
 * Whom open tasks are offered to, and so to whom they may be assigned: their candidate groups and
 * the groups' members. A list page reads the groups of all its tasks at once ({@link CandidateGroups}),
 * so that a page's cost does not grow with its rows.
 */
@Component
class TaskCandidates {

	/** The most people a filter lists: far more than take part in spin-outs. */
	private static final int EVERYONE = 2000;

	private static final Comparator<Person> BY_NAME = Comparator.comparing(Person::name,
			String.CASE_INSENSITIVE_ORDER);

	private final CandidateGroups groups;

	private final IdentityService identity;

	TaskCandidates(CandidateGroups groups, IdentityService identity) {
		this.groups = groups;
		this.identity = identity;
	}

	/** Someone a task may be assigned to. */
	record Person(String id, String name) {
	}

	/** The candidate groups of each task, by task id; a task offered to no group is absent. */
	Map<String, List<String>> groupsOf(Collection<String> taskIds) {
		return groups.of(taskIds);
	}

	/** The members of each group, in the order of their names. */
	Map<String, List<Person>> membersOf(Collection<String> groups) {
		Map<String, List<Person>> members = new TreeMap<>();
		for (String group : groups) {
			members.put(group, identity.createUserQuery().memberOfGroup(group).list().stream()
					.map(user -> new Person(user.getId(), UserNames.displayName(user)))
					.sorted(BY_NAME).toList());
		}
		return members;
	}

	/** Every user, in the order of their names, for a list's filter by assignee. */
	List<Person> everyone() {
		return identity.createUserQuery().listPage(0, EVERYONE).stream()
				.map(user -> new Person(user.getId(), UserNames.displayName(user))).sorted(BY_NAME).toList();
	}

	/** Everyone in any of the groups, once each, in the order of their names. */
	List<Person> members(Collection<String> groups) {
		return union(groups, membersOf(groups));
	}

	/** The people of the given groups, from members already read. */
	static List<Person> union(Collection<String> groups, Map<String, List<Person>> members) {
		return groups.stream().flatMap(group -> members.getOrDefault(group, List.of()).stream())
				.collect(Collectors.toMap(Person::id, person -> person, (a, b) -> a, LinkedHashMap::new))
				.values().stream().sorted(BY_NAME).toList();
	}
}
