package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.deadline.WorkingDays;

/** Every row of {@code procurement-regime.dmn}, at the dates where the regimes change. */
@Deployment(resources = "processes/procurement-regime.dmn")
class ProcurementRegimeDecisionTest {

	private static final String DECISION = "procurement-regime";

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("council health care on the day the PSR starts", day(2024, 1, 1), true, "council",
						"Rule_PsrHealthCare", "PSR", "Provider Selection Regime (SI 2023/1348)"),
				Arguments.of("ICB health care under the Act's dates", day(2025, 6, 2), true, "icb",
						"Rule_PsrHealthCare", "PSR", "Provider Selection Regime (SI 2023/1348)"),
				Arguments.of("joint health care in summer time", day(2024, 7, 1), true, "joint",
						"Rule_PsrHealthCare", "PSR", "Provider Selection Regime (SI 2023/1348)"),
				Arguments.of("libraries the day before the Act", day(2025, 2, 23), false, "council",
						"Rule_PcrBeforeAct", "PCR2015", "Public Contracts Regulations 2015"),
				Arguments.of("NHS trust health care the day before the PSR", day(2023, 12, 31), true, "nhs-trust",
						"Rule_PcrHealthCareBeforePsr", "PCR2015", "Public Contracts Regulations 2015"),
				Arguments.of("health care bought by another body before the Act", day(2024, 5, 1), true, "combined-authority",
						"Rule_PcrHealthCareOtherCommissioner", "PCR2015", "Public Contracts Regulations 2015"),
				Arguments.of("libraries on the day the Act starts", day(2025, 2, 24), false, "council",
						"Rule_PaFromAct", "PA2023", "Procurement Act 2023"),
				Arguments.of("children's services in summer time", day(2025, 7, 1), false, "joint",
						"Rule_PaFromAct", "PA2023", "Procurement Act 2023"),
				Arguments.of("health care bought by another body under the Act", day(2025, 2, 24), true, "combined-authority",
						"Rule_PaHealthCareOtherCommissioner", "PA2023", "Procurement Act 2023"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void choosesTheRegime(String situation, Date procurementStartDate, boolean healthCare,
			String parentBodyType, String rule, String regime, String label) {
		// given
		Map<String, Object> variables = Map.of("procurementStartDate", procurementStartDate, "healthCare", healthCare,
				"parentBodyType", parentBodyType);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("regime", regime).containsEntry("regimeLabel", label);
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(cases().map(arguments -> (String) arguments.get()[4]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), DECISION));
	}

	@Test
	void noStartDateYetGivesNoRegime() {
		// given
		Map<String, Object> variables = new HashMap<>();
		variables.put("procurementStartDate", null);
		variables.put("healthCare", false);
		variables.put("parentBodyType", "council");

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, variables);

		// then
		assertThat(run.ruleIds()).isEmpty();
		assertThat(run.outputs()).isEmpty();
	}

	/** Dates as the start form stores them: midnight in London. */
	private static Date day(int year, int month, int dayOfMonth) {
		return WorkingDays.startOf(LocalDate.of(year, month, dayOfMonth));
	}
}
