package org.spinout.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class LondonTimeTest {

	private static Instant london(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(LondonTime.ZONE).toInstant();
	}

	@Test
	void aDueDateAtMidnightBelongsToTheDayThatEndsThen() {
		// given a task due at 00:00 on Tuesday 3 November 2026, which is the end of Monday 2 November
		Instant due = london(2026, 11, 3, 0, 0);

		// then every form of it names Monday 2 November
		assertThat(LondonTime.dueDay(due)).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(LondonTime.dueDate(due)).isEqualTo("2 November 2026");
		assertThat(LondonTime.due(due)).isEqualTo("by the end of Monday 2 November 2026");
		assertThat(LondonTime.iso(LondonTime.dueDay(due))).isEqualTo("2026-11-02");
	}

	@Test
	void aDueTimeDuringTheDayKeepsItsDayAndSaysTheTime() {
		Instant due = london(2026, 11, 3, 14, 30);

		assertThat(LondonTime.dueDate(due)).isEqualTo("3 November 2026");
		assertThat(LondonTime.due(due)).isEqualTo("by 2:30pm on Tuesday 3 November 2026");
	}

	@Test
	void daysAreLondonDaysInSummerTimeWhateverTheServersZone() {
		// given midnight at the start of 2 July 2026 in London, which is still 1 July in UTC
		Instant due = london(2026, 7, 2, 0, 0);

		assertThat(LondonTime.day(due)).isEqualTo(LocalDate.of(2026, 7, 2));
		assertThat(LondonTime.dueDate(due)).isEqualTo("1 July 2026");
		assertThat(LondonTime.moment(london(2026, 7, 1, 23, 30))).isEqualTo("1 July 2026 at 11:30pm");
	}

	@Test
	void timesReadAsGovUkWritesThem() {
		assertThat(LondonTime.time(LocalTime.of(10, 0))).isEqualTo("10am");
		assertThat(LondonTime.time(LocalTime.of(3, 32))).isEqualTo("3:32am");
		assertThat(LondonTime.time(LocalTime.of(12, 0))).isEqualTo("midday");
		assertThat(LondonTime.time(LocalTime.of(12, 5))).isEqualTo("12:05pm");
		assertThat(LondonTime.time(LocalTime.of(0, 0))).isEqualTo("12am");
		assertThat(LondonTime.moment(london(2025, 12, 8, 10, 0))).isEqualTo("8 December 2025 at 10am");
	}

	@Test
	void nothingGivenReadsAsNothing() {
		assertThat(LondonTime.dueDate((Instant) null)).isNull();
		assertThat(LondonTime.moment((java.util.Date) null)).isNull();
		assertThat(LondonTime.date((LocalDate) null)).isNull();
	}
}
