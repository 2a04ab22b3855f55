package org.spinout.insight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How forecasts weigh history against the plan: a step's median duration is used once that many
 * instances of it have completed; before that, the duration its model plans (its due date or timer).
 * A step whose model gives no readable plan counts the default number of working days. The medians
 * are read from the whole history at most once per {@code historyRefresh}, as they read every
 * completed step of every programme and move slowly.
 */
@ConfigurationProperties(prefix = "spinout.forecast")
public record ForecastProperties(@DefaultValue("3") int minimumHistory,
		@DefaultValue("10") int defaultTaskWorkingDays, @DefaultValue("5m") Duration historyRefresh) {

	public ForecastProperties {
		if (minimumHistory < 1 || defaultTaskWorkingDays < 0 || historyRefresh.isNegative()) {
			throw new IllegalArgumentException("spinout.forecast.minimum-history must be 1 or more, "
					+ "default-task-working-days 0 or more and history-refresh not negative");
		}
	}
}
