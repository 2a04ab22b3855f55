package org.spinout.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a due instant reads to a person. Deadlines fall at midnight at the end of a day (00:00 London
 * time of the next), which people call "by the end of" that day, not "at 00:00" the day after.
 */
public final class DueDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

	private DueDates() {
	}

	/** The last day on which the deadline can still be met, in London. */
	public static LocalDate lastDay(Instant due) {
		ZonedDateTime london = due.atZone(WorkingDays.LONDON);
		return isMidnight(london) ? london.toLocalDate().minusDays(1) : london.toLocalDate();
	}

	/** "by the end of Wednesday 24 December 2025", or "by 14:00 on ..." for a deadline during a day. */
	public static String describe(Instant due) {
		ZonedDateTime london = due.atZone(WorkingDays.LONDON);
		if (isMidnight(london)) {
			return "by the end of " + DAY.format(lastDay(due));
		}
		return "by " + TIME.format(london) + " on " + DAY.format(london);
	}

	/** A moment such as when a notification came: "14:05 on Wednesday 24 December 2025". */
	public static String describeMoment(Instant moment) {
		ZonedDateTime london = moment.atZone(WorkingDays.LONDON);
		return TIME.format(london) + " on " + DAY.format(london);
	}

	private static boolean isMidnight(ZonedDateTime time) {
		return time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
	}
}
