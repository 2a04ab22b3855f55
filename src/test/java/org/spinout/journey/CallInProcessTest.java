package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.engine.EngineClockExtension;

/**
 * The call-in of a formal decision: the window, scrutiny's meeting and its three outcomes, full
 * council, and the Northern Irish reconsideration. What it hands back decides whether the phase's
 * decision stands or is reconsidered (once: see {@link BusinessCaseProcessTest}).
 */
@ClassDeployment(resources = {"processes/call-in.bpmn", "forms/consider-call-in.form", "forms/hold-call-in-meeting.form",
		"forms/record-full-council-resolution.form"})
class CallInProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	/** Tuesday 31 March 2026, the day the decision is published. */
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 31, 9, 0));

	private JourneyInstance callIn;

	@Test
	void theDecisionStandsWhenTheWindowClosesWithoutACallIn() {
		// given
		start("english-executive");

		// when five working days pass (Good Friday and Easter Monday do not count)
		assertThat(timerEvent(callIn.instance(), "CallInWindowClosed").getDuedate()).isEqualTo(london(2026, 4, 10));
		fire(timerEvent(callIn.instance(), "CallInWindowClosed"));

		// then
		assertAnswered("stands");
		BpmnAwareTests.assertThat(callIn.instance()).hasPassed("CallInWindowClosed");
	}

	@Test
	void nothingProceedsBeforeTheWindowClosesEvenWithoutACallIn() {
		// given
		start("english-executive");

		// when scrutiny says on the first day that it will not call the decision in
		callIn.complete("ConsiderCallIn", "calledIn", false);

		// then the decision still waits for the window
		BpmnAwareTests.assertThat(callIn.instance()).isWaitingAt("CallInWindowEnds");
		fire(timerEvent(callIn.instance(), "CallInWindowEnds"));
		assertAnswered("stands");
	}

	@Test
	void scrutinyMeetsWithinTheConstitutionsPeriodAndTakesNoAction() {
		// given called in on Wednesday 1 April
		start("english-executive");
		callInTheDecision();

		// then the meeting is due ten working days later, Good Friday and Easter Monday not counting
		assertThat(callIn.waitingTask("HoldCallInMeeting").getDueDate()).isEqualTo(london(2026, 4, 18));

		// when
		callIn.complete("HoldCallInMeeting", "callInMeetingDate", london(2026, 4, 9), "callInMeetingOutcome",
				"no-action", "callInMinutesLink", "https://example.org/minutes");

		// then
		assertAnswered("stands");
	}

	@Test
	void scrutinyRefersTheDecisionBackWithReasons() {
		// given
		start("welsh-council");
		callInTheDecision();

		// when
		meet("refer-back", "The options appraisal left out the joint venture");

		// then
		assertAnswered("reconsider");
		assertThat(callIn.value("referralReasons")).isEqualTo("The options appraisal left out the joint venture");
	}

	@Test
	void fullCouncilRaisesNoObjection() {
		// given
		start("english-executive");
		callInTheDecision();
		meet("refer-to-council", "The decision is outside the budget framework");

		// when
		callIn.complete("RecordFullCouncilResolution", "councilMeetingDate", london(2026, 4, 22),
				"councilResolution", "no-objection", "councilResolutionLink", "https://example.org/council");

		// then
		assertAnswered("stands");
	}

	@Test
	void fullCouncilRefersTheDecisionBackWithItsObjections() {
		// given
		start("english-executive");
		callInTheDecision();
		meet("refer-to-council", "The decision is outside the budget framework");

		// when
		callIn.complete("RecordFullCouncilResolution", "councilMeetingDate", london(2026, 4, 22),
				"councilResolution", "refer-back", "referralReasons", "Bring the pension guarantee to council first",
				"councilResolutionLink", "https://example.org/council");

		// then
		assertAnswered("reconsider");
		assertThat(callIn.value("referralReasons")).isEqualTo("Bring the pension guarantee to council first");
	}

	@Test
	void aNorthernIrishRequisitionRequiresTheDecisionToBeReconsidered() {
		// given
		start("ni-council");

		// when 15% of the members requisition it
		callInTheDecision();

		// then the council reconsiders it, without a scrutiny meeting
		assertAnswered("reconsider");
		BpmnAwareTests.assertThat(callIn.instance()).hasNotPassed("HoldCallInMeeting");
	}

	private void start(String governanceRoute) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("nation", "england-wales");
		variables.put("governanceRoute", governanceRoute);
		variables.put("decisionTitle", "the in-principle decision");
		variables.put("decisionPublishedDate", london(2026, 3, 31));
		callIn = JourneyInstance.start("call-in", "SO-2026-3", variables);
	}

	private void callInTheDecision() {
		callIn.complete("ConsiderCallIn", "calledIn", true, "callInDate", london(2026, 4, 1), "callInReasons",
				"The decision was taken before the staff were consulted");
	}

	private void meet(String outcome, String reasons) {
		callIn.complete("HoldCallInMeeting", "callInMeetingDate", london(2026, 4, 9), "callInMeetingOutcome", outcome,
				"referralReasons", reasons, "callInMinutesLink", "https://example.org/minutes");
	}

	private void assertAnswered(String outcome) {
		BpmnAwareTests.assertThat(callIn.instance()).isEnded();
		assertThat(callIn.value("callInOutcome")).isEqualTo(outcome);
	}
}
