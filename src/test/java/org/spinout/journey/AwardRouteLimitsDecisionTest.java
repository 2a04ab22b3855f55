package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.test.Deployment;
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

/** Every row of {@code award-route-limits.dmn}, and its standstills agreeing with the configured clocks. */
@Deployment(resources = "processes/award-route-limits.dmn")
class AwardRouteLimitsDecisionTest {

	private static final String DECISION = "award-route-limits";

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("pcr-reserved", "Rule_PcrReserved", 3, "pcr-standstill", 10, "calendar-days", "PCR2015"),
				Arguments.of("pa-reserved", "Rule_PaReserved", 5, "pa-standstill", 8, "working-days", "PA2023"),
				Arguments.of("pcr-light-touch", "Rule_PcrLightTouch", null, "pcr-standstill", 10, "calendar-days", "PCR2015"),
				Arguments.of("pcr-direct-award", "Rule_PcrDirectAward", null, "pcr-veat-wait", 10, "calendar-days", "PCR2015"),
				Arguments.of("pa-direct-award", "Rule_PaDirectAward", null, "pa-standstill", 8, "working-days", "PA2023"),
				Arguments.of("teckal", "Rule_Teckal", null, null, null, null, "PCR2015"),
				Arguments.of("psr", "Rule_Psr", null, "psr-representations", 8, "working-days", "PSR"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void givesTheLimitsOfTheRoute(String awardRoute, String rule, Integer maxTermYears, String standstillClock,
			Integer standstillLength, String standstillUnit, String routeRegime) {
		// given / when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, Map.of("awardRoute", awardRoute));

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs().get("maxTermYears")).isEqualTo(maxTermYears);
		assertThat(run.outputs().get("standstillClock")).isEqualTo(standstillClock);
		assertThat(run.outputs().get("standstillLength")).isEqualTo(standstillLength);
		assertThat(run.outputs().get("standstillUnit")).isEqualTo(standstillUnit);
		assertThat(run.outputs().get("routeRegime")).isEqualTo(routeRegime);
		assertThat((String) run.outputs().get("routeLabel")).isNotBlank();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void standstillsRepeatTheClockDefaults(String awardRoute) {
		// given
		StatutoryClocks clocks = new StatutoryClocks(DeadlineConfiguration.defaultPeriods(), new WorkingDays());

		// when
		Map<String, Object> limits = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION,
				Map.of("awardRoute", awardRoute)).outputs();

		// then a designer who changes one must change the other
		if (limits.get("standstillClock") != null) {
			StatutoryClock clock = clocks.get((String) limits.get("standstillClock"));
			assertThat(((Number) limits.get("standstillLength")).longValue()).isEqualTo(clock.length());
			assertThat(limits.get("standstillUnit")).isEqualTo(clock.unit().value());
		}
		else {
			assertThat(limits.get("standstillLength")).isNull();
		}
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(cases().map(arguments -> (String) arguments.get()[1]))
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), DECISION));
	}

	@Test
	void anUnknownRouteGivesNoLimits() {
		assertThat(DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, Map.of("awardRoute", "framework"))
				.ruleIds()).isEmpty();
	}
}
