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
 * Every row of {@code legal-form-conditions.dmn} and the members' boundaries. The table asks only what
 * the law asks of each form: who controls the body is the ownership model's test, so a share of staff
 * control, high or low, changes nothing here.
 */
@ClassDeployment(resources = "processes/legal-form-conditions.dmn")
class LegalFormConditionsDecisionTest {

	private static final String DECISION = "legal-form-conditions";
	private static final String CBS = "community-benefit-society";
	private static final String CIC = "community-interest-company";
	private static final String CLG = "company-limited-by-guarantee";

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("society with 2 members", CBS, 2L, true, null, null,
						"Rule_CbsTooFewMembers", false, "at least 3 members", "FCA", "fca-registration"),
				Arguments.of("society whose members are not counted yet", CBS, null, true, null, null,
						"Rule_CbsTooFewMembers", false, "at least 3 members", "FCA", "fca-registration"),
				Arguments.of("society with 3 members run for its members", CBS, 3L, false, null, null,
						"Rule_CbsNotForCommunity", false, "benefit of the community", "FCA", "fca-registration"),
				Arguments.of("society whose purpose is not yet answered", CBS, 3L, null, null, null,
						"Rule_CbsNotForCommunity", false, "benefit of the community", "FCA", "fca-registration"),
				Arguments.of("society with 3 members for the community", CBS, 3L, true, null, null,
						"Rule_CbsEligible", true, "with the FCA", "FCA", "fca-registration"),
				Arguments.of("society with 4 members for the community", CBS, 4L, true, null, null,
						"Rule_CbsEligible", true, "with the FCA", "FCA", "fca-registration"),
				Arguments.of("CIC without an asset lock", CIC, 1L, null, false, true,
						"Rule_CicNoAssetLock", false, "asset lock", "Companies House", "cic-incorporation"),
				Arguments.of("CIC with the asset lock not yet answered", CIC, 1L, null, null, true,
						"Rule_CicNoAssetLock", false, "asset lock", "Companies House", "cic-incorporation"),
				Arguments.of("CIC without a community interest statement", CIC, 1L, null, true, false,
						"Rule_CicNoStatement", false, "community interest statement", "Companies House", "cic-incorporation"),
				Arguments.of("CIC with its statement not yet answered", CIC, 1L, null, true, null,
						"Rule_CicNoStatement", false, "community interest statement", "Companies House", "cic-incorporation"),
				Arguments.of("CIC with both", CIC, 1L, null, true, true,
						"Rule_CicEligible", true, "CIC Regulator", "Companies House", "cic-incorporation"),
				Arguments.of("company without members", CLG, 0L, null, null, null,
						"Rule_ClgNoMembers", false, "at least one member", "Companies House", null),
				Arguments.of("company whose members are not counted yet", CLG, null, null, null, null,
						"Rule_ClgNoMembers", false, "at least one member", "Companies House", null),
				Arguments.of("company with one member", CLG, 1L, null, null, null,
						"Rule_ClgEligible", true, "Companies House", "Companies House", null),
				Arguments.of("company with two members", CLG, 2L, null, null, null,
						"Rule_ClgEligible", true, "Companies House", "Companies House", null),
				Arguments.of("no legal form chosen", null, 3L, true, true, true,
						"Rule_NoLegalForm", false, "Choose a legal form", null, null),
				Arguments.of("a partnership", "limited-liability-partnership", 3L, true, true, true,
						"Rule_NoLegalForm", false, "Choose a legal form", null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decidesWhetherTheFormCanBeUsed(String situation, String legalForm, Long membersCount, Boolean communityBenefit,
			Boolean assetLock, Boolean communityInterestStatement, String rule, boolean eligible, String reason,
			String registrar, String registrationClock) {
		// given
		Map<String, Object> variables = new HashMap<>();
		variables.put("legalForm", legalForm);
		variables.put("membersCount", membersCount);
		variables.put("communityBenefit", communityBenefit);
		variables.put("assetLock", assetLock);
		variables.put("communityInterestStatement", communityInterestStatement);

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
	void aCouncilOwnedModelApprovedAtTheOwnershipGateIsNotCheckedAgain() {
		// given a company limited by guarantee in which staff hold no control at all
		Map<String, Object> variables = new HashMap<>();
		variables.put("legalForm", CLG);
		variables.put("membersCount", 1L);
		variables.put("staffControlPercent", 0.0);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, variables);

		// then the form can be used: gate G4 has decided the ownership, so legal services are not sent round again
		assertThat(run.outputs().get("eligible")).isEqualTo(true);
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(cases().map(arguments -> (String) arguments.get()[6]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), DECISION));
	}
}
