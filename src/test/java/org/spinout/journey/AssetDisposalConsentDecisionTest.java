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
 * Every row of {@code asset-disposal-consent.dmn}: when a council's disposal of land needs no consent,
 * the general consent, or the Secretary of State's, at the 7-year and £2 million boundaries.
 */
@ClassDeployment(resources = "processes/asset-disposal-consent.dmn")
class AssetDisposalConsentDecisionTest {

	private static final String DECISION = "asset-disposal-consent";

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("an NHS trust's building", given("parentBodyType", "nhs-trust", "undervalue", 3_000_000.0),
						"Rule_NotACouncil", "not-needed"),
				Arguments.of("a Scottish council's hall", given("nation", "scotland", "undervalue", 3_000_000.0),
						"Rule_NotEnglandOrWales", "not-needed"),
				Arguments.of("equipment only", given("landDisposal", false, "undervalue", 50_000.0),
						"Rule_NoLand", "not-needed"),
				Arguments.of("land not yet answered", given("landDisposal", null), "Rule_NoLand", "not-needed"),
				Arguments.of("a lease of 6 years at a peppercorn", given("leaseTermYears", 6.0), "Rule_ShortTenancy", "not-needed"),
				Arguments.of("a lease of exactly 7 years", given("leaseTermYears", 7.0), "Rule_ShortTenancy", "not-needed"),
				Arguments.of("a lease of 7 and a half years is no short tenancy", given("leaseTermYears", 7.5),
						"Rule_GeneralDisposalConsent", "general-consent"),
				Arguments.of("a freehold at the valuation", given("undervalue", 0.0), "Rule_BestConsideration", "not-needed"),
				Arguments.of("a freehold above the valuation", given("undervalue", -10_000.0), "Rule_BestConsideration", "not-needed"),
				Arguments.of("a pound under the valuation", given("undervalue", 1.0, "wellBeingPromoted", true),
						"Rule_GeneralDisposalConsent", "general-consent"),
				Arguments.of("£1,999,999 under, for the area's well-being", given("undervalue", 1_999_999.0, "wellBeingPromoted", true),
						"Rule_GeneralDisposalConsent", "general-consent"),
				Arguments.of("£2 million under, for the area's well-being", given("undervalue", 2_000_000.0, "wellBeingPromoted", true),
						"Rule_GeneralDisposalConsent", "general-consent"),
				Arguments.of("£2,000,001 under, for the area's well-being", given("undervalue", 2_000_001.0, "wellBeingPromoted", true),
						"Rule_SecretaryOfState", "secretary-of-state"),
				Arguments.of("£500,000 under, without a well-being reason", given("undervalue", 500_000.0, "wellBeingPromoted", false),
						"Rule_SecretaryOfState", "secretary-of-state"),
				Arguments.of("a long lease £300,000 under, for the area's well-being", given("leaseTermYears", 99.0,
						"undervalue", 300_000.0, "wellBeingPromoted", true), "Rule_GeneralDisposalConsent", "general-consent"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decidesWhetherTheDisposalNeedsConsent(String situation, Map<String, Object> variables, String rule, String consent) {
		// given / when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), DECISION, variables);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("disposalConsent", consent);
		assertThat((String) run.outputs().get("disposalConsentReason")).isNotBlank();
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(cases().map(arguments -> (String) arguments.get()[2]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), DECISION));
	}

	/** An English council's freehold disposed of at £1 million under its valuation, then the differences as pairs. */
	private static Map<String, Object> given(Object... differences) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("parentBodyType", "council");
		variables.put("nation", "england-wales");
		variables.put("landDisposal", true);
		variables.put("leaseTermYears", null);
		variables.put("undervalue", 1_000_000.0);
		variables.put("wellBeingPromoted", true);
		for (int i = 0; i < differences.length; i += 2) {
			variables.put((String) differences[i], differences[i + 1]);
		}
		return variables;
	}
}
