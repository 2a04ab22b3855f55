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

/**
 * Every row of {@code governance-route.dmn}: who decides, with what notice, whether the decision can
 * be called in and whether the NHS duty to involve the public applies, by parent body and nation.
 */
@ClassDeployment(resources = "processes/governance-route.dmn")
class GovernanceRouteDecisionTest {

	private static final String DECISION = "governance-route";

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("council", "england-wales", "executive", "Rule_EnglishExecutive", "english-executive",
						"key-decision-notice", true, false),
				Arguments.of("council", "england-wales", null, "Rule_EnglishExecutive", "english-executive",
						"key-decision-notice", true, false),
				Arguments.of("council", "england-wales", "committee", "Rule_EnglishCommittee", "english-committee",
						"committee-agenda", false, false),
				Arguments.of("council", "england-wales", "welsh-executive", "Rule_WelshCouncil", "welsh-council",
						"committee-agenda", true, false),
				Arguments.of("council", "scotland", null, "Rule_ScottishCouncil", "scottish-council",
						"scottish-committee-papers", false, false),
				Arguments.of("council", "northern-ireland", null, "Rule_NorthernIrishCouncil", "ni-council",
						"ni-council-notice", true, false),
				Arguments.of("joint", "england-wales", "executive", "Rule_JointEnglishExecutive", "english-executive",
						"key-decision-notice", true, true),
				Arguments.of("joint", "england-wales", "committee", "Rule_JointEnglishCommittee", "english-committee",
						"committee-agenda", false, true),
				Arguments.of("joint", "england-wales", "welsh-executive", "Rule_JointWelsh", "welsh-council",
						"committee-agenda", true, true),
				Arguments.of("joint", "scotland", null, "Rule_JointScottish", "scottish-council",
						"scottish-committee-papers", false, false),
				Arguments.of("joint", "northern-ireland", null, "Rule_JointNorthernIrish", "ni-council",
						"ni-council-notice", true, false),
				Arguments.of("nhs-trust", "england-wales", null, "Rule_NhsTrust", "nhs-trust", "board-papers", false,
						true),
				Arguments.of("icb", "england-wales", null, "Rule_IntegratedCareBoard", "icb", "board-papers", false,
						true));
	}

	@ParameterizedTest(name = "{0} in {1} ({2})")
	@MethodSource("cases")
	void choosesTheRoute(String parentBodyType, String nation, String councilGovernance, String rule, String route,
			String noticeClock, boolean callIn, boolean nhsInvolvement) {
		// given
		Map<String, Object> programme = new HashMap<>();
		programme.put("parentBodyType", parentBodyType);
		programme.put("nation", nation);
		programme.put("councilGovernance", councilGovernance);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, programme);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("governanceRoute", route)
				.containsEntry("decisionNoticeClock", noticeClock)
				.containsEntry("callInApplies", callIn)
				.containsEntry("callInClock", callIn ? "call-in-window" : "none")
				.containsEntry("nhsInvolvementDuty", nhsInvolvement);
		assertThat((String) run.outputs().get("decisionBody")).isNotBlank();
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(cases().map(arguments -> (String) arguments.get()[3]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), DECISION));
	}
}
