package org.spinout.insight;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * How long each step of the journey has taken across all completed work: the median duration of
 * every completed (not cancelled) user task, timer and wait, per process and activity, from the
 * engine's history. One aggregate statement, however many programmes there are; the median is
 * the database's (PERCENTILE_CONT, in H2 and PostgreSQL alike). The statement reads all history,
 * so its answer is kept for {@code spinout.forecast.history-refresh} (five minutes unless set).
 */
@Component
public class StepDurations {

	/** Activity types that take time; gateways, events and service tasks pass at once. */
	static final List<String> TIMED_TYPES = List.of("userTask", "intermediateTimer", "receiveTask",
			"intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional");

	/** ACT_INST_STATE_ of an activity instance that was cancelled rather than completed. */
	private static final int CANCELLED = 2;

	private static final String MEDIANS = """
			SELECT PROC_DEF_KEY_, ACT_ID_, ACT_TYPE_, MAX(ACT_NAME_) AS NAME_,
			       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DURATION_) AS MEDIAN_, COUNT(*) AS COMPLETED_
			FROM ACT_HI_ACTINST
			WHERE END_TIME_ IS NOT NULL AND DURATION_ IS NOT NULL
			  AND (ACT_INST_STATE_ IS NULL OR ACT_INST_STATE_ <> %d)
			  AND ACT_TYPE_ IN (%s)
			GROUP BY PROC_DEF_KEY_, ACT_ID_, ACT_TYPE_
			""".formatted(CANCELLED, String.join(", ", TIMED_TYPES.stream().map(type -> "'" + type + "'").toList()));

	/** The one entry of {@link #medians}. */
	private static final String ALL = "all";

	private final JdbcTemplate jdbc;

	private final LoadingCache<String, Map<Key, Step>> medians;

	StepDurations(JdbcTemplate jdbc, ForecastProperties properties) {
		this.jdbc = jdbc;
		this.medians = Caffeine.newBuilder().expireAfterWrite(properties.historyRefresh()).build(all -> read());
	}

	public record Key(String processKey, String activityId) {
	}

	public record Step(String processKey, String activityId, String type, String name, Duration median,
			long completed) {

		public boolean isUserTask() {
			return "userTask".equals(type);
		}
	}

	/** Every step that has completed at least once, by process key and activity id. */
	public Map<Key, Step> all() {
		return medians.get(ALL);
	}

	private Map<Key, Step> read() {
		Map<Key, Step> steps = new LinkedHashMap<>();
		jdbc.query(MEDIANS, row -> {
			Step step = new Step(row.getString("PROC_DEF_KEY_"), row.getString("ACT_ID_"), row.getString("ACT_TYPE_"),
					row.getString("NAME_"), Duration.ofMillis(Math.round(row.getDouble("MEDIAN_"))),
					row.getLong("COMPLETED_"));
			steps.put(new Key(step.processKey(), step.activityId()), step);
		});
		return Collections.unmodifiableMap(steps);
	}
}
