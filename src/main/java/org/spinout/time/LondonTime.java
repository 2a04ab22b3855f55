package org.spinout.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * The one way Spinout writes dates and times, on its pages, in its CSV and calendar exports and in
 * its e-mails: in London time, whatever the server's zone, and in GOV.UK style ("2 November 2026",
 * "3:05pm"). A due date is the end of its day: the engine keeps it as midnight at the start of the
 * next day, and it belongs to the day that ends then, "by the end of Monday 2 November 2026".
 * <p>
 * Pages reach the same methods as {@code #london} (see {@link LondonTimeDialect}); each takes a
 * {@link Date}, an {@link Instant} or a {@link LocalDate} and answers null for null.
 */
public final class LondonTime {

	/** UK deadlines are counted in UK days. */
	public static final ZoneId ZONE = ZoneId.of("Europe/London");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter DATE_WITH_WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
			Locale.UK);

	/** The only instance: the pages' {@code #london}, through which templates call the static methods. */
	static final LondonTime PAGES = new LondonTime();

	private LondonTime() {
	}

	/** The London day of a moment. */
	public static LocalDate day(Instant moment) {
		return moment == null ? null : moment.atZone(ZONE).toLocalDate();
	}

	public static LocalDate day(Date moment) {
		return moment == null ? null : day(moment.toInstant());
	}

	/**
	 * The last day on which something due can still be done: the day itself for a time during it,
	 * the day before for midnight, which ends that day.
	 */
	public static LocalDate dueDay(Instant due) {
		if (due == null) {
			return null;
		}
		ZonedDateTime london = due.atZone(ZONE);
		return isMidnight(london) ? london.toLocalDate().minusDays(1) : london.toLocalDate();
	}

	public static LocalDate dueDay(Date due) {
		return due == null ? null : dueDay(due.toInstant());
	}

	/** "2 November 2026". */
	public static String date(LocalDate day) {
		return day == null ? null : DATE.format(day);
	}

	/** The day of a moment, "2 November 2026". */
	public static String date(Instant moment) {
		return date(day(moment));
	}

	public static String date(Date moment) {
		return date(day(moment));
	}

	/** The day something is due by the end of, "2 November 2026": the short form, for tables. */
	public static String dueDate(Instant due) {
		return date(dueDay(due));
	}

	public static String dueDate(Date due) {
		return date(dueDay(due));
	}

	/** "Monday 2 November 2026". */
	public static String dateWithWeekday(LocalDate day) {
		return day == null ? null : DATE_WITH_WEEKDAY.format(day);
	}

	/** A day as spreadsheets sort it, "2026-11-02", for the CSV exports. */
	public static String iso(LocalDate day) {
		return day == null ? null : day.toString();
	}

	/**
	 * When something is due, as a sentence reads it: "by the end of Monday 2 November 2026", or
	 * "by 2pm on Monday 2 November 2026" for a time during the day.
	 */
	public static String due(Instant due) {
		if (due == null) {
			return null;
		}
		ZonedDateTime london = due.atZone(ZONE);
		if (isMidnight(london)) {
			return "by the end of " + dateWithWeekday(dueDay(due));
		}
		return "by " + time(london.toLocalTime()) + " on " + dateWithWeekday(london.toLocalDate());
	}

	public static String due(Date due) {
		return due == null ? null : due(due.toInstant());
	}

	/** A moment, such as when something was done: "2 November 2026 at 2:05pm". */
	public static String moment(Instant moment) {
		if (moment == null) {
			return null;
		}
		ZonedDateTime london = moment.atZone(ZONE);
		return date(london.toLocalDate()) + " at " + time(london.toLocalTime());
	}

	public static String moment(Date moment) {
		return moment == null ? null : moment(moment.toInstant());
	}

	/**
	 * A time of day as GOV.UK writes it: "10am", "2:05pm", "midday". Midnight is "12am", not
	 * "midnight", which people read as the end of the day named beside it.
	 */
	static String time(LocalTime time) {
		if (time.getHour() == 12 && time.getMinute() == 0) {
			return "midday";
		}
		int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
		String minutes = time.getMinute() == 0 ? "" : String.format(Locale.UK, ":%02d", time.getMinute());
		return hour + minutes + (time.getHour() < 12 ? "am" : "pm");
	}

	private static boolean isMidnight(ZonedDateTime time) {
		return time.toLocalTime().equals(LocalTime.MIDNIGHT);
	}
}
