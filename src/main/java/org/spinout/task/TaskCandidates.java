package org.spinout.task;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.spinout.engine.OfferedGroups;
import org.spinout.identity.People;
import org.springframework.stereotype.Component;

/**
 * Whom open tasks are offered to, and so to whom they may be assigned: their candidate groups and
 * the groups' members. A list page reads the groups of all its tasks at once ({@link OfferedGroups}),
 * so that a page's cost does not grow with its rows.
 */
@Component
class TaskCandidates {

	private final OfferedGroups offered;

	private final People people;

	TaskCandidates(OfferedGroups offered, People people) {
		this.offered = offered;
		this.people = people;
	}

	/** The candidate groups of each task, by task id; a task offered to no group is absent. */
	Map<String, List<String>> groupsOf(Collection<String> taskIds) {
		return offered.of(taskIds);
	}

	/** The members of each group, in the order of their names. */
	Map<String, List<People.Person>> membersOf(Collection<String> groups) {
		Map<String, List<People.Person>> members = new TreeMap<>();
		for (String group : groups) {
			members.put(group, people.membersOf(group).stream().sorted(People.BY_NAME).toList());
		}
		return members;
	}

	/** Every user, in the order of their names, for a list's filter by assignee. */
	List<People.Person> everyone() {
		return people.everyone().stream().sorted(People.BY_NAME).toList();
	}

	/** Everyone in any of the groups, once each, in the order of their names. */
	List<People.Person> members(Collection<String> groups) {
		return union(groups, membersOf(groups));
	}

	/** The people of the given groups, from members already read. */
	static List<People.Person> union(Collection<String> groups, Map<String, List<People.Person>> members) {
		return groups.stream().flatMap(group -> members.getOrDefault(group, List.of()).stream())
				.collect(Collectors.toMap(People.Person::id, person -> person, (a, b) -> a, LinkedHashMap::new))
				.values().stream().sorted(People.BY_NAME).toList();
	}
}
