package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.deadline.DeadlineConfiguration;
import org.spinout.deadline.StatutoryClock;
import org.spinout.deadline.StatutoryClocks;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.TestClock;

/**
 * Every row of {@code award-route-limits.dmn}: which routes the regime, the nation, the value, the
 * kind of contract, the commissioner and the new organisation's ownership leave open, and the limits
 * and clocks of each, which must agree with the configured clocks.
 */
@ClassDeployment(resources = "processes/award-route-limits.dmn")
class AwardRouteLimitsDecisionTest {

	private static final String DECISION = "award-route-limits";

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	/** What the table answers: the rule, whether the route is open, and its limits and clocks. */
	record Answer(String rule, boolean allowed, Integer maxTermYears, Boolean competition, String standstillClock,
			Boolean voluntary, String noticeClock) {

		static Answer refused(String rule) {
			return new Answer(rule, false, null, null, null, null, null);
		}
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("reserved contract in Scotland", given("pa-reserved", "PCSR2015", "nation", "scotland"),
						Answer.refused("Rule_NoReservedContractsInScotland")),
				Arguments.of("in-house company with staff holding a tenth of a per cent", given("teckal", "PA2023", "staffControlPercent", 0.1),
						Answer.refused("Rule_TeckalNotForStaffOwned")),
				Arguments.of("in-house company whose ownership is unknown", given("teckal", "PCR2015", "staffControlPercent", null),
						Answer.refused("Rule_TeckalNotForStaffOwned")),
				Arguments.of("NHS trust's company commissioned by the ICB", given("teckal", "PA2023", "staffControlPercent", 0.0,
						"parentBodyType", "nhs-trust", "commissionerType", "icb"), Answer.refused("Rule_TeckalNotControlled")),
				Arguments.of("below-threshold award at the threshold", given("below-threshold", "PA2023", "fullRegimeApplies", true),
						Answer.refused("Rule_BelowThresholdRouteAboveThreshold")),
				Arguments.of("reserved contract below the threshold", given("pa-reserved", "PA2023", "fullRegimeApplies", false),
						Answer.refused("Rule_RegulatedRouteBelowThreshold")),
				Arguments.of("reserved contract for goods", given("pcr-reserved", "PCR2015", "contractKind", "goods-services"),
						Answer.refused("Rule_ReservedNotLightTouch")),
				Arguments.of("light-touch competition for works", given("pcr-light-touch", "PCR2015", "contractKind", "works"),
						Answer.refused("Rule_LightTouchRouteNotLightTouch")),
				Arguments.of("reserved contract under the regulations", given("pcr-reserved", "PCR2015"),
						new Answer("Rule_PcrReserved", true, 3, true, "pcr-standstill", false, "contract-details-notice")),
				Arguments.of("reserved contract under the Act", given("pa-reserved", "PA2023"),
						new Answer("Rule_PaReserved", true, 5, true, "pa-standstill", true, "contract-details-notice-light-touch")),
				Arguments.of("reserved contract under the Act in Northern Ireland", given("pa-reserved", "PA2023", "nation", "northern-ireland"),
						new Answer("Rule_PaReserved", true, 5, true, "pa-standstill", true, "contract-details-notice-light-touch")),
				Arguments.of("light-touch competition under the regulations", given("pcr-light-touch", "PCR2015"),
						new Answer("Rule_PcrLightTouch", true, null, true, "pcr-standstill", false, "contract-details-notice")),
				Arguments.of("competition for light-touch services under the Act", given("pa-competitive", "PA2023"),
						new Answer("Rule_PaCompetitiveLightTouch", true, null, true, "pa-standstill", true, "contract-details-notice-light-touch")),
				Arguments.of("competition for other services under the Act", given("pa-competitive", "PA2023", "contractKind", "goods-services"),
						new Answer("Rule_PaCompetitive", true, null, true, "pa-standstill", false, "contract-details-notice")),
				Arguments.of("direct award under the regulations", given("pcr-direct-award", "PCR2015"),
						new Answer("Rule_PcrDirectAward", true, null, false, "pcr-veat-wait", false, "contract-details-notice")),
				Arguments.of("direct award of light-touch services under the Act", given("pa-direct-award", "PA2023"),
						new Answer("Rule_PaDirectAwardLightTouch", true, null, false, "pa-standstill", true, "contract-details-notice-light-touch")),
				Arguments.of("direct award of works under the Act", given("pa-direct-award", "PA2023", "contractKind", "works"),
						new Answer("Rule_PaDirectAward", true, null, false, "pa-standstill", false, "contract-details-notice")),
				Arguments.of("Scottish light-touch competition", given("pcsr-light-touch", "PCSR2015", "nation", "scotland"),
						new Answer("Rule_PcsrLightTouch", true, null, true, "pcsr-standstill", false, "contract-details-notice")),
				Arguments.of("Scottish direct award", given("pcsr-direct-award", "PCSR2015", "nation", "scotland"),
						new Answer("Rule_PcsrDirectAward", true, null, false, "pcsr-veat-wait", false, "contract-details-notice")),
				Arguments.of("PSR direct award A", given("psr", "PSR", "psrProcess", "direct-award-a"),
						new Answer("Rule_PsrDirectAwardAOrB", true, null, false, null, false, "contract-details-notice")),
				Arguments.of("PSR direct award B", given("psr", "PSR", "psrProcess", "direct-award-b"),
						new Answer("Rule_PsrDirectAwardAOrB", true, null, false, null, false, "contract-details-notice")),
				Arguments.of("PSR competitive process", given("psr", "PSR", "psrProcess", "competitive"),
						new Answer("Rule_PsrCompetitive", true, null, true, "psr-representations", false, "contract-details-notice")),
				Arguments.of("PSR direct award C", given("psr", "PSR", "psrProcess", "direct-award-c"),
						new Answer("Rule_Psr", true, null, false, "psr-representations", false, "contract-details-notice")),
				Arguments.of("PSR most suitable provider", given("psr", "PSR", "psrProcess", "most-suitable-provider"),
						new Answer("Rule_Psr", true, null, false, "psr-representations", false, "contract-details-notice")),
				Arguments.of("council's own company under the regulations", given("teckal", "PCR2015", "staffControlPercent", 0.0),
						new Answer("Rule_Teckal", true, null, false, null, false, null)),
				Arguments.of("council's own company under the Act", given("teckal", "PA2023", "staffControlPercent", 0.0),
						new Answer("Rule_Teckal", true, null, false, null, false, null)),
				Arguments.of("Scottish council's own company", given("teckal", "PCSR2015", "staffControlPercent", 0.0, "nation", "scotland"),
						new Answer("Rule_Teckal", true, null, false, null, false, null)),
				Arguments.of("below-threshold award", given("below-threshold", "PA2023", "fullRegimeApplies", false),
						new Answer("Rule_BelowThreshold", true, null, false, null, false, "contract-details-notice")),
				Arguments.of("reserved contract of the Act under the regulations", given("pa-reserved", "PCR2015"),
						Answer.refused("Rule_RouteNotAvailable")),
				Arguments.of("PSR award of a service the PSR does not cover", given("psr", "PA2023", "psrProcess", "direct-award-c"),
						Answer.refused("Rule_RouteNotAvailable")),
				Arguments.of("in-house company under the PSR", given("teckal", "PSR", "staffControlPercent", 0.0),
						Answer.refused("Rule_RouteNotAvailable")),
				Arguments.of("a framework", given("framework", "PA2023"), Answer.refused("Rule_RouteNotAvailable")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void saysWhetherTheRouteIsOpenAndItsLimits(String situation, Map<String, Object> variables, Answer expected) {
		// given / when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(expected.rule());
		Map<String, Object> outputs = run.outputs();
		assertThat(outputs.get("routeAllowed")).isEqualTo(expected.allowed());
		assertThat((String) outputs.get("routeReason")).isNotBlank();
		assertThat((String) outputs.get("routeLabel")).isNotBlank();
		assertThat(outputs.get("maxTermYears")).isEqualTo(expected.maxTermYears());
		assertThat(outputs.get("competition")).isEqualTo(expected.competition());
		assertThat(outputs.get("standstillClock")).isEqualTo(expected.standstillClock());
		assertThat(outputs.get("standstillVoluntary")).isEqualTo(expected.voluntary());
		assertThat(outputs.get("contractNoticeClock")).isEqualTo(expected.noticeClock());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void standstillsRepeatTheClockDefaults(String situation, Map<String, Object> variables) {
		// given
		StatutoryClocks clocks = new StatutoryClocks(DeadlineConfiguration.defaultPeriods(), new WorkingDays(TestClock.clock()));

		// when
		Map<String, Object> limits = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, variables).outputs();

		// then a designer who changes one must change the other
		if (limits.get("standstillClock") != null) {
			StatutoryClock clock = clocks.get((String) limits.get("standstillClock"));
			assertThat(((Number) limits.get("standstillLength")).longValue()).isEqualTo(clock.length());
			assertThat(limits.get("standstillUnit")).isEqualTo(clock.unit().value());
		}
		else {
			assertThat(limits.get("standstillLength")).isNull();
			assertThat(limits.get("standstillUnit")).isNull();
		}
		if (limits.get("contractNoticeClock") != null) {
			assertThat(clocks.get((String) limits.get("contractNoticeClock")).label()).isNotBlank();
		}
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(cases().map(arguments -> ((Answer) arguments.get()[2]).rule()).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), DECISION));
	}

	/**
	 * A staff-led mutual spun out of an English council, which commissions it, for light-touch services
	 * at or above the threshold: the route and regime given, then the answers that differ, as pairs.
	 */
	private static Map<String, Object> given(String route, String regime, Object... differences) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("awardRoute", route);
		variables.put("procurementRegime", regime);
		variables.put("nation", "england-wales");
		variables.put("fullRegimeApplies", true);
		variables.put("contractKind", "light-touch");
		variables.put("commissionerType", "council");
		variables.put("parentBodyType", "council");
		variables.put("staffControlPercent", 60.0);
		variables.put("psrProcess", null);
		for (int i = 0; i < differences.length; i += 2) {
			variables.put((String) differences[i], differences[i + 1]);
		}
		return variables;
	}
}
