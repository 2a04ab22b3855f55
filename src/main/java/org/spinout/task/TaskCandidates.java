package org.spinout.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.spinout.identity.People;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whom open tasks are offered to, and so to whom they may be assigned: their candidate groups and
 * the groups' members. A list page reads the groups of all its tasks in one statement, by
 * read-only SQL on the engine's runtime table (which Camunda 7 and Operaton share): the engine's
 * API reads them one task at a time, and a page's cost would grow with its rows.
 */
@Component
class TaskCandidates {

	private static final String GROUPS = "SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK"
			+ " WHERE TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN (:tasks)";

	/** The most people a filter lists: far more than take part in spin-outs. */
	private final NamedParameterJdbcTemplate jdbc;

	private final People people;

	TaskCandidates(NamedParameterJdbcTemplate jdbc, People people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	/** The candidate groups of each task, by task id; a task offered to no group is absent. */
	Map<String, List<String>> groupsOf(Collection<String> taskIds) {
		if (taskIds.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> groups = new LinkedHashMap<>();
		jdbc.query(GROUPS, Map.of("tasks", taskIds), row -> {
			List<String> ofTask = groups.computeIfAbsent(row.getString("TASK_ID_"), id -> new ArrayList<>());
			String group = row.getString("GROUP_ID_");
			if (!ofTask.contains(group)) {
				ofTask.add(group);
			}
		});
		return groups;
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
