package org.spinout.deadline;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.spinout.contract.Delegates;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Component;

/**
 * The business calendar of a programme's nation: weekends and bank holidays are not working days.
 * Callable from BPMN expressions as {@code ${workingDays}}.
 *
 * <p>Days are London calendar days: a deadline "at the end of day D" is the instant 00:00 of D+1
 * in Europe/London, so it stays right across the change to and from British Summer Time.
 */
@Component(Delegates.WORKING_DAYS)
public class WorkingDays {

	/** UK statutory deadlines are counted in UK local days. */
	public static final ZoneId LONDON = LondonTime.ZONE;

	private final HolidayManager holidays;

	private final Clock clock;

	public WorkingDays(Clock clock) {
		this.clock = clock;
		this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
	}

	/**
	 * The end of the {@code days}-th working day after the day of {@code from} (00:00 of the day after
	 * it). The day of {@code from} itself never counts, as in "within 15 working days of receipt".
	 * Zero days gives the end of the day of {@code from}.
	 */
	public Date add(Date from, int days, String nation) {
		if (days < 0) {
			throw new IllegalArgumentException("Working days to add must not be negative, was " + days);
		}
		return endOf(addDays(toLocalDate(from), days, nation));
	}

	/** {@link #add} counted from the application's clock; used for task due dates. */
	public Date fromNow(int days, String nation) {
		return add(Date.from(clock.instant()), days, nation);
	}

	/** Today in London, by the application's clock. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), LONDON);
	}

	/**
	 * The start (00:00) of the {@code days}-th working day before the day of {@code anchor}, so that
	 * {@code days} whole working days lie between the result and the anchor day. For an anchor at
	 * midnight (a deadline "at the end of day D"), the anchor day is D+1 and D is the first of them.
	 */
	public Date subtract(Date anchor, int days, String nation) {
		if (days < 0) {
			throw new IllegalArgumentException("Working days to subtract must not be negative, was " + days);
		}
		LocalDate day = toLocalDate(anchor);
		int counted = 0;
		while (counted < days) {
			day = day.minusDays(1);
			if (isWorkingDay(day, nation)) {
				counted++;
			}
		}
		return startOf(day);
	}

	public boolean isWorkingDay(Date date, String nation) {
		return isWorkingDay(toLocalDate(date), nation);
	}

	public boolean isWorkingDay(LocalDate day, String nation) {
		DayOfWeek weekday = day.getDayOfWeek();
		if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
			return false;
		}
		return !holidays.isHoliday(day, Nation.of(nation).subdivision());
	}

	/** The {@code days}-th working day after {@code day}; {@code day} itself when zero. */
	public LocalDate addDays(LocalDate day, int days, String nation) {
		LocalDate result = day;
		int counted = 0;
		while (counted < days) {
			result = result.plusDays(1);
			if (isWorkingDay(result, nation)) {
				counted++;
			}
		}
		return result;
	}

	/**
	 * The London calendar day of an instant, for decision tables: FEEL turns a java.util.Date into a
	 * local date-time in the server's time zone, which on a UTC server puts a summer date stored at
	 * London midnight on the day before. A java.time.LocalDate reaches FEEL as a date unchanged.
	 */
	public LocalDate day(Date date) {
		return date == null ? null : toLocalDate(date);
	}

	public static LocalDate toLocalDate(Date date) {
		return date.toInstant().atZone(LONDON).toLocalDate();
	}

	/** 00:00 London time at the start of {@code day}. */
	public static Date startOf(LocalDate day) {
		return Date.from(day.atStartOfDay(LONDON).toInstant());
	}

	/** Midnight at the end of {@code day}: 00:00 London time of the next day. */
	public static Date endOf(LocalDate day) {
		return startOf(day.plusDays(1));
	}
}
