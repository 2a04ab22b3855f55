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
 * Every row of {@code tupe-consultation-route.dmn}: whom to consult, with reg 13A counting the whole
 * employer and changing on 1 July 2024 (a summer date stored at London midnight must count as that day
 * on a server in any time zone), and when redundancies need collective consultation.
 */
@ClassDeployment(resources = "processes/tupe-consultation-route.dmn")
class TupeConsultationRouteDecisionTest {

	private static final String ROUTE = "tupe-consultation-route";
	private static final String COLLECTIVE = "collective-redundancy-consultation";
	private static final Date DAY_BEFORE = WorkingDays.startOf(LocalDate.of(2024, 6, 30));
	private static final Date FROM_RULE = WorkingDays.startOf(LocalDate.of(2024, 7, 1));
	private static final Date DAY_AFTER = WorkingDays.startOf(LocalDate.of(2024, 7, 2));

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> routes() {
		return Stream.of(
				Arguments.of("recognised union, even for a small employer", true, false, 12L, 12L, FROM_RULE,
						"Rule_RecognisedUnion", "recognised-union"),
				Arguments.of("staff forum in place", false, true, 400L, 60L, FROM_RULE,
						"Rule_ExistingRepresentatives", "existing-representatives"),
				Arguments.of("employer of 49 from 1 July 2024", false, false, 49L, 49L, FROM_RULE,
						"Rule_SmallEmployer", "consult-directly"),
				Arguments.of("employer of 49 the day after", false, false, 49L, 30L, DAY_AFTER,
						"Rule_SmallEmployer", "consult-directly"),
				Arguments.of("employer of 50 with 10 transferring", false, false, 50L, 10L, FROM_RULE,
						"Rule_ElectRepresentatives", "elect-representatives"),
				Arguments.of("employer of 51 with 11 transferring", false, false, 51L, 11L, FROM_RULE,
						"Rule_ElectRepresentatives", "elect-representatives"),
				Arguments.of("council of 5,000 with a team of 40 transferring: the whole employer counts", false, false,
						5000L, 40L, FROM_RULE, "Rule_ElectRepresentatives", "elect-representatives"),
				Arguments.of("9 of a council's 5,000 staff transferring", false, false, 5000L, 9L, FROM_RULE,
						"Rule_SmallTransfer", "consult-directly"),
				Arguments.of("employer of 9 the day before the rule", false, false, 9L, 9L, DAY_BEFORE,
						"Rule_MicroBusiness", "consult-directly"),
				Arguments.of("employer of 10 the day before the rule", false, false, 10L, 9L, DAY_BEFORE,
						"Rule_ElectRepresentatives", "elect-representatives"),
				Arguments.of("employer of 49 the day before the rule", false, false, 49L, 49L, DAY_BEFORE,
						"Rule_ElectRepresentatives", "elect-representatives"),
				Arguments.of("no transfer date yet", false, false, 30L, 30L, null,
						"Rule_ElectRepresentatives", "elect-representatives"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void choosesWhomToConsult(String situation, boolean recognisedUnion, boolean representativesPresent,
			long employerStaffCount, long transferringStaffCount, Date targetTransferDate, String rule, String route) {
		// given
		Map<String, Object> variables = new HashMap<>();
		variables.put("recognisedUnion", recognisedUnion);
		variables.put("representativesPresent", representativesPresent);
		variables.put("employerStaffCount", employerStaffCount);
		variables.put("transferringStaffCount", transferringStaffCount);
		variables.put("targetTransferDate", targetTransferDate);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), ROUTE, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("route", route);
		assertThat((String) run.outputs().get("routeLabel")).contains("TUPE reg");
	}

	static Stream<Arguments> redundancies() {
		return Stream.of(
				Arguments.of("none proposed", null, "Rule_FewerThanTwenty", false, null),
				Arguments.of("19 proposed", 19L, "Rule_FewerThanTwenty", false, null),
				Arguments.of("20 proposed", 20L, "Rule_TwentyOrMore", true, "collective-consultation"),
				Arguments.of("21 proposed", 21L, "Rule_TwentyOrMore", true, "collective-consultation"),
				Arguments.of("99 proposed", 99L, "Rule_TwentyOrMore", true, "collective-consultation"),
				Arguments.of("100 proposed", 100L, "Rule_HundredOrMore", true, "collective-consultation-large"),
				Arguments.of("101 proposed", 101L, "Rule_HundredOrMore", true, "collective-consultation-large"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("redundancies")
	void collectiveConsultationFromTwentyRedundancies(String situation, Long proposedRedundancies, String rule,
			boolean required, String clock) {
		// given
		Map<String, Object> variables = new HashMap<>();
		variables.put("proposedRedundancies", proposedRedundancies);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), COLLECTIVE, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("collectiveConsultationRequired", required)
				.containsEntry("collectiveConsultationClock", clock);
		assertThat((String) run.outputs().get("collectiveConsultationLabel")).contains("TULRCA s188");
	}

	@Test
	void everyRuleRowOfBothTablesHasACase() {
		assertThat(routes().map(arguments -> (String) arguments.get()[6]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), ROUTE));
		assertThat(redundancies().map(arguments -> (String) arguments.get()[2]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), COLLECTIVE));
	}
}
