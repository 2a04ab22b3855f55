package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the mutual ownership check, at the thresholds on either side. */
@Deployment(resources = "processes/mutual-ownership-check.dmn")
class MutualOwnershipCheckDecisionTest {

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	@BeforeEach
	void useEngine() {
		BpmnAwareTests.init(engine.getProcessEngine());
	}

	@AfterEach
	void reset() {
		BpmnAwareTests.reset();
	}

	@ParameterizedTest(name = "{0} with {1}% staff control meets the test: {2}")
	@CsvSource({
			"public-service-mutual, 50.1, true, Staff hold more than half",
			"public-service-mutual, 50, false, A public service mutual needs staff to hold more than half",
			"mutual-joint-venture, 25, true, Staff hold at least a quarter",
			"mutual-joint-venture, 24.9, false, A mutual joint venture needs staff to hold at least a quarter",
			"other, 100, false, Not a mutual model"})
	void ownershipModelIsCheckedAgainstItsTest(String model, double staffControl, boolean meets, String note) {
		// given
		Map<String, Object> proposal = Map.of("ownershipModel", model, "staffControlPercent", staffControl);

		// when
		DmnDecisionRuleResult result = decisionService().evaluateDecisionTableByKey("mutual-ownership-check", proposal)
				.getSingleResult();

		// then
		assertThat((Boolean) result.getEntry("meetsMutualTest")).isEqualTo(meets);
		assertThat((String) result.getEntry("mutualOwnershipNote")).startsWith(note);
	}
}
