package org.spinout.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of many open tasks in one read-only statement on the engine's runtime
 * table: the engine's API reads them one task at a time, and a task list's cost would grow with
 * its rows. See {@code docs/decisions/task-list-candidate-groups.md}.
 */
@Component
public class OfferedGroups {

	private static final String GROUPS = "SELECT TASK_ID_, GROUP_ID_ FROM %s"
			+ " WHERE TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN (:tasks)";

	private final NamedParameterJdbcTemplate jdbc;

	private final EngineTables tables;

	OfferedGroups(NamedParameterJdbcTemplate jdbc, EngineTables tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	/** The candidate groups of each task, by task id, each once; a task offered to no group is absent. */
	public Map<String, List<String>> of(Collection<String> taskIds) {
		if (taskIds.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> groups = new LinkedHashMap<>();
		jdbc.query(GROUPS.formatted(tables.runtime("ACT_RU_IDENTITYLINK")), Map.of("tasks", taskIds), row -> {
			List<String> ofTask = groups.computeIfAbsent(row.getString("TASK_ID_"), id -> new ArrayList<>());
			String group = row.getString("GROUP_ID_");
			if (!ofTask.contains(group)) {
				ofTask.add(group);
			}
		});
		return groups;
	}
}
