package org.spinout.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link JourneyDriver} steers a programme beyond its plausible defaults: the programme's own
 * answers (by form field key, such as {@code legalForm} or {@code serviceChanges}, used by every
 * form that asks for them), how long people take over a task, and the time the journey may not
 * pass.
 *
 * @param answers answers by field key; they win over stored values and the driver's defaults
 * @param pace how long a task stays open before it is done, the middle of a spread from three
 *        quarters to one and a quarter of it; zero does every task the moment it opens
 * @param notAfter the engine clock never moves past this instant; null for no limit
 */
public record Steering(Map<String, Object> answers, Duration pace, Instant notAfter) {

	/** No answers of its own, no time spent on tasks, no limit: what tests mostly need. */
	public static final Steering DEFAULT = new Steering(Map.of(), Duration.ZERO, null);

	public Steering {
		answers = Map.copyOf(answers);
		Objects.requireNonNull(pace, "pace");
		if (pace.isNegative()) {
			throw new IllegalArgumentException("A pace cannot be negative: " + pace);
		}
	}

	/** These answers on top of the ones already given. */
	public Steering answering(Map<String, Object> more) {
		Map<String, Object> all = new HashMap<>(answers);
		all.putAll(more);
		return new Steering(all, pace, notAfter);
	}

	public Steering withPace(Duration taskTime) {
		return new Steering(answers, taskTime, notAfter);
	}

	public Steering withLimit(Instant limit) {
		return new Steering(answers, pace, limit);
	}
}
