package org.spinout.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open activities of many process trees at once, by root process instance, from the engine's
 * activity history (history level {@code activity} or above). The engine's query API filters by
 * one process instance at a time, so a page of programmes would cost a statement per programme.
 * See {@code docs/decisions/named-queries-on-the-engine-tables.md}.
 */
@Component
public class OpenSteps {

	/** Keeps IN lists well inside what every database accepts. */
	private static final int CHUNK = 500;

	/**
	 * The open test is written so that no index can serve it: H2 would otherwise read the engine's
	 * index of open steps, every programme's, rather than the index by root.
	 */
	private static final String OPEN_STEPS = """
			SELECT ROOT_PROC_INST_ID_, PROC_INST_ID_, PROC_DEF_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, CALL_PROC_INST_ID_
			FROM %s
			WHERE ROOT_PROC_INST_ID_ IN (:roots) AND (CASE WHEN END_TIME_ IS NULL THEN 1 ELSE 0 END) = 1
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final EngineTables tables;

	OpenSteps(NamedParameterJdbcTemplate jdbc, EngineTables tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	/** An activity that has started and not ended; {@code calledInstanceId} for a call activity. */
	public record OpenStep(String instanceId, String definitionId, String activityId, String type, Instant start,
			String calledInstanceId) {
	}

	/** The open steps of each of the given root process instances; a root with none is absent. */
	public Map<String, List<OpenStep>> of(Collection<String> roots) {
		String sql = OPEN_STEPS.formatted(tables.history("ACT_HI_ACTINST", HistoryLevel.HISTORY_LEVEL_ACTIVITY));
		Map<String, List<OpenStep>> byRoot = new HashMap<>();
		List<String> all = List.copyOf(roots);
		for (int i = 0; i < all.size(); i += CHUNK) {
			jdbc.query(sql, Map.of("roots", all.subList(i, Math.min(all.size(), i + CHUNK))), row -> {
				OpenStep step = new OpenStep(row.getString("PROC_INST_ID_"), row.getString("PROC_DEF_ID_"),
						row.getString("ACT_ID_"), row.getString("ACT_TYPE_"), row.getTimestamp("START_TIME_").toInstant(),
						row.getString("CALL_PROC_INST_ID_"));
				byRoot.computeIfAbsent(row.getString("ROOT_PROC_INST_ID_"), id -> new ArrayList<>()).add(step);
			});
		}
		return byRoot;
	}
}
