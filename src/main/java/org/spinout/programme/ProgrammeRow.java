package org.spinout.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.spinout.deadline.Deadline;
import org.spinout.deadline.WorkingDays;
import org.spinout.insight.Forecast;

/**
 * One programme as the portfolio shows it. {@code rag} and {@code forecast} are null once the
 * programme has stopped or gone live; {@code nextDeadline} is null when nothing is due.
 */
public record ProgrammeRow(String id, String reference, String name, String parentBody, String serviceName,
		String nation, ProgrammeStatus status, List<String> phases, Rag rag, Deadline nextDeadline, int openTasks,
		int overdueTasks, Instant started, Instant ended, Forecast forecast, List<Deadline> deadlines) {

	public LocalDate startedOn() {
		return WorkingDays.toLocalDate(Date.from(started));
	}

	public LocalDate endedOn() {
		return ended == null ? null : WorkingDays.toLocalDate(Date.from(ended));
	}
}
