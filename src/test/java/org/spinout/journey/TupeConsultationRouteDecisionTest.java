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

/**
 * Every row of {@code tupe-consultation-route.dmn}, including the small-employer rule from 1 July
 * 2024: a summer date stored at London midnight must count as that day on a server in any time zone.
 */
@Deployment(resources = "processes/tupe-consultation-route.dmn")
class TupeConsultationRouteDecisionTest {

	private static final String DECISION = "tupe-consultation-route";
	private static final Date FROM_RULE = WorkingDays.startOf(LocalDate.of(2024, 7, 1));
	private static final Date BEFORE_RULE = WorkingDays.startOf(LocalDate.of(2024, 6, 30));

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("recognised union, even in a small team", true, false, 12L, 12L, FROM_RULE,
						"Rule_RecognisedUnion", "recognised-union"),
				Arguments.of("staff forum in place", false, true, 400L, 60L, FROM_RULE,
						"Rule_ExistingRepresentatives", "existing-representatives"),
				Arguments.of("49 staff from 1 July 2024", false, false, 49L, 49L, FROM_RULE,
						"Rule_SmallEmployer", "consult-directly"),
				Arguments.of("9 of 300 staff transferring from 1 July 2024", false, false, 300L, 9L, FROM_RULE,
						"Rule_SmallTransfer", "consult-directly"),
				Arguments.of("9 staff before 1 July 2024", false, false, 9L, 9L, BEFORE_RULE,
						"Rule_MicroBusiness", "consult-directly"),
				Arguments.of("49 staff the day before the rule", false, false, 49L, 49L, BEFORE_RULE,
						"Rule_ElectRepresentatives", "elect-representatives"),
				Arguments.of("50 staff, 10 transferring", false, false, 50L, 10L, FROM_RULE,
						"Rule_ElectRepresentatives", "elect-representatives"),
				Arguments.of("no transfer date yet", false, false, 30L, 30L, null,
						"Rule_ElectRepresentatives", "elect-representatives"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void choosesWhomToConsult(String situation, boolean recognisedUnion, boolean representativesPresent,
			long staffCount, long transferringStaffCount, Date targetTransferDate, String rule, String route) {
		// given
		Map<String, Object> variables = new HashMap<>();
		variables.put("recognisedUnion", recognisedUnion);
		variables.put("representativesPresent", representativesPresent);
		variables.put("staffCount", staffCount);
		variables.put("transferringStaffCount", transferringStaffCount);
		variables.put("targetTransferDate", targetTransferDate);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("route", route);
		assertThat((String) run.outputs().get("routeLabel")).contains("TUPE reg");
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(cases().map(arguments -> (String) arguments.get()[6]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), DECISION));
	}
}
