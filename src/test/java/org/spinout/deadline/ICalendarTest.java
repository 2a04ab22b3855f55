package org.spinout.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** The iCalendar text both calendar feeds are written in, checked against RFC 5545 once for both. */
class ICalendarTest {

	private static final Instant STAMP = Instant.parse("2026-03-02T09:00:00Z");

	private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

	@Test
	void everyLineIsAtMost75OctetsEvenWhenTheTextIsNotAscii() throws Exception {
		// given a description whose characters take two and three octets each in UTF-8
		String welsh = "Gwasanaethau llyfrgell – ‘Cyngor Sir Ddinbych’ – ŵyr a ŷd. ".repeat(6).strip();

		// when
		String text = ICalendar.write("-//Spinout//Test//EN", "Test", "localhost",
				List.of(new ICalendar.Event("task-1", DAY, "Due", welsh, "http://localhost/tasks/1", null)), STAMP);

		// then every line fits, continuation lines start with a space, and the text reads back whole
		assertThat(text).endsWith("\r\n");
		assertThat(Arrays.asList(text.split("\r\n")))
				.allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
		assertThat(text).contains("\r\n ");
		assertThat(value(only(text), Property.DESCRIPTION)).isEqualTo(welsh);
	}

	@Test
	void textIsEscapedAndReadsBackAsWritten() throws Exception {
		String summary = "Approve the case, then sign; see C:\\plans";
		String description = "First line\nSecond line";

		String text = ICalendar.write("-//Spinout//Test//EN", "Test", "localhost",
				List.of(new ICalendar.Event("task-1", DAY, summary, description, "http://localhost/tasks/1", null)),
				STAMP);

		assertThat(text).contains("SUMMARY:Approve the case\\, then sign\\; see C:\\\\plans")
				.contains("DESCRIPTION:First line\\nSecond line");
		VEvent event = only(text);
		assertThat(value(event, Property.SUMMARY)).isEqualTo(summary);
		assertThat(value(event, Property.DESCRIPTION)).isEqualTo(description);
	}

	@Test
	void eventsAreWholeDaysStampedInUtcWithUidsThatStayTheSame() throws Exception {
		// given the same deadline written on two days
		ICalendar.Event deadline = new ICalendar.Event("SO-2026-0001-clock-eli", DAY, "ELI", "Due.",
				"http://localhost/programmes/SO-2026-0001", "Statutory clock");

		// when
		String first = ICalendar.write("-//Spinout//Test//EN", "Test", "localhost", List.of(deadline), STAMP);
		String next = ICalendar.write("-//Spinout//Test//EN", "Test", "localhost", List.of(deadline),
				STAMP.plusSeconds(86_400));

		// then
		VEvent event = only(first);
		assertThat(first).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0\r\n", "METHOD:PUBLISH\r\n",
				"PRODID:-//Spinout//Test//EN\r\n", "DTSTAMP:20260302T090000Z\r\n", "DTSTART;VALUE=DATE:20260601\r\n",
				"DTEND;VALUE=DATE:20260602\r\n", "CATEGORIES:Statutory clock\r\n", "TRANSP:TRANSPARENT\r\n");
		assertThat(value(event, Property.UID)).isEqualTo("SO-2026-0001-clock-eli@localhost")
				.isEqualTo(value(only(next), Property.UID));
		assertThat(next).contains("DTSTAMP:20260303T090000Z");
	}

	private static VEvent only(String text) throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		return events.get(0);
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse(null);
	}
}
