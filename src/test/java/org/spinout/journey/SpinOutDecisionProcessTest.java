package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.engine.EngineClockExtension;

/**
 * Phase 3: the business plan, the full business case, the section 151 sign-off and the decision to
 * spin out (G2), taken with the consultation responses, the equality impact assessment and the
 * pension costs in front of the decision-makers, on the programme's governance route.
 */
@ClassDeployment(resources = {"processes/spin-out-decision.bpmn", "processes/governance-route.dmn",
		"processes/call-in.bpmn", "processes/stop-in-order.bpmn", "forms/prepare-business-plan.form",
		"forms/prepare-full-business-case.form", "forms/sign-off-financial-case.form",
		"forms/publish-spin-out-decision-notice.form", "forms/approve-spin-out.form",
		"forms/publish-spin-out-decision.form", "forms/consider-call-in.form", "forms/hold-call-in-meeting.form",
		"forms/record-full-council-resolution.form", "forms/tell-staff-the-programme-stopped.form",
		"forms/withdraw-published-notices.form"})
class SpinOutDecisionProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverageExcluding("call-in");

	/** Monday 13 April 2026. */
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 4, 13, 9, 0));

	private JourneyInstance programme;

	@Test
	void theDecisionIsTakenWithTheConsultationTheEqualityImpactAndThePensionCostsInFront() {
		// given an English council
		start("council", "england-wales");
		throughTheFullBusinessCase();

		// when the key decision notice has run its 28 clear days from Monday 13 April
		giveNotice();
		assertThat(timerEvent(programme.instance(), "SpinOutNoticePeriodEnded").getDuedate()).isEqualTo(london(2026, 5, 12));
		fire(timerEvent(programme.instance(), "SpinOutNoticePeriodEnded"));

		// then the decision-makers have every paper the law asks for
		Task decision = programme.waitingTask("ApproveSpinOut");
		assertThat(JourneyTasks.groups(decision)).containsExactly("decision-makers");
		assertThat(taskService().getVariables(decision.getId())).containsKeys("publicConsultationSummary",
				"equalityImpactSummary", "equalityImpactLink", "pensionCostSummary", "fullBusinessCaseLink");

		// and once approved and published, the decision stands when the call-in window closes
		programme.decide("ApproveSpinOut", "approve", null);
		publishTheDecision();
		fire(timerEvent(calledProcessInstance("call-in", programme.instance()), "CallInWindowClosed"));
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassedInOrder("PrepareBusinessPlan",
				"PrepareFullBusinessCase", "SignOffFinancialCase", "PublishSpinOutDecisionNotice", "ApproveSpinOut",
				"PublishSpinOutDecision", "SpinOutCallIn", "SpinOutApproved");
	}

	@Test
	void aScottishCouncilDecidesOnCommitteePapersWithoutCallIn() {
		// given
		start("council", "scotland");
		throughTheFullBusinessCase();

		// when the papers are published three clear days before
		giveNotice();
		assertThat(timerEvent(programme.instance(), "SpinOutNoticePeriodEnded").getDuedate()).isEqualTo(london(2026, 4, 17));
		fire(timerEvent(programme.instance(), "SpinOutNoticePeriodEnded"));
		programme.decide("ApproveSpinOut", "approve", null);
		publishTheDecision();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasNotPassed("SpinOutCallIn");
		assertThat(programme.value("governanceRoute")).isEqualTo("scottish-council");
	}

	@Test
	void theSection151OfficerSendsTheCaseBackToThePlan() {
		// given
		start("nhs-trust", "england-wales");
		prepareThePlanAndTheCase();

		// when
		programme.decide("SignOffFinancialCase", "sendBack", "Year 3 does not balance");

		// then the shadow board revises its plan, with the comments
		assertThat(programme.taskVariable("PrepareBusinessPlan", "decisionReason")).isEqualTo("Year 3 does not balance");
	}

	@Test
	void theDecisionMakersSendTheCaseBack() {
		// given
		start("icb", "england-wales");
		toTheDecision();

		// when
		programme.decide("ApproveSpinOut", "sendBack", "The heads of terms need a break clause");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessPlan");
	}

	@Test
	void aRejectionStopsTheProgrammeInOrder() {
		// given
		start("nhs-trust", "england-wales");
		toTheDecision();

		// when
		programme.decide("ApproveSpinOut", "reject", "Not affordable");

		// then
		programme.carryOutTheStop();
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("SpinOutRejected");
		programme.assertStopped("Not affordable", "Decide whether the service spins out (G2)");
	}

	@Test
	void aCalledInDecisionIsReconsideredOnceAndIsThenFinal() {
		// given an English council's decision, called in and referred back
		start("council", "england-wales");
		toTheDecision();
		programme.decide("ApproveSpinOut", "approve", null);
		publishTheDecision();
		ProcessInstance callIn = calledProcessInstance("call-in", programme.instance());
		BpmnAwareTests.complete(BpmnAwareTests.task("ConsiderCallIn", callIn), Map.of("calledIn", true,
				"callInDate", london(2026, 5, 13), "callInReasons", "The pension risk is unclear"));
		BpmnAwareTests.complete(BpmnAwareTests.task("HoldCallInMeeting", callIn), Map.of("callInMeetingDate",
				london(2026, 5, 20), "callInMeetingOutcome", "refer-back", "referralReasons", "Explain the guarantee",
				"callInMinutesLink", "https://example.org/minutes"));

		// when the decision-makers confirm it
		assertThat(programme.taskVariable("ApproveSpinOut", "spinOutReferralReasons")).isEqualTo("Explain the guarantee");
		programme.decide("ApproveSpinOut", "approve", "The guarantee is capped and explained in the report");
		publishTheDecision();

		// then it cannot be called in again
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("SpinOutApproved");
		assertThat(programme.value("spinOutDecisionReconsidered")).isEqualTo(true);
	}

	// ---------------------------------------------------------------- the way through

	private void start(String parentBodyType, String nation) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-4");
		variables.put("nation", nation);
		variables.put("parentBodyType", parentBodyType);
		variables.put("serviceChanges", true);
		variables.put("publicConsultationSummary", "Users asked to keep the mobile library; the plan keeps it.");
		variables.put("equalityImpactSummary", "Older and disabled users rely most on the mobile library.");
		variables.put("equalityImpactLink", "https://example.org/eia");
		variables.put("pensionCostSummary", "Employer contributions of 18.5% of pay; the council guarantees it.");
		variables.put("employerContributionPercent", 18.5);
		variables.put("marketEngagementSummary", "A reserved contract is open to the mutual.");
		programme = JourneyInstance.start("spin-out-decision", "SO-2026-4", variables);
	}

	private void prepareThePlanAndTheCase() {
		programme.complete("PrepareBusinessPlan", "businessPlanLink", "https://example.org/plan",
				"businessPlanYears", 5L, "financialModelLink", "https://example.org/model",
				"headsOfTermsLink", "https://example.org/terms", "annualContractValue", 2_400_000L,
				"proposedContractTermYears", 5L);
		programme.complete("PrepareFullBusinessCase", "fullBusinessCaseLink", "https://example.org/fbc",
				"fullBusinessCaseSummary", "The mutual saves 4% a year and keeps every site open.",
				"decisionPapersComplete", true);
	}

	private void throughTheFullBusinessCase() {
		prepareThePlanAndTheCase();
		programme.decide("SignOffFinancialCase", "approve", null);
	}

	/** Notice on Monday 13 April 2026. */
	private void giveNotice() {
		programme.complete("PublishSpinOutDecisionNotice", "spinOutDecisionNoticeDate", london(2026, 4, 13),
				"spinOutDecisionNoticeLink", "https://example.org/notice");
	}

	private void toTheDecision() {
		throughTheFullBusinessCase();
		giveNotice();
		fire(timerEvent(programme.instance(), "SpinOutNoticePeriodEnded"));
	}

	/** Published on Tuesday 12 May 2026. */
	private void publishTheDecision() {
		programme.complete("PublishSpinOutDecision", "spinOutDecisionPublishedDate", london(2026, 5, 12),
				"spinOutDecisionLink", "https://example.org/decisions/2");
	}
}
