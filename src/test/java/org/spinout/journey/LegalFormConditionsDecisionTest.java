package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every row of {@code legal-form-conditions.dmn}. */
@Deployment(resources = "processes/legal-form-conditions.dmn")
class LegalFormConditionsDecisionTest {

	private static final String DECISION = "legal-form-conditions";
	private static final String CBS = "community-benefit-society";
	private static final String CIC = "community-interest-company";
	private static final String CLG = "company-limited-by-guarantee";

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("society with 2 members", CBS, 2L, null, null, 60.0,
						"Rule_CbsTooFewMembers", false, "at least 3 members", "FCA", "fca-registration"),
				Arguments.of("society whose members are not counted yet", CBS, null, null, null, 60.0,
						"Rule_CbsTooFewMembers", false, "at least 3 members", "FCA", "fca-registration"),
				Arguments.of("society with staff holding 20%", CBS, 3L, null, null, 20.0,
						"Rule_CbsStaffControlLow", false, "under 25%", "FCA", "fca-registration"),
				Arguments.of("society with staff holding a third", CBS, 120L, null, null, 33.3,
						"Rule_CbsMutualJointVenture", true, "mutual joint venture", "FCA", "fca-registration"),
				Arguments.of("society with 3 members, staff holding half", CBS, 3L, null, null, 50.0,
						"Rule_CbsMutualJointVenture", true, "mutual joint venture", "FCA", "fca-registration"),
				Arguments.of("staff-led society", CBS, 3L, null, null, 50.5,
						"Rule_CbsEligible", true, "with the FCA", "FCA", "fca-registration"),
				Arguments.of("CIC without an asset lock", CIC, 1L, false, true, 100.0,
						"Rule_CicNoAssetLock", false, "asset lock", "Companies House", "cic-incorporation"),
				Arguments.of("CIC with the asset lock not yet answered", CIC, 1L, null, true, 100.0,
						"Rule_CicNoAssetLock", false, "asset lock", "Companies House", "cic-incorporation"),
				Arguments.of("CIC without a community interest statement", CIC, 1L, true, false, 100.0,
						"Rule_CicNoStatement", false, "community interest statement", "Companies House", "cic-incorporation"),
				Arguments.of("CIC with staff holding 10%", CIC, 1L, true, true, 10.0,
						"Rule_CicStaffControlLow", false, "under 25%", "Companies House", "cic-incorporation"),
				Arguments.of("CIC with staff holding 25%", CIC, 1L, true, true, 25.0,
						"Rule_CicMutualJointVenture", true, "mutual joint venture", "Companies House", "cic-incorporation"),
				Arguments.of("staff-owned CIC", CIC, 1L, true, true, 75.0,
						"Rule_CicEligible", true, "CIC Regulator", "Companies House", "cic-incorporation"),
				Arguments.of("company with staff holding 24.9%", CLG, 1L, null, null, 24.9,
						"Rule_ClgStaffControlLow", false, "under 25%", "Companies House", null),
				Arguments.of("company with staff holding 40%", CLG, 1L, null, null, 40.0,
						"Rule_ClgMutualJointVenture", true, "mutual joint venture", "Companies House", null),
				Arguments.of("staff-owned company", CLG, 1L, null, null, 100.0,
						"Rule_ClgEligible", true, "Companies House", "Companies House", null),
				Arguments.of("no legal form chosen", null, 3L, null, null, 100.0,
						"Rule_NoLegalForm", false, "Choose a legal form", null, null),
				Arguments.of("a partnership", "limited-liability-partnership", 3L, null, null, 100.0,
						"Rule_NoLegalForm", false, "Choose a legal form", null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decidesWhetherTheFormCanBeUsed(String situation, String legalForm, Long membersCount, Boolean assetLock,
			Boolean communityInterestStatement, Double staffControlPercent, String rule, boolean eligible,
			String reason, String registrar, String registrationClock) {
		// given
		Map<String, Object> variables = new HashMap<>();
		variables.put("legalForm", legalForm);
		variables.put("membersCount", membersCount);
		variables.put("assetLock", assetLock);
		variables.put("communityInterestStatement", communityInterestStatement);
		variables.put("staffControlPercent", staffControlPercent);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs().get("eligible")).isEqualTo(eligible);
		assertThat((String) run.outputs().get("reason")).contains(reason);
		assertThat(run.outputs().get("registrar")).isEqualTo(registrar);
		assertThat(run.outputs().get("registrationClock")).isEqualTo(registrationClock);
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(cases().map(arguments -> (String) arguments.get()[6]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), DECISION));
	}
}
