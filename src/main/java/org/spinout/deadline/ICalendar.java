package org.spinout.deadline;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
 * Writes deadlines as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar
 * read: one all-day event on each deadline's last day, so no time zone needs to travel with the
 * file; the time stamp is in UTC. An event's UID is its id at the site's host, the same from one
 * fetch to the next, so a calendar program updates an event rather than adds another. ical4j
 * escapes the text; the lines are folded here, because ical4j counts characters where the RFC
 * counts octets, and a line of Welsh names or curly quotes would pass 75 octets.
 */
public final class ICalendar {

	/** The longest line the RFC allows, in octets, without its line break. */
	static final int LINE_OCTETS = 75;

	private static final String CRLF = "\r\n";

	/** One all-day event; {@code category} may be null. */
	public record Event(String id, LocalDate day, String summary, String description, String url, String category) {
	}

	private ICalendar() {
	}

	/**
	 * The calendar's text. {@code product} names the feed (a PRODID, "-//Spinout//...//EN") and
	 * {@code name} is what calendar programs show for it; {@code stamp} is when it was written.
	 */
	public static String write(String product, String name, String host, List<Event> events, Instant stamp) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(product));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", name));
		for (Event event : events) {
			calendar.add(event(event, host, stamp));
		}
		try {
			StringWriter out = new StringWriter();
			new CalendarOutputter(true, Integer.MAX_VALUE).output(calendar, out);
			return fold(out.toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (ValidationException e) {
			throw new IllegalStateException("The calendar " + name + " is not valid", e);
		}
	}

	private static VEvent event(Event event, String host, Instant stamp) {
		VEvent written = new VEvent(event.day(), event.day().plusDays(1), event.summary());
		written.add(new Uid(event.id() + "@" + host));
		written.replace(new DtStamp(stamp));
		written.add(new Description(event.description()));
		written.add(new Url(URI.create(event.url())));
		if (event.category() != null) {
			written.add(new Categories(event.category()));
		}
		// a deadline is a day to keep in mind, not time taken: it leaves the day free for meetings
		written.add(ImmutableTransp.TRANSPARENT);
		return written;
	}

	/** Breaks every line longer than 75 octets, between characters, going on with a space (RFC 5545 3.1). */
	static String fold(String unfolded) {
		StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 32);
		for (String line : unfolded.split(CRLF)) {
			int octets = 0;
			for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
				String character = new String(Character.toChars(line.codePointAt(i)));
				int size = character.getBytes(StandardCharsets.UTF_8).length;
				if (octets + size > LINE_OCTETS) {
					folded.append(CRLF).append(' ');
					octets = 1;
				}
				folded.append(character);
				octets += size;
			}
			folded.append(CRLF);
		}
		return folded.toString();
	}
}
