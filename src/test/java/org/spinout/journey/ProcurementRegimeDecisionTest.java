package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.deadline.WorkingDays;

/**
 * Every row of {@code procurement-regime.dmn}: the regime by date, nation, commissioner and value, and
 * the thresholds it requires by the day the procurement starts, at the days and values where they change.
 */
@ClassDeployment(resources = "processes/procurement-regime.dmn")
class ProcurementRegimeDecisionTest {

	private static final String REGIME = "procurement-regime";
	private static final String THRESHOLD = "procurement-threshold";
	private static final String ENGLAND = "england-wales";
	private static final String SCOTLAND = "scotland";
	private static final String NORTHERN_IRELAND = "northern-ireland";
	private static final String LIGHT_TOUCH = "light-touch";
	private static final String SERVICES = "goods-services";
	private static final String WORKS = "works";

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> thresholds() {
		return Stream.of(
				Arguments.of("light-touch services the day before 2026", day(2025, 12, 31), LIGHT_TOUCH, "council", "Rule_LightTouch", 663_540.0),
				Arguments.of("light-touch services on 1 January 2026", day(2026, 1, 1), LIGHT_TOUCH, "central-government", "Rule_LightTouch", 663_540.0),
				Arguments.of("central services the day before 2024", day(2023, 12, 31), SERVICES, "central-government", "Rule_Central2022", 138_760.0),
				Arguments.of("council services the day before 2024", day(2023, 12, 31), SERVICES, "council", "Rule_SubCentral2022", 213_477.0),
				Arguments.of("works the day before 2024", day(2023, 12, 31), WORKS, "council", "Rule_Works2022", 5_336_937.0),
				Arguments.of("central services on 1 January 2024", day(2024, 1, 1), SERVICES, "central-government", "Rule_Central2024", 139_688.0),
				Arguments.of("ICB services the day after 1 January 2024", day(2024, 1, 2), SERVICES, "icb", "Rule_SubCentral2024", 214_904.0),
				Arguments.of("council services the day before 2026", day(2025, 12, 31), SERVICES, "council", "Rule_SubCentral2024", 214_904.0),
				Arguments.of("works the day before 2026", day(2025, 12, 31), WORKS, "central-government", "Rule_Works2024", 5_372_609.0),
				Arguments.of("central services on 1 January 2026", day(2026, 1, 1), SERVICES, "central-government", "Rule_Central2026", 135_018.0),
				Arguments.of("council services on 1 January 2026", day(2026, 1, 1), SERVICES, "council", "Rule_SubCentral2026", 207_720.0),
				Arguments.of("another commissioner's services the day after", day(2026, 1, 2), SERVICES, "other", "Rule_SubCentral2026", 207_720.0),
				Arguments.of("works on 1 January 2026", day(2026, 1, 1), WORKS, "council", "Rule_Works2026", 5_193_000.0));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("thresholds")
	void thresholdAppliesFromTheDayItWasSet(String situation, Date start, String kind, String commissioner, String rule,
			double threshold) {
		// given
		Map<String, Object> variables = variables(start, ENGLAND, commissioner, false, kind, null);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), THRESHOLD, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs().get("threshold")).isEqualTo(threshold);
		assertThat((String) run.outputs().get("thresholdLabel")).isNotBlank();
	}

	static Stream<Arguments> regimes() {
		return Stream.of(
				Arguments.of("council health care on the day the PSR starts, any value", day(2024, 1, 1), ENGLAND, "council", true, LIGHT_TOUCH, 1.0,
						"Rule_PsrHealthCare", "PSR", true, null),
				Arguments.of("ICB health care for an NHS trust's service", day(2026, 3, 2), ENGLAND, "icb", true, LIGHT_TOUCH, 9_000_000.0,
						"Rule_PsrHealthCare", "PSR", true, null),
				Arguments.of("NHS trust health care the day before the PSR", day(2023, 12, 31), ENGLAND, "nhs-trust", true, LIGHT_TOUCH, 700_000.0,
						"Rule_PcrBeforeAct", "PCR2015", true, 663_540.0),
				Arguments.of("health care bought by another commissioner", day(2026, 3, 2), ENGLAND, "other", true, LIGHT_TOUCH, 700_000.0,
						"Rule_PaFromAct", "PA2023", true, 663_540.0),
				Arguments.of("health care bought by a government department", day(2026, 3, 2), ENGLAND, "central-government", true, LIGHT_TOUCH, 700_000.0,
						"Rule_PaFromAct", "PA2023", true, 663_540.0),
				Arguments.of("health care in Northern Ireland", day(2026, 3, 2), NORTHERN_IRELAND, "council", true, LIGHT_TOUCH, 700_000.0,
						"Rule_PaFromAct", "PA2023", true, 663_540.0),
				Arguments.of("health care in Scotland", day(2026, 3, 2), SCOTLAND, "council", true, LIGHT_TOUCH, 700_000.0,
						"Rule_ScotlandAboveThreshold", "PCSR2015", true, 663_540.0),
				Arguments.of("Scottish services at the threshold", day(2026, 3, 2), SCOTLAND, "council", false, SERVICES, 207_720.0,
						"Rule_ScotlandAboveThreshold", "PCSR2015", true, 207_720.0),
				Arguments.of("Scottish services a pound below", day(2026, 3, 2), SCOTLAND, "council", false, SERVICES, 207_719.0,
						"Rule_ScotlandBelowThreshold", "PCSR2015", false, 207_720.0),
				Arguments.of("Scottish services under the Act's dates stay Scottish", day(2025, 2, 24), SCOTLAND, "council", false, LIGHT_TOUCH, 5_000_000.0,
						"Rule_ScotlandAboveThreshold", "PCSR2015", true, 663_540.0),
				Arguments.of("libraries the day before the Act", day(2025, 2, 23), ENGLAND, "council", false, LIGHT_TOUCH, 5_000_000.0,
						"Rule_PcrBeforeAct", "PCR2015", true, 663_540.0),
				Arguments.of("libraries a pound below the threshold before the Act", day(2024, 6, 3), ENGLAND, "council", false, LIGHT_TOUCH, 663_539.0,
						"Rule_PcrBelowThreshold", "PCR2015", false, 663_540.0),
				Arguments.of("libraries on the day the Act starts", day(2025, 2, 24), ENGLAND, "council", false, LIGHT_TOUCH, 5_000_000.0,
						"Rule_PaFromAct", "PA2023", true, 663_540.0),
				Arguments.of("libraries the day after the Act starts", day(2025, 2, 25), ENGLAND, "council", false, LIGHT_TOUCH, 5_000_000.0,
						"Rule_PaFromAct", "PA2023", true, 663_540.0),
				Arguments.of("council services a pound below the 2026 threshold", day(2026, 1, 1), ENGLAND, "council", false, SERVICES, 207_719.0,
						"Rule_PaBelowThreshold", "PA2023", false, 207_720.0),
				Arguments.of("council services at the 2026 threshold", day(2026, 1, 1), ENGLAND, "council", false, SERVICES, 207_720.0,
						"Rule_PaFromAct", "PA2023", true, 207_720.0),
				Arguments.of("council services a pound above the 2026 threshold", day(2026, 1, 1), ENGLAND, "council", false, SERVICES, 207_721.0,
						"Rule_PaFromAct", "PA2023", true, 207_720.0),
				Arguments.of("the same value the day before 2026 is below the 2024 threshold", day(2025, 12, 31), ENGLAND, "council", false, SERVICES, 207_720.0,
						"Rule_PaBelowThreshold", "PA2023", false, 214_904.0),
				Arguments.of("a government department at the central threshold", day(2026, 1, 1), ENGLAND, "central-government", false, SERVICES, 135_018.0,
						"Rule_PaFromAct", "PA2023", true, 135_018.0),
				Arguments.of("light-touch services a pound below the threshold", day(2026, 1, 1), ENGLAND, "council", false, LIGHT_TOUCH, 663_539.0,
						"Rule_PaBelowThreshold", "PA2023", false, 663_540.0),
				Arguments.of("works at the 2026 threshold", day(2026, 1, 1), ENGLAND, "council", false, WORKS, 5_193_000.0,
						"Rule_PaFromAct", "PA2023", true, 5_193_000.0),
				Arguments.of("no value given yet", day(2026, 1, 1), ENGLAND, "council", false, LIGHT_TOUCH, null,
						"Rule_NotEnoughKnown", null, null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("regimes")
	void choosesTheRegime(String situation, Date start, String nation, String commissioner, boolean healthCare,
			String kind, Double value, String rule, String regime, Boolean fullRegimeApplies, Double threshold) {
		// given
		Map<String, Object> variables = variables(start, nation, commissioner, healthCare, kind, value);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), REGIME, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs().get("regime")).isEqualTo(regime);
		assertThat(run.outputs().get("fullRegimeApplies")).isEqualTo(fullRegimeApplies);
		assertThat(run.outputs().get("procurementThreshold")).isEqualTo(threshold);
		assertThat((String) run.outputs().get("regimeLabel")).isNotBlank();
	}

	@Test
	void everyRuleRowOfBothTablesHasACase() {
		assertThat(regimes().map(arguments -> (String) arguments.get()[7]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), REGIME));
		assertThat(thresholds().map(arguments -> (String) arguments.get()[4]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), THRESHOLD));
	}

	private static Map<String, Object> variables(Date start, String nation, String commissioner, boolean healthCare,
			String kind, Double value) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("procurementStartDate", start);
		variables.put("nation", nation);
		variables.put("commissionerType", commissioner);
		variables.put("healthCare", healthCare);
		variables.put("contractKind", kind);
		variables.put("estimatedContractValue", value);
		return variables;
	}

	/** Midnight London time, as a form's date field stores it, so a summer date is not read as the day before. */
	private static Date day(int year, int month, int dayOfMonth) {
		return WorkingDays.startOf(LocalDate.of(year, month, dayOfMonth));
	}
}
