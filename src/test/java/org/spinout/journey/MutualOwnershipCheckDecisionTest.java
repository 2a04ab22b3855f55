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
 * The three tests of "mutual", each a decision of its own, every row and the share-of-control
 * threshold of the Procurement Act test from either side; and the check that hands them on together,
 * for Explore York (a third staff-owned) and the bodies the tests tell apart.
 */
@ClassDeployment(resources = "processes/mutual-ownership-check.dmn")
class MutualOwnershipCheckDecisionTest {

	private static final String POLICY = "mutual-policy-test";
	private static final String PCR = "mutual-pcr-reserved-test";
	private static final String PA = "mutual-pa-reserved-test";
	/** The output that says whether each test is met. */
	private static final Map<String, String> MEETS = Map.of(POLICY, "meetsMutualPolicyTest", PCR,
			"meetsPcrReservedTest", PA, "meetsPaReservedTest");

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	/** Each test with its rows: the situation, what is known of the body, the row that answers and the answer. */
	static Stream<Arguments> cases() {
		return Stream.of(
				row(POLICY, "a council-owned company", "Rule_PolicyPublicBodyOwned", false,
						"ownershipModel", "public-body-owned", "staffSignificantRole", true),
				row(POLICY, "staff with a significant say", "Rule_PolicySignificantRole", true,
						"ownershipModel", "multi-stakeholder-mutual", "staffSignificantRole", true),
				row(POLICY, "staff without a say", "Rule_PolicyNoSignificantRole", false,
						"ownershipModel", "other", "staffSignificantRole", false),
				row(POLICY, "not yet answered", "Rule_PolicyNotAssessed", false,
						"ownershipModel", "public-service-mutual", "staffSignificantRole", null),
				row(PCR, "profits to investors", "Rule_PcrInvestors", false,
						"profitDistribution", "investors", "staffSignificantRole", true, "stakeholderParticipation", true),
				row(PCR, "employee-owned, profits reinvested", "Rule_PcrEmployees", true,
						"profitDistribution", "reinvested", "staffSignificantRole", true, "stakeholderParticipation", false),
				row(PCR, "users take part, profits to members", "Rule_PcrStakeholders", true,
						"profitDistribution", "members", "staffSignificantRole", false, "stakeholderParticipation", true),
				row(PCR, "users take part, staff not asked", "Rule_PcrStakeholders", true,
						"profitDistribution", "reinvested", "staffSignificantRole", null, "stakeholderParticipation", true),
				row(PCR, "nobody takes part", "Rule_PcrNoParticipation", false,
						"profitDistribution", "reinvested", "staffSignificantRole", false, "stakeholderParticipation", false),
				row(PCR, "profits not yet answered", "Rule_PcrNotAssessed", false,
						"profitDistribution", null, "staffSignificantRole", true, "stakeholderParticipation", true),
				row(PA, "not mainly reservable services", "Rule_PaNotReservable", false,
						"mainlyReservableServices", false, "profitDistribution", "reinvested", "staffControlPercent", 100.0),
				row(PA, "profits to investors", "Rule_PaInvestors", false,
						"mainlyReservableServices", true, "profitDistribution", "investors", "staffControlPercent", 100.0),
				row(PA, "employees hold 50.1%", "Rule_PaEmployeeControl", true,
						"mainlyReservableServices", true, "profitDistribution", "members", "staffControlPercent", 50.1),
				row(PA, "employees hold exactly half", "Rule_PaNoEmployeeControl", false,
						"mainlyReservableServices", true, "profitDistribution", "reinvested", "staffControlPercent", 50.0),
				row(PA, "employees hold 49.9%", "Rule_PaNoEmployeeControl", false,
						"mainlyReservableServices", true, "profitDistribution", "reinvested", "staffControlPercent", 49.9),
				row(PA, "share of control not given", "Rule_PaControlNotAssessed", false,
						"mainlyReservableServices", true, "profitDistribution", "reinvested", "staffControlPercent", null),
				row(PA, "profits not yet answered", "Rule_PaProfitsNotAssessed", false,
						"mainlyReservableServices", true, "profitDistribution", null, "staffControlPercent", 60.0));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("cases")
	void eachTestOnItsOwn(String decision, String situation, String rule, boolean meets, Map<String, Object> body) {
		// given the body as far as it is known

		// when
		DecisionTableRun run = DecisionTableRun.evaluate(engine.getProcessEngine(), decision, body);

		// then
		assertThat(run.ruleIds()).containsExactly(rule);
		assertThat(run.outputs()).containsEntry(MEETS.get(decision), meets);
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
		for (String decision : MEETS.keySet()) {
			assertThat(cases().filter(arguments -> arguments.get()[0].equals(decision))
					.map(arguments -> (String) arguments.get()[2]).distinct())
					.as(decision).containsExactlyInAnyOrderElementsOf(
							DecisionTableRun.ruleIds(engine.getProcessEngine(), decision));
		}
	}

	private static Arguments row(String decision, String situation, String rule, boolean meets, Object... body) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < body.length; i += 2) {
			variables.put((String) body[i], body[i + 1]);
		}
		return Arguments.of(decision, situation, rule, meets, variables);
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
