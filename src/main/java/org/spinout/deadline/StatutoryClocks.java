package org.spinout.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.spinout.contract.Delegates;
import org.springframework.stereotype.Component;

/**
 * The statutory and local clocks of a spin-out, callable from BPMN expressions as {@code ${clocks}}
 * so that no period is written into a model.
 *
 * <p>Counting: a period of N after day D ends at midnight at the end of day D+N (00:00 of D+N+1),
 * the day of the anchor itself not counting. So "28 clear days" from a notice published on D allows
 * the decision from 00:00 of D+29, and the PCR standstill ends "at midnight at the end of the 10th
 * day". Where a statute counts the anchor day itself this ends one day later, which is the safe
 * side. A period of N before day D is the start (00:00) of D-N, leaving N whole days before D.
 *
 * <p>A clock counts by the version of its period in force on the day of its anchor (see
 * {@link ClockPeriod#getChanges()}); a day before the first version counts by the first.
 */
@Component(Delegates.CLOCKS)
public class StatutoryClocks {

	private final Map<String, ClockPeriod> periods;
	private final WorkingDays workingDays;

	public StatutoryClocks(ClockPeriods periods, WorkingDays workingDays) {
		this.periods = Map.copyOf(periods);
		this.workingDays = workingDays;
		periods.forEach(StatutoryClocks::check);
	}

	/** The end of the named clock counted forward from {@code anchor}. */
	public Date after(String clock, Date anchor, String nation) {
		requireAnchor(anchor);
		Version version = inForce(period(clock), WorkingDays.toLocalDate(anchor));
		return add(anchor, version.length(), version.unit(), nation);
	}

	/** The latest instant before {@code anchor} by which the named clock requires something done. */
	public Date before(String clock, Date anchor, String nation) {
		requireAnchor(anchor);
		Version version = inForce(period(clock), WorkingDays.toLocalDate(anchor));
		return subtract(anchor, version.length(), version.unit(), nation);
	}

	/** {@link #after} for a length and unit that come from elsewhere, such as a DMN decision. */
	public Date add(Date anchor, long length, String unit, String nation) {
		return add(anchor, length, ClockUnit.of(unit), nation);
	}

	/**
	 * When to warn that the named clock is about to end: its configured number of working days
	 * before {@link #after} (or {@link #before}, for a clock counted back from its anchor).
	 */
	public Date warning(String clock, Date anchor, String nation) {
		ClockPeriod period = period(clock);
		Date end = period.getDirection() == ClockDirection.BEFORE ? before(clock, anchor, nation)
				: after(clock, anchor, nation);
		return workingDays.subtract(end, period.getWarningWorkingDays(), nation);
	}

	/** Every configured clock, by name, with its legal source. */
	public List<StatutoryClock> list() {
		List<StatutoryClock> clocks = new ArrayList<>();
		periods.keySet().stream().sorted().forEach(name -> clocks.add(get(name)));
		return clocks;
	}

	/** The clock as it stands today (the engine clock's day), for pages and messages. */
	public StatutoryClock get(String clock) {
		ClockPeriod period = period(clock);
		Version version = inForce(period, workingDays.today());
		return new StatutoryClock(clock, period.getLabel(), version.length(), version.unit(),
				period.getDirection(), period.getAnchor(), period.getSource(), period.getWarningWorkingDays(),
				period.getMetBy());
	}

	/** One version of a period: its length and unit. */
	private record Version(LocalDate from, long length, ClockUnit unit) {
	}

	/** The latest version whose day has come by {@code day}; the first when none has. */
	private static Version inForce(ClockPeriod period, LocalDate day) {
		List<Version> versions = versions(period);
		Version found = versions.get(0);
		for (Version version : versions) {
			if (version.from() == null || !version.from().isAfter(day)) {
				found = version;
			}
		}
		return found;
	}

	private static List<Version> versions(ClockPeriod period) {
		List<Version> versions = new ArrayList<>();
		versions.add(new Version(period.getFrom(), period.getLength(), period.getUnit()));
		period.getChanges().stream()
				.sorted(Comparator.comparing(ClockPeriod.Change::getFrom))
				.forEach(change -> versions.add(new Version(change.getFrom(), change.getLength(),
						change.getUnit() == null ? period.getUnit() : change.getUnit())));
		return versions;
	}

	private Date add(Date anchor, long length, ClockUnit unit, String nation) {
		requireAnchor(anchor);
		if (length < 0) {
			throw new IllegalArgumentException("A clock length must not be negative, was " + length);
		}
		LocalDate day = WorkingDays.toLocalDate(anchor);
		return switch (unit) {
			case CALENDAR_DAYS -> WorkingDays.endOf(day.plusDays(length));
			case WORKING_DAYS -> workingDays.add(anchor, Math.toIntExact(length), nation);
			case WEEKS -> WorkingDays.endOf(day.plusWeeks(length));
			case MONTHS -> WorkingDays.endOf(day.plusMonths(length));
		};
	}

	private Date subtract(Date anchor, long length, ClockUnit unit, String nation) {
		LocalDate day = WorkingDays.toLocalDate(anchor);
		return switch (unit) {
			case CALENDAR_DAYS -> WorkingDays.startOf(day.minusDays(length));
			case WORKING_DAYS -> workingDays.subtract(anchor, Math.toIntExact(length), nation);
			case WEEKS -> WorkingDays.startOf(day.minusWeeks(length));
			case MONTHS -> WorkingDays.startOf(day.minusMonths(length));
		};
	}

	private ClockPeriod period(String clock) {
		ClockPeriod period = periods.get(clock);
		if (period == null) {
			throw new IllegalArgumentException("Unknown clock '" + clock + "': configure spinout.clocks." + clock
					+ ".* or use one of " + periods.keySet().stream().sorted().toList());
		}
		return period;
	}

	private static void requireAnchor(Date anchor) {
		if (anchor == null) {
			throw new IllegalArgumentException("A clock needs the date it is counted from, which is not set");
		}
	}

	/** A clock without a label or source would show as blank where people check the law. */
	private static void check(String name, ClockPeriod period) {
		if (period.getLabel() == null || period.getSource() == null || period.getLength() < 0
				|| period.getUnit() == null || period.getDirection() == null) {
			throw new IllegalStateException("Clock spinout.clocks." + name
					+ " needs a label, a source, a unit, a direction and a length of zero or more");
		}
		for (ClockPeriod.Change change : period.getChanges()) {
			if (change.getFrom() == null || change.getLength() < 0
					|| (period.getFrom() != null && !change.getFrom().isAfter(period.getFrom()))) {
				throw new IllegalStateException("Each change of clock spinout.clocks." + name
						+ " needs a day it applies from, after the clock's own 'from', and a length of zero or more");
			}
		}
	}
}
