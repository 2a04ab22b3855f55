package org.spinout.programme;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the portfolio's RAG status, in working days of the programme's nation: red when
 * a task is overdue by more than {@code redOverdueWorkingDays}; amber when a statutory deadline falls
 * within {@code amberDeadlineWorkingDays}.
 */
@ConfigurationProperties(prefix = "spinout.portfolio.rag")
public record RagProperties(@DefaultValue("5") int redOverdueWorkingDays,
		@DefaultValue("10") int amberDeadlineWorkingDays) {

	public RagProperties {
		if (redOverdueWorkingDays < 0 || amberDeadlineWorkingDays < 0) {
			throw new IllegalArgumentException("spinout.portfolio.rag.* are numbers of working days, 0 or more");
		}
	}
}
