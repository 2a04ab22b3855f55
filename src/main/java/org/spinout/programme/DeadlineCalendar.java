package org.spinout.programme;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;

import org.spinout.time.LondonTime;
import org.spinout.web.SiteAddress;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A programme's deadlines as an iCalendar file that Outlook, Google Calendar and Apple Calendar
 * import: one all-day event on the last day of each deadline (the clocks end at midnight, at the
 * end of that day), with a stable UID so a second import updates rather than duplicates, and a link
 * back to the programme. Dates only, so no time zone needs to travel with the file.
 */
@Component
class DeadlineCalendar {

	static final String PRODUCT = "-//Spinout//Programme deadlines//EN";

	private final SiteAddress site;

	DeadlineCalendar(SiteAddress site) {
		this.site = site;
	}

	String of(ProgrammeRow programme, Instant now) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", programme.reference() + " " + programme.name()));
		String page = site.of(UriComponentsBuilder.fromPath("/programmes/{reference}")
				.buildAndExpand(programme.reference()).encode().toUriString());
		for (Deadline deadline : programme.deadlines()) {
			calendar.add(event(programme, deadline, page, now));
		}
		try {
			StringWriter out = new StringWriter();
			new CalendarOutputter().output(calendar, out);
			return out.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (ValidationException e) {
			throw new IllegalStateException("The deadline calendar of " + programme.reference() + " is not valid", e);
		}
	}

	/** The summary of a deadline's event: the programme, then what is due. */
	static String summary(ProgrammeRow programme, Deadline deadline) {
		return programme.reference() + " " + programme.name() + ": " + deadline.label();
	}

	private VEvent event(ProgrammeRow programme, Deadline deadline, String page, Instant now) {
		VEvent event = new VEvent(deadline.day(), deadline.day().plusDays(1), summary(programme, deadline));
		event.add(new Uid(programme.reference() + "-" + deadline.key() + "@" + site.host()));
		event.replace(new DtStamp(now));
		event.add(new Description(description(deadline)));
		event.add(new Url(URI.create(page)));
		event.add(new Categories(deadline.isClock() ? "Statutory clock" : "Task due"));
		event.add(ImmutableTransp.TRANSPARENT);
		return event;
	}

	private static String description(Deadline deadline) {
		String when = " " + (deadline.isWaitingPeriod() ? "Ends " : "Due ") + LondonTime.due(deadline.due()) + ".";
		if (deadline.isClock()) {
			return deadline.label() + "." + when + " Source: " + deadline.source() + ".";
		}
		return "Task: " + deadline.label() + "." + when;
	}
}
