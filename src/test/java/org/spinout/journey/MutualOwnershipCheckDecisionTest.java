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

/**
 * The three tests of "mutual", each a decision of its own, every row and the share-of-control
 * threshold of the Procurement Act test from either side; and the check that hands them on together,
 * for Explore York (a third staff-owned) and the bodies the tests tell apart.
 */
@Deployment(resources = "processes/mutual-ownership-check.dmn")
class MutualOwnershipCheckDecisionTest {

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	static Stream<Arguments> policyCases() {
		return Stream.of(
				Arguments.of("a council-owned company", "public-body-owned", true, "Rule_PolicyPublicBodyOwned", false),
				Arguments.of("staff with a significant say", "multi-stakeholder-mutual", true,
						"Rule_PolicySignificantRole", true),
				Arguments.of("staff without a say", "other", false, "Rule_PolicyNoSignificantRole", false),
				Arguments.of("not yet answered", "public-service-mutual", null, "Rule_PolicyNotAssessed", false));
	}

	@ParameterizedTest(name = "policy definition, {0}")
	@MethodSource("policyCases")
	void policyDefinition(String situation, String model, Boolean significantRole, String rule, boolean meets) {
		// given
		Map<String, Object> body = new HashMap<>();
		body.put("ownershipModel", model);
		body.put("staffSignificantRole", significantRole);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), "mutual-policy-test", body);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("meetsMutualPolicyTest", meets);
	}

	static Stream<Arguments> pcrCases() {
		return Stream.of(
				Arguments.of("profits to investors", "investors", true, true, "Rule_PcrInvestors", false),
				Arguments.of("employee-owned, profits reinvested", "reinvested", true, false, "Rule_PcrEmployees", true),
				Arguments.of("users take part, profits to members", "members", false, true, "Rule_PcrStakeholders", true),
				Arguments.of("users take part, staff not asked", "reinvested", null, true, "Rule_PcrStakeholders", true),
				Arguments.of("nobody takes part", "reinvested", false, false, "Rule_PcrNoParticipation", false),
				Arguments.of("profits not yet answered", null, true, true, "Rule_PcrNotAssessed", false));
	}

	@ParameterizedTest(name = "PCR reg 77, {0}")
	@MethodSource("pcrCases")
	void pcrReservedContract(String situation, String profits, Boolean staff, Boolean stakeholders, String rule,
			boolean meets) {
		// given
		Map<String, Object> body = new HashMap<>();
		body.put("profitDistribution", profits);
		body.put("staffSignificantRole", staff);
		body.put("stakeholderParticipation", stakeholders);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), "mutual-pcr-reserved-test", body);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("meetsPcrReservedTest", meets);
	}

	static Stream<Arguments> paCases() {
		return Stream.of(
				Arguments.of("not mainly reservable services", false, "reinvested", 100.0, "Rule_PaNotReservable", false),
				Arguments.of("profits to investors", true, "investors", 100.0, "Rule_PaInvestors", false),
				Arguments.of("employees hold 50.1%", true, "members", 50.1, "Rule_PaEmployeeControl", true),
				Arguments.of("employees hold exactly half", true, "reinvested", 50.0, "Rule_PaNoEmployeeControl", false),
				Arguments.of("employees hold 49.9%", true, "reinvested", 49.9, "Rule_PaNoEmployeeControl", false),
				Arguments.of("share of control not given", true, "reinvested", null, "Rule_PaControlNotAssessed", false),
				Arguments.of("profits not yet answered", true, null, 60.0, "Rule_PaProfitsNotAssessed", false));
	}

	@ParameterizedTest(name = "PA 2023 s33, {0}")
	@MethodSource("paCases")
	void paReservedContract(String situation, Boolean reservable, String profits, Double control, String rule,
			boolean meets) {
		// given
		Map<String, Object> body = new HashMap<>();
		body.put("mainlyReservableServices", reservable);
		body.put("profitDistribution", profits);
		body.put("staffControlPercent", control);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), "mutual-pa-reserved-test", body);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry("meetsPaReservedTest", meets);
	}

	@Test
	void exploreYorkIsAPublicServiceMutualThatAnActReservedContractIsNotOpenTo() {
		// given a community benefit society, about a third staff and two thirds community members
		Map<String, Object> york = body("multi-stakeholder-mutual", 33.3, "reinvested", true, true);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), "mutual-ownership-check", york);

		// then
		assertThat(run.ruleIds()).containsExactly("Rule_MutualTestsTogether");
		assertThat(run.outputs()).containsEntry("meetsMutualPolicyTest", true).containsEntry("meetsPcrReservedTest", true)
				.containsEntry("meetsPaReservedTest", false);
		assertThat((String) run.outputs().get("paReservedTestNote")).startsWith("Employees hold half of the control or less");
	}

	@Test
	void aMutualJointVentureMeetsThePolicyDefinitionOnly() {
		// given a quarter staff-owned, with an investor partner
		Map<String, Object> jointVenture = body("mutual-joint-venture", 25.0, "investors", true, false);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), "mutual-ownership-check",
				jointVenture);

		// then
		assertThat(run.outputs()).containsEntry("meetsMutualPolicyTest", true).containsEntry("meetsPcrReservedTest", false)
				.containsEntry("meetsPaReservedTest", false);
	}

	@Test
	void aStaffLedMutualMeetsAllThree() {
		// given
		Map<String, Object> staffLed = body("public-service-mutual", 100.0, "reinvested", true, false);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), "mutual-ownership-check", staffLed);

		// then
		assertThat(run.outputs()).containsEntry("meetsMutualPolicyTest", true).containsEntry("meetsPcrReservedTest", true)
				.containsEntry("meetsPaReservedTest", true);
		assertThat(run.outputs()).containsKeys("mutualPolicyTestNote", "pcrReservedTestNote", "paReservedTestNote");
	}

	@Test
	void aModelFromAnEarlierVersionIsCheckedWithoutFailing() {
		// given only what the ownership form asked before the tests were kept apart
		Map<String, Object> earlier = Map.of("ownershipModel", "public-service-mutual", "staffControlPercent", 60.0);

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), "mutual-ownership-check", earlier);

		// then each test says what it still needs
		assertThat(run.outputs()).containsEntry("meetsMutualPolicyTest", false).containsEntry("meetsPcrReservedTest", false)
				.containsEntry("meetsPaReservedTest", false);
		assertThat((String) run.outputs().get("mutualPolicyTestNote")).startsWith("Not assessed yet");
	}

	@Test
	void everyRuleRowHasACase() {
		assertThat(policyCases().map(arguments -> (String) arguments.get()[3]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), "mutual-policy-test"));
		assertThat(pcrCases().map(arguments -> (String) arguments.get()[4]).distinct())
				.containsExactlyInAnyOrderElementsOf(
						DecisionTableRun.ruleIds(engine.getProcessEngine(), "mutual-pcr-reserved-test"));
		assertThat(paCases().map(arguments -> (String) arguments.get()[4]).distinct())
				.containsExactlyInAnyOrderElementsOf(DecisionTableRun.ruleIds(engine.getProcessEngine(), "mutual-pa-reserved-test"));
	}

	private static Map<String, Object> body(String model, double staffControl, String profits, boolean staffSay,
			boolean stakeholders) {
		Map<String, Object> body = new HashMap<>();
		body.put("ownershipModel", model);
		body.put("staffControlPercent", staffControl);
		body.put("profitDistribution", profits);
		body.put("staffSignificantRole", staffSay);
		body.put("stakeholderParticipation", stakeholders);
		body.put("mainlyReservableServices", true);
		return body;
	}
}
