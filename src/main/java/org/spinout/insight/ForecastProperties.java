package org.spinout.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How forecasts weigh history against the plan: a step's median duration is used once that many
 * instances of it have completed; before that, the duration its model plans (its due date or timer).
 * A step whose model gives no readable plan counts the default number of working days.
 */
@ConfigurationProperties(prefix = "spinout.forecast")
public record ForecastProperties(@DefaultValue("3") int minimumHistory,
		@DefaultValue("10") int defaultTaskWorkingDays) {

	public ForecastProperties {
		if (minimumHistory < 1 || defaultTaskWorkingDays < 0) {
			throw new IllegalArgumentException(
					"spinout.forecast.minimum-history must be 1 or more and default-task-working-days 0 or more");
		}
	}
}
