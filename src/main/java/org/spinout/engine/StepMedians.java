package org.spinout.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The median duration of every completed (not cancelled) activity of the given types, per process
 * and activity, across all history: one aggregate statement on the engine's activity history
 * (history level {@code activity} or above), however many programmes there are. The median is
 * the database's (PERCENTILE_CONT, in H2 and PostgreSQL alike); the engine's query API would
 * bring every activity instance back to count them here. See
 * {@code docs/decisions/named-queries-on-the-engine-tables.md}.
 */
@Component
public class StepMedians {

	/** ACT_INST_STATE_ of an activity instance that was cancelled rather than completed. */
	private static final int CANCELLED = 2;

	private static final String MEDIANS = """
			SELECT PROC_DEF_KEY_, ACT_ID_, ACT_TYPE_, MAX(ACT_NAME_) AS NAME_,
			       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DURATION_) AS MEDIAN_, COUNT(*) AS COMPLETED_
			FROM %s
			WHERE END_TIME_ IS NOT NULL AND DURATION_ IS NOT NULL
			  AND (ACT_INST_STATE_ IS NULL OR ACT_INST_STATE_ <> %d)
			  AND ACT_TYPE_ IN (%s)
			GROUP BY PROC_DEF_KEY_, ACT_ID_, ACT_TYPE_
			""";

	private final JdbcTemplate jdbc;

	private final EngineTables tables;

	StepMedians(JdbcTemplate jdbc, EngineTables tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	/** One activity of one process, as completed so far. */
	public record Median(String processKey, String activityId, String type, String name, Duration median,
			long completed) {
	}

	/** @param types activity types as the engine names them ({@code userTask}, {@code intermediateTimer}...) */
	public List<Median> of(Collection<String> types) {
		for (String type : types) {
			if (!type.matches("\\w+")) {
				throw new IllegalArgumentException("Not an activity type: " + type);
			}
		}
		String sql = MEDIANS.formatted(tables.history("ACT_HI_ACTINST", HistoryLevel.HISTORY_LEVEL_ACTIVITY), CANCELLED,
				types.stream().map(type -> "'" + type + "'").collect(Collectors.joining(", ")));
		List<Median> medians = new ArrayList<>();
		jdbc.query(sql, row -> {
			medians.add(new Median(row.getString("PROC_DEF_KEY_"), row.getString("ACT_ID_"), row.getString("ACT_TYPE_"),
					row.getString("NAME_"), Duration.ofMillis(Math.round(row.getDouble("MEDIAN_"))),
					row.getLong("COMPLETED_")));
		});
		return medians;
	}
}
