package org.spinout.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** What the forecast reads from a model's due date and timer expressions, read as the engine reads them. */
class ForecastExpressionsTest {

	@Test
	void aDueDateInWorkingDaysPlansThatManyDays() {
		assertThat(Forecasts.plannedWorkingDays("${workingDays.fromNow(10, nation)}")).hasValue(10);
		assertThat(Forecasts.plannedWorkingDays("#{ workingDays.fromNow( 3,nation ) }")).hasValue(3);
	}

	@Test
	void anythingElsePlansNoWorkingDays() {
		assertThat(Forecasts.plannedWorkingDays("${workingDays.fromNow(10, region)}")).isEmpty();
		assertThat(Forecasts.plannedWorkingDays("${workingDays.fromNow(days, nation)}")).isEmpty();
		assertThat(Forecasts.plannedWorkingDays("P5D")).isEqualTo(OptionalInt.empty());
		assertThat(Forecasts.plannedWorkingDays(null)).isEmpty();
	}

	@Test
	void aClockCountsFromItsAnchorAndFromAClockNamedByAVariable() {
		// a clock named in the model, in either quotes the engine accepts
		assertThat(Forecasts.variablesOf("${clocks.after('call-in-window', reviewedOn, nation)}"))
				.containsExactly("reviewedOn");
		assertThat(Forecasts.variablesOf("${clocks.before(\"tupe-information-lead-time\", targetTransferDate, nation)}"))
				.containsExactly("targetTransferDate");
		// a clock named by a variable
		assertThat(Forecasts.variablesOf("${clocks.after(limitClock, decidedOn, nation)}"))
				.containsExactlyInAnyOrder("limitClock", "decidedOn");
		assertThat(Forecasts.variablesOf("${workingDays.fromNow(10, nation)}")).isEmpty();
	}
}
