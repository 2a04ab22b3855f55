package org.spinout.insight;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spinout.engine.StepMedians;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * How long each step of the journey has taken across all completed work: the median duration of
 * every completed (not cancelled) user task, timer and wait, per process and activity, from the
 * engine's history ({@link StepMedians}: one aggregate statement, however many programmes there
 * are). The statement reads all history, so its answer is kept for
 * {@code spinout.forecast.history-refresh} (five minutes unless set).
 */
@Component
public class StepDurations {

	/** Activity types that take time; gateways, events and service tasks pass at once. */
	static final List<String> TIMED_TYPES = List.of("userTask", "intermediateTimer", "receiveTask",
			"intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional");

	/** The one entry of {@link #steps}. */
	private static final String ALL = "all";

	private final StepMedians medians;

	private final LoadingCache<String, Map<Key, Step>> steps;

	StepDurations(StepMedians medians, ForecastProperties properties) {
		this.medians = medians;
		this.steps = Caffeine.newBuilder().expireAfterWrite(properties.historyRefresh()).build(all -> read());
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
		return steps.get(ALL);
	}

	private Map<Key, Step> read() {
		Map<Key, Step> byKey = new LinkedHashMap<>();
		for (StepMedians.Median median : medians.of(TIMED_TYPES)) {
			byKey.put(new Key(median.processKey(), median.activityId()), new Step(median.processKey(),
					median.activityId(), median.type(), median.name(), median.median(), median.completed()));
		}
		return Collections.unmodifiableMap(byKey);
	}
}
