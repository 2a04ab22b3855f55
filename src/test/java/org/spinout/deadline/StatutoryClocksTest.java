package org.spinout.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spinout.engine.TestClock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How each kind of statutory clock counts, with the default periods. */
class StatutoryClocksTest {

	private static final String ENGLAND_WALES = "england-wales";
	private static final String SCOTLAND = "scotland";

	private final StatutoryClocks clocks = new StatutoryClocks(DeadlineConfiguration.defaultPeriods(), new WorkingDays(TestClock.clock()));

	@Test
	void twentyEightClearDaysAllowTheDecisionFromTheTwentyNinthDay() {
		// given a key decision notice published on Monday 3 March 2025
		Date published = at(2025, 3, 3, 16, 0);

		// when
		Date earliestDecision = clocks.after("key-decision-notice", published, ENGLAND_WALES);

		// then 4 to 31 March are the 28 clear days; the decision may be taken on 1 April
		assertThat(earliestDecision).isEqualTo(midnightStarting(2025, 4, 1));
	}

	@Test
	void pcrStandstillEndsAtMidnightAtTheEndOfTheTenthDayWhateverTheHolidays() {
		// given award notices sent electronically on Friday 19 December 2025
		Date sent = at(2025, 12, 19, 14, 0);

		// when
		Date end = clocks.after("pcr-standstill", sent, ENGLAND_WALES);

		// then the 10th day is Monday 29 December: calendar days ignore Christmas
		assertThat(end).isEqualTo(midnightStarting(2025, 12, 30));
		assertThat(clocks.after("pcr-standstill-not-electronic", sent, ENGLAND_WALES))
				.isEqualTo(midnightStarting(2026, 1, 4));
	}

	@Test
	void procurementActStandstillCountsEightWorkingDaysOfTheNation() {
		// given a contract award notice published on Friday 19 December 2025
		Date published = at(2025, 12, 19, 14, 0);

		// when
		Date england = clocks.after("pa-standstill", published, ENGLAND_WALES);
		Date scotland = clocks.after("pa-standstill", published, SCOTLAND);

		// then 22, 23, 24, 29, 30, 31 December, 2 and 5 January in England; Scotland keeps 2 January
		assertThat(england).isEqualTo(midnightStarting(2026, 1, 6));
		assertThat(scotland).isEqualTo(midnightStarting(2026, 1, 7));
	}

	@Test
	void employeeLiabilityInformationIsDueTwentyEightWholeDaysBeforeTheTransfer() {
		// given a transfer on 1 April 2025
		Date transfer = midnightStarting(2025, 4, 1);

		// when
		Date latest = clocks.before("employee-liability-information", transfer, ENGLAND_WALES);

		// then 4 to 31 March are 28 whole days before the transfer
		assertThat(latest).isEqualTo(midnightStarting(2025, 3, 4));
		assertThat(clocks.before("tupe-information-lead-time", transfer, ENGLAND_WALES))
				.isEqualTo(midnightStarting(2025, 1, 1));
	}

	@Test
	void weeksAndMonthsCountFromTheAnchorDay() {
		// given
		Date transfer = midnightStarting(2025, 1, 31);
		Date validated = at(2025, 6, 2, 10, 0);

		// when / then: 31 January + 3 months is 30 April, the shorter month's last day
		assertThat(clocks.after("tupe-claims", transfer, ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 5, 1));
		assertThat(clocks.after("cqc-registration", validated, ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 8, 12));
	}

	@Test
	void lengthsFromADecisionTableCountLikeTheNamedClock() {
		// given
		Date published = at(2025, 12, 19, 14, 0);

		// when / then
		assertThat(clocks.add(published, 8, "working-days", ENGLAND_WALES))
				.isEqualTo(clocks.after("pa-standstill", published, ENGLAND_WALES));
		assertThat(clocks.add(published, 10, "calendar-days", ENGLAND_WALES))
				.isEqualTo(clocks.after("pcr-standstill", published, ENGLAND_WALES));
		assertThat(clocks.add(published, 0, "calendar-days", ENGLAND_WALES)).isEqualTo(midnightStarting(2025, 12, 20));
	}

	@Test
	void warningComesTheConfiguredWorkingDaysBeforeTheEnd() {
		// given
		Date published = at(2025, 12, 19, 14, 0);

		// when
		Date warning = clocks.warning("pa-standstill", published, ENGLAND_WALES);

		// then two working days before the end of Monday 5 January: Friday 2 and Monday 5 remain
		assertThat(warning).isEqualTo(midnightStarting(2026, 1, 2));
		// and a clock counted back warns before its latest date (5 working days before 4 March)
		assertThat(clocks.warning("employee-liability-information", midnightStarting(2025, 4, 1), ENGLAND_WALES))
				.isEqualTo(midnightStarting(2025, 2, 25));
	}

	@Test
	void listsEveryClockWithItsSourceInNameOrder() {
		assertThat(clocks.list()).extracting(StatutoryClock::name).isSorted().hasSizeGreaterThanOrEqualTo(15);
		assertThat(clocks.list()).allSatisfy(clock -> {
			assertThat(clock.label()).isNotBlank();
			assertThat(clock.source()).isNotBlank();
			assertThat(clock.anchor()).isNotBlank();
		});
		assertThat(clocks.get("psr-representations").source()).isEqualTo("SI 2023/1348 reg 12");
	}

	@Test
	void aChangeOfTheLawAppliesToAnchorsFromItsDayOn() {
		// given the call-in window set at 5 working days, changed to 10 from Thursday 1 October 2026
		StatutoryClocks changed = changedFrom("call-in-window", LocalDate.of(2026, 10, 1), 10);

		// when / then a decision published the day before keeps 5 working days: Wednesday 7 October
		assertThat(changed.after("call-in-window", at(2026, 9, 30, 12, 0), ENGLAND_WALES))
				.isEqualTo(midnightStarting(2026, 10, 8));
		// one published on the day of the change has 10: Thursday 15 October
		assertThat(changed.after("call-in-window", at(2026, 10, 1, 12, 0), ENGLAND_WALES))
				.isEqualTo(midnightStarting(2026, 10, 16));
		// and the day after too: Friday 16 October
		assertThat(changed.after("call-in-window", at(2026, 10, 2, 12, 0), ENGLAND_WALES))
				.isEqualTo(midnightStarting(2026, 10, 17));
	}

	@Test
	void aClockCountedBackUsesTheVersionInForceOnItsAnchorDay() {
		// given the employee liability information moved from 28 to 35 days before transfers from 1 June 2026
		StatutoryClocks changed = changedFrom("employee-liability-information", LocalDate.of(2026, 6, 1), 35);

		// when / then
		assertThat(changed.before("employee-liability-information", midnightStarting(2026, 5, 31), ENGLAND_WALES))
				.isEqualTo(midnightStarting(2026, 5, 3));
		assertThat(changed.before("employee-liability-information", midnightStarting(2026, 6, 1), ENGLAND_WALES))
				.isEqualTo(midnightStarting(2026, 4, 27));
	}

	@Test
	void aClockNamesTheDayItAppliesFrom() {
		// a standstill counted from before the Act came into force counts by its first version
		assertThat(DeadlineConfiguration.defaultPeriods().get("pa-standstill").getFrom()).isEqualTo(LocalDate.of(2025, 2, 24));
		assertThat(clocks.after("pa-standstill", at(2025, 2, 21, 12, 0), ENGLAND_WALES))
				.isEqualTo(midnightStarting(2025, 3, 6));
	}

	@Test
	void aChangeWithoutItsDayIsRefusedAtStart() {
		// given
		ClockPeriods periods = DeadlineConfiguration.defaultPeriods();
		ClockPeriod.Change change = new ClockPeriod.Change();
		change.setLength(10);
		periods.get("call-in-window").getChanges().add(change);

		// when / then
		assertThatThrownBy(() -> new StatutoryClocks(periods, new WorkingDays(TestClock.clock())))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("spinout.clocks.call-in-window");
	}

	@Test
	void changesAreBoundFromProperties() {
		// given
		Map<String, String> properties = Map.of(
				"spinout.clocks.demo.label", "Demo", "spinout.clocks.demo.source", "Local",
				"spinout.clocks.demo.length", "5", "spinout.clocks.demo.unit", "working-days",
				"spinout.clocks.demo.from", "2025-01-01", "spinout.clocks.demo.changes[0].from", "2027-01-01",
				"spinout.clocks.demo.changes[0].length", "2", "spinout.clocks.demo.changes[0].unit", "weeks");

		// when
		ClockPeriods periods = new Binder(new MapConfigurationPropertySource(properties))
				.bind("spinout.clocks", ClockPeriods.class).get();

		// then
		ClockPeriod.Change change = periods.get("demo").getChanges().get(0);
		assertThat(change.getFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(change.getUnit()).isEqualTo(ClockUnit.WEEKS);
		assertThat(new StatutoryClocks(periods, new WorkingDays(TestClock.clock())).after("demo", midnightStarting(2027, 1, 4), ENGLAND_WALES))
				.isEqualTo(midnightStarting(2027, 1, 19));
	}

	@Test
	void mistakesInAModelFailWithWhatToFix() {
		Date anchor = midnightStarting(2025, 1, 6);
		assertThatThrownBy(() -> clocks.after("pa-standstil", anchor, ENGLAND_WALES))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("spinout.clocks.pa-standstil").hasMessageContaining("pa-standstill");
		assertThatThrownBy(() -> clocks.add(anchor, 3, "fortnights", ENGLAND_WALES))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working-days");
		assertThatThrownBy(() -> clocks.before("employee-liability-information", null, ENGLAND_WALES))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not set");
		assertThatThrownBy(() -> clocks.add(anchor, -1, "weeks", ENGLAND_WALES))
				.isInstanceOf(IllegalArgumentException.class);
	}

	/** The default clocks, with the named one changed to {@code length} of its unit from {@code from}. */
	private static StatutoryClocks changedFrom(String clock, LocalDate from, long length) {
		ClockPeriods periods = DeadlineConfiguration.defaultPeriods();
		ClockPeriod.Change change = new ClockPeriod.Change();
		change.setFrom(from);
		change.setLength(length);
		periods.get(clock).getChanges().add(change);
		return new StatutoryClocks(periods, new WorkingDays(TestClock.clock()));
	}

	private static Date at(int year, int month, int day, int hour, int minute) {
		return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(WorkingDays.LONDON).toInstant());
	}

	private static Date midnightStarting(int year, int month, int day) {
		return WorkingDays.startOf(LocalDate.of(year, month, day));
	}
}
