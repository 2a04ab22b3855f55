package org.spinout.programme;

import java.time.Instant;

import org.spinout.deadline.Deadline;
import org.spinout.deadline.ICalendar;
import org.spinout.web.SiteAddress;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A programme's deadlines, its tasks' and its statutory clocks', as a calendar file to download,
 * each linking back to the programme.
 */
@Component
class DeadlineCalendar {

	static final String PRODUCT = "-//Spinout//Programme deadlines//EN";

	private final SiteAddress site;

	DeadlineCalendar(SiteAddress site) {
		this.site = site;
	}

	String of(ProgrammeRow programme, Instant now) {
		String page = site.of(UriComponentsBuilder.fromPath("/programmes/{reference}")
				.buildAndExpand(programme.reference()).encode().toUriString());
		return ICalendar.write(PRODUCT, programme.reference() + " " + programme.name(), site.host(),
				programme.deadlines().stream().map(deadline -> new ICalendar.Event(
						programme.reference() + "-" + deadline.id(), deadline.day(), summary(programme, deadline),
						description(deadline), page, deadline.isClock() ? "Statutory clock" : "Task due")).toList(),
				now);
	}

	/** The summary of a deadline's event: the programme, then what is due. */
	static String summary(ProgrammeRow programme, Deadline deadline) {
		return programme.reference() + " " + programme.name() + ": " + deadline.label();
	}

	private static String description(Deadline deadline) {
		String when = " " + (deadline.isWaitingPeriod() ? "Ends " : "Due ") + LondonTime.due(deadline.due()) + ".";
		if (deadline.isClock()) {
			return deadline.label() + "." + when + " Source: " + deadline.source() + ".";
		}
		return "Task: " + deadline.label() + "." + when;
	}
}
