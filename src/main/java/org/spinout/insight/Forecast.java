package org.spinout.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.spinout.time.LondonTime;

/**
 * A programme's predicted go-live: the day its main process is expected to end, worked out on
 * {@code asOf} from its remaining steps, and the steps with when each is expected to finish and
 * what that expectation rests on.
 */
public record Forecast(LocalDate goLive, LocalDate asOf, List<Step> steps) {

	/** What a step's expected duration rests on. */
	public enum Basis {
		HISTORY("Median of completed work"),
		PLAN("Planned in the model"),
		CLOCK("Date set by the clock");

		private final String label;

		Basis(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Step(String phase, String activityId, String name, Instant finish, Basis basis, long completed) {

		public LocalDate finishDay() {
			return LondonTime.dueDay(finish);
		}
	}

	public long fromHistory() {
		return steps.stream().filter(step -> step.basis() == Basis.HISTORY).count();
	}

	public long fromPlan() {
		return steps.size() - fromHistory();
	}
}
