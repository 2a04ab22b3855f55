package org.spinout.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spinout.engine.EngineClockExtension;
import org.spinout.engine.TestClock;

/** Working-day arithmetic across the bank holidays in which England and Wales, Scotland and Northern Ireland differ. */
class WorkingDaysTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	private static final String ENGLAND_WALES = "england-wales";
	private static final String SCOTLAND = "scotland";
	private static final String NORTHERN_IRELAND = "northern-ireland";

	private final WorkingDays workingDays = new WorkingDays(TestClock.clock());


	@ParameterizedTest(name = "{0} in {1}: working day {2}")
	@CsvSource({
			// 2 January is a bank holiday in Scotland only
			"2024-01-02, scotland, false",
			"2024-01-02, england-wales, true",
			"2024-01-02, northern-ireland, true",
			// Easter Monday everywhere but Scotland
			"2025-04-21, england-wales, false",
			"2025-04-21, northern-ireland, false",
			"2025-04-21, scotland, true",
			// Good Friday everywhere
			"2025-04-18, scotland, false",
			// St Patrick's Day in Northern Ireland; on a Sunday, the Monday after
			"2025-03-17, northern-ireland, false",
			"2025-03-17, england-wales, true",
			"2024-03-18, northern-ireland, false",
			"2024-03-18, scotland, true",
			// Battle of the Boyne in Northern Ireland: 12 July 2025 is a Saturday, so Monday 14th
			"2025-07-14, northern-ireland, false",
			"2025-07-14, england-wales, true",
			// Summer bank holiday: first Monday of August in Scotland, last elsewhere
			"2025-08-04, scotland, false",
			"2025-08-04, england-wales, true",
			"2025-08-25, england-wales, false",
			"2025-08-25, northern-ireland, false",
			"2025-08-25, scotland, true",
			// St Andrew's Day in Scotland: 30 November 2025 is a Sunday, so Monday 1 December
			"2025-12-01, scotland, false",
			"2025-12-01, england-wales, true",
			// Christmas on a Saturday and Boxing Day on a Sunday (2021): Monday and Tuesday after
			"2021-12-27, england-wales, false",
			"2021-12-28, england-wales, false",
			"2021-12-28, scotland, false",
			"2021-12-29, england-wales, true",
			// Christmas on a Sunday (2022): Boxing Day Monday, Christmas substitute Tuesday
			"2022-12-26, northern-ireland, false",
			"2022-12-27, northern-ireland, false",
			"2022-12-28, northern-ireland, true",
			// New Year's Day on a Saturday (2022), and 2 January on a Sunday in Scotland
			"2022-01-03, england-wales, false",
			"2022-01-04, scotland, false",
			"2022-01-04, england-wales, true",
			// Weekends
			"2025-06-14, england-wales, false",
			"2025-06-15, northern-ireland, false",
			"2025-06-16, england-wales, true"
	})
	void knowsTheBankHolidaysOfEachNation(LocalDate day, String nation, boolean working) {
		assertThat(workingDays.isWorkingDay(day, nation)).isEqualTo(working);
		assertThat(workingDays.isWorkingDay(WorkingDays.startOf(day), nation)).isEqualTo(working);
	}

	@Test
	void secondOfJanuaryDelaysAScottishDeadlineByADay() {
		// given Friday 29 December 2023, with New Year's Day on Monday
		Date from = at(2023, 12, 29, 15, 0);

		// when
		Date england = workingDays.add(from, 2, ENGLAND_WALES);
		Date scotland = workingDays.add(from, 2, SCOTLAND);

		// then England counts Tuesday 2 and Wednesday 3; Scotland Wednesday 3 and Thursday 4
		assertThat(england).isEqualTo(midnightStarting(2024, 1, 4));
		assertThat(scotland).isEqualTo(midnightStarting(2024, 1, 5));
	}

	@Test
	void easterMondayCountsInScotlandOnly() {
		// given Thursday before Easter 2025
		Date from = at(2025, 4, 17, 9, 0);

		// when / then: Good Friday is a holiday everywhere, Easter Monday not in Scotland
		assertThat(workingDays.add(from, 3, ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 4, 25));
		assertThat(workingDays.add(from, 3, NORTHERN_IRELAND)).isEqualTo(midnightStarting(2025, 4, 25));
		assertThat(workingDays.add(from, 3, SCOTLAND)).isEqualTo(midnightStarting(2025, 4, 24));
	}

	@Test
	void stPatricksDayDelaysANorthernIrishDeadline() {
		// given Friday 14 March 2025
		Date from = at(2025, 3, 14, 11, 0);

		// when / then
		assertThat(workingDays.add(from, 1, NORTHERN_IRELAND)).isEqualTo(midnightStarting(2025, 3, 19));
		assertThat(workingDays.add(from, 1, ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 3, 18));
	}

	@Test
	void christmasAndBoxingDayOnAWeekendMoveToTheFollowingWeekdays() {
		// given Thursday 23 December 2021: Christmas Saturday, Boxing Day Sunday
		Date from = at(2021, 12, 23, 10, 0);

		// when / then: Friday 24th, then Wednesday 29th after the substitute Monday and Tuesday
		assertThat(workingDays.add(from, 2, ENGLAND_WALES)).isEqualTo(midnightStarting(2021, 12, 30));
		// Scotland also skips the substitutes for 1 and 2 January (Monday 3 and Tuesday 4)
		assertThat(workingDays.add(from, 5, SCOTLAND)).isEqualTo(midnightStarting(2022, 1, 6));
		assertThat(workingDays.add(from, 5, ENGLAND_WALES)).isEqualTo(midnightStarting(2022, 1, 5));
	}

	@Test
	void summerBankHolidaysFallOnDifferentMondays() {
		// given the Fridays before each summer bank holiday of 2025
		Date beforeScottish = at(2025, 8, 1, 12, 0);
		Date beforeEnglish = at(2025, 8, 22, 12, 0);

		// when / then
		assertThat(workingDays.add(beforeScottish, 1, SCOTLAND)).isEqualTo(midnightStarting(2025, 8, 6));
		assertThat(workingDays.add(beforeScottish, 1, ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 8, 5));
		assertThat(workingDays.add(beforeEnglish, 1, ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 8, 27));
		assertThat(workingDays.add(beforeEnglish, 1, NORTHERN_IRELAND)).isEqualTo(midnightStarting(2025, 8, 27));
		assertThat(workingDays.add(beforeEnglish, 1, SCOTLAND)).isEqualTo(midnightStarting(2025, 8, 26));
	}

	@Test
	void theDayStartsAndEndsInLondonTimeAcrossSummerTime() {
		// given 00:30 on Thursday 12 June 2025 in London, still Wednesday in UTC
		Date from = Date.from(Instant.parse("2025-06-11T23:30:00Z"));

		// when
		Date end = workingDays.add(from, 1, ENGLAND_WALES);

		// then Friday 13 is the first working day after Thursday; it ends at 23:00 UTC
		assertThat(end.toInstant()).isEqualTo(Instant.parse("2025-06-13T23:00:00Z"));
		// and a deadline over the clock change still ends at London midnight
		assertThat(workingDays.add(at(2025, 3, 28, 9, 0), 1, ENGLAND_WALES).toInstant())
				.isEqualTo(Instant.parse("2025-03-31T23:00:00Z"));
	}

	@Test
	void zeroDaysEndsTheSameDay() {
		assertThat(workingDays.add(at(2025, 6, 14, 10, 0), 0, ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 6, 15));
	}

	@Test
	void fromNowCountsFromTheEngineClock() {
		// given
		clock.moveTo(at(2023, 12, 29, 15, 0));

		// when / then
		assertThat(workingDays.fromNow(2, SCOTLAND)).isEqualTo(midnightStarting(2024, 1, 5));
	}

	@Test
	void subtractLeavesWholeWorkingDaysBeforeTheAnchor() {
		// given a deadline at the end of Wednesday 24 December 2025
		Date due = midnightStarting(2025, 12, 25);

		// when / then: Tuesday 23 and Wednesday 24 remain
		assertThat(workingDays.subtract(due, 2, ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 12, 23));
		// and across a Scottish New Year: Monday 5 and Tuesday 6 January remain
		assertThat(workingDays.subtract(midnightStarting(2026, 1, 7), 3, SCOTLAND))
				.isEqualTo(midnightStarting(2025, 12, 31));
		assertThat(workingDays.subtract(midnightStarting(2026, 1, 7), 3, ENGLAND_WALES))
				.isEqualTo(midnightStarting(2026, 1, 2));
	}

	@Test
	void aProgrammeWithoutANationCountsAsEnglandAndWales() {
		assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 8, 25), null)).isFalse();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 8, 4), "")).isTrue();
	}

	@Test
	void anUnknownNationOrNegativeDaysFailWithTheReason() {
		assertThatThrownBy(() -> workingDays.isWorkingDay(LocalDate.of(2025, 1, 6), "wales"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("england-wales, scotland or northern-ireland");
		assertThatThrownBy(() -> workingDays.add(new Date(), -1, ENGLAND_WALES))
				.isInstanceOf(IllegalArgumentException.class);
	}

	private static Date at(int year, int month, int day, int hour, int minute) {
		return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingDays.LONDON).toInstant());
	}

	private static Date midnightStarting(int year, int month, int day) {
		return WorkingDays.startOf(LocalDate.of(year, month, day));
	}
}
