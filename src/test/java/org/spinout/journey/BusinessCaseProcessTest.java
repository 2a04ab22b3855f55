package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.escalation;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.reminder;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 1: the business case, the in-principle decision (G1) and the spin-out decision (G2). */
@Deployment(resources = {"processes/business-case.bpmn",
		"forms/prepare-business-case.form", "forms/sign-off-financial-case.form", "forms/approve-business-case.form",
		"forms/publish-key-decision-notice.form", "forms/take-in-principle-decision.form",
		"forms/publish-in-principle-decision.form", "forms/consider-in-principle-call-in.form",
		"forms/prepare-business-plan.form", "forms/review-financial-model.form",
		"forms/publish-spin-out-key-decision-notice.form", "forms/approve-spin-out.form",
		"forms/publish-spin-out-decision.form", "forms/consider-spin-out-call-in.form"})
class BusinessCaseProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	@RegisterExtension
	final JourneyClock clock = JourneyClock.at(engine, london(2026, 3, 2, 9, 0));

	/** Monday 2 March 2026: the key decision notice goes out that day. */
	private static final Date NOTICE_DATE = london(2026, 3, 2);

	private JourneyInstance programme;

	@Test
	void approvedBusinessCaseAndSpinOutEndTheBusinessCasePhase() {
		// given
		start();

		// when
		throughInPrincipleDecision();
		throughSpinOutDecision();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassedInOrder("PrepareBusinessCase", "SignOffFinancialCase",
				"ApproveBusinessCase", "PublishKeyDecisionNotice", "KeyDecisionNoticePeriodEnded",
				"TakeInPrincipleDecision", "PublishInPrincipleDecision", "ConsiderInPrincipleCallIn",
				"InPrincipleCallInWindowEnds", "PrepareBusinessPlan", "ReviewFinancialModel",
				"PublishSpinOutKeyDecisionNotice", "SpinOutKeyDecisionNoticePeriodEnded", "ApproveSpinOut",
				"PublishSpinOutDecision", "ConsiderSpinOutCallIn", "SpinOutCallInWindowEnds", "SpinOutApproved");
		assertThat(programme.value("decision")).isEqualTo("approve");
		assertThat(programme.value("preferredOption")).isEqualTo("public-service-mutual");
	}

	@Test
	void inPrincipleDecisionWaitsTwentyEightClearDaysAfterTheNotice() {
		// given
		start();
		prepareAndApproveBusinessCase();

		// when the notice is published on Monday 2 March
		programme.complete("PublishKeyDecisionNotice", "keyDecisionNoticeDate", NOTICE_DATE,
				"keyDecisionNoticeLink", "https://example.org/forward-plan/1");

		// then the decision can be taken from midnight at the start of 31 March (2 March + 29), not before
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("KeyDecisionNoticePeriodEnded");
		assertThat(timerEvent(programme.instance(), "KeyDecisionNoticePeriodEnded").getDuedate()).isEqualTo(london(2026, 3, 31));
		fire(timerEvent(programme.instance(), "KeyDecisionNoticePeriodEnded"));
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("TakeInPrincipleDecision");
	}

	@Test
	void financeSendsTheFinancialCaseBackWithComments() {
		// given
		start();
		prepareBusinessCase();

		// when
		programme.decide("SignOffFinancialCase", "sendBack", "Pension costs are missing");

		// then the shadow board sees the comments on its task
		Task task = programme.waitingTask("PrepareBusinessCase");
		assertThat(taskService().getVariable(task.getId(), "decision")).isEqualTo("sendBack");
		assertThat(taskService().getVariable(task.getId(), "decisionReason")).isEqualTo("Pension costs are missing");
	}

	@Test
	void sponsorsSendTheBusinessCaseBack() {
		// given
		start();
		prepareBusinessCase();
		programme.decide("SignOffFinancialCase", "approve", null);

		// when
		programme.decide("ApproveBusinessCase", "sendBack", "The management case needs a named accountable officer");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessCase")
				.variables().containsEntry("decisionReason", "The management case needs a named accountable officer");
	}

	@Test
	void eachReviewStartsWithAnEmptyDecision() {
		// given
		start();
		prepareBusinessCase();

		// when finance approves
		programme.decide("SignOffFinancialCase", "approve", "Fine");

		// then the sponsors' task does not offer finance's answer as theirs
		Task task = programme.waitingTask("ApproveBusinessCase");
		assertThat(taskService().getVariable(task.getId(), "decision")).isNull();
		assertThat(taskService().getVariable(task.getId(), "decisionReason")).isNull();
	}

	@Test
	void decisionMakersSendTheBusinessCaseBackAtG1() {
		// given
		start();
		toInPrincipleDecision();

		// when
		programme.decide("TakeInPrincipleDecision", "sendBack", "Compare with a joint venture");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessCase")
				.variables().containsEntry("decisionReason", "Compare with a joint venture");
	}

	@Test
	void rejectionAtG1StopsTheProgramme() {
		// given
		start();
		toInPrincipleDecision();

		// when
		programme.decide("TakeInPrincipleDecision", "reject", "The service will stay in-house");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("TakeInPrincipleDecisionRejected")
				.hasNotPassed("PublishInPrincipleDecision");
		programme.assertStopped("The service will stay in-house", "Take the in-principle decision (G1)");
	}

	@Test
	void scrutinyCallsInTheInPrincipleDecisionForReconsideration() {
		// given
		start();
		toInPrincipleDecision();
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();

		// when
		programme.complete("ConsiderInPrincipleCallIn", "inPrincipleCalledIn", true,
				"inPrincipleCallInReason", "Staff were not consulted");

		// then the decision-makers reconsider, with the reasons on their task
		Task task = programme.waitingTask("TakeInPrincipleDecision");
		assertThat(taskService().getVariable(task.getId(), "inPrincipleCallInReason")).isEqualTo("Staff were not consulted");

		// and a second call-in question starts unanswered
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();
		assertThat(programme.taskVariable("ConsiderInPrincipleCallIn", "inPrincipleCalledIn")).isNull();
	}

	@Test
	void inPrincipleDecisionStandsWhenTheCallInWindowClosesWithoutScrutiny() {
		// given the decision published on Tuesday 31 March 2026
		start();
		toInPrincipleDecision();
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();

		// when the five working days pass (Good Friday and Easter Monday do not count)
		assertThat(timerEvent(programme.instance(), "InPrincipleCallInWindowClosed").getDuedate()).isEqualTo(london(2026, 4, 10));
		fire(timerEvent(programme.instance(), "InPrincipleCallInWindowClosed"));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessPlan")
				.hasPassed("InPrincipleCallInWindowClosed").hasNotPassed("InPrincipleCallInWindowEnds");
	}

	@Test
	void nothingProceedsBeforeTheCallInWindowCloses() {
		// given
		start();
		toInPrincipleDecision();
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();

		// when scrutiny says on the first day that it will not call the decision in
		programme.complete("ConsiderInPrincipleCallIn", "inPrincipleCalledIn", false);

		// then the programme still waits for the window to close
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("InPrincipleCallInWindowEnds");
		assertThat(timerEvent(programme.instance(), "InPrincipleCallInWindowEnds").getDuedate()).isEqualTo(london(2026, 4, 10));
		fire(timerEvent(programme.instance(), "InPrincipleCallInWindowEnds"));
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessPlan");
	}

	@Test
	void financeSendsTheFinancialModelBack() {
		// given
		start();
		throughInPrincipleDecision();
		prepareBusinessPlan();

		// when
		programme.decide("ReviewFinancialModel", "sendBack", "Year 3 does not balance");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessPlan")
				.variables().containsEntry("decisionReason", "Year 3 does not balance");
	}

	@Test
	void decisionMakersSendTheBusinessPlanBackAtG2() {
		// given
		start();
		throughInPrincipleDecision();
		toSpinOutDecision();

		// when
		programme.decide("ApproveSpinOut", "sendBack", "Heads of terms lack a break clause");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessPlan")
				.variables().containsEntry("decisionReason", "Heads of terms lack a break clause");
	}

	@Test
	void rejectionAtG2StopsTheProgramme() {
		// given
		start();
		throughInPrincipleDecision();
		toSpinOutDecision();

		// when
		programme.decide("ApproveSpinOut", "reject", "Not affordable");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("ApproveSpinOutRejected");
		programme.assertStopped("Not affordable", "Approve the spin-out (G2)");
	}

	@Test
	void scrutinyCallsInTheSpinOutDecision() {
		// given
		start();
		throughInPrincipleDecision();
		toSpinOutDecision();
		programme.decide("ApproveSpinOut", "approve", null);
		publishSpinOutDecision();

		// when
		programme.complete("ConsiderSpinOutCallIn", "spinOutCalledIn", true,
				"spinOutCallInReason", "The pension risk is unclear");

		// then
		Task task = programme.waitingTask("ApproveSpinOut");
		assertThat(taskService().getVariable(task.getId(), "spinOutCallInReason")).isEqualTo("The pension risk is unclear");
	}

	@Test
	void spinOutDecisionStandsWhenTheCallInWindowClosesWithoutScrutiny() {
		// given the decision published on Tuesday 12 May 2026
		start();
		throughInPrincipleDecision();
		toSpinOutDecision();
		programme.decide("ApproveSpinOut", "approve", null);
		publishSpinOutDecision();

		// when
		assertThat(timerEvent(programme.instance(), "SpinOutCallInWindowClosed").getDuedate()).isEqualTo(london(2026, 5, 20));
		fire(timerEvent(programme.instance(), "SpinOutCallInWindowClosed"));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("SpinOutCallInWindowClosed", "SpinOutApproved");
	}

	@Test
	void overdueTaskIsRemindedThenEscalatedWithoutLeavingIt() {
		// given the business case is due in 40 working days
		start();
		Task task = programme.waitingTask("PrepareBusinessCase");

		// when
		fire(reminder(programme.instance(), "PrepareBusinessCase"));
		fire(escalation(programme.instance(), "PrepareBusinessCase"));

		// then
		assertThat(taskService().getVariableLocal(task.getId(), TaskReminder.REMINDED_AT)).isNotNull();
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT)).isEqualTo(task.getDueDate());
		assertThat(taskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
				.containsExactlyInAnyOrder("shadow-board", "programme-managers");
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessCase");
	}

	@Test
	void scrutinyIsRemindedBeforeTheCallInWindowCloses() {
		// given
		start();
		toInPrincipleDecision();
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();

		// when two working days before the window closes on 10 April
		assertThat(reminder(programme.instance(), "ConsiderInPrincipleCallIn").getDuedate()).isEqualTo(london(2026, 4, 8));
		fire(reminder(programme.instance(), "ConsiderInPrincipleCallIn"));

		// then
		Task task = programme.waitingTask("ConsiderInPrincipleCallIn");
		assertThat(task.getDueDate()).isEqualTo(london(2026, 4, 10));
		assertThat(taskService().getVariableLocal(task.getId(), TaskReminder.REMINDED_AT)).isEqualTo(london(2026, 4, 8));
	}

	@Test
	void everyUserTaskCarriesTheReminderAndEscalation() {
		JourneyTimers.assertEveryUserTaskRemindsAndEscalates("business-case", 13);
	}

	// ---------------------------------------------------------------- the way through

	private void start() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-1");
		variables.put("programmeName", "Riverside Libraries");
		variables.put("parentBodyType", "council");
		variables.put("nation", "england-wales");
		programme = JourneyInstance.start("business-case", "SO-2026-1", variables);
	}

	private void prepareBusinessCase() {
		programme.complete("PrepareBusinessCase", "businessCaseStage", "full",
				"preferredOption", "public-service-mutual", "optionsAppraisalSummary", "A mutual keeps the service local.",
				"businessCaseLink", "https://example.org/business-case", "serviceChanges", true);
	}

	private void prepareAndApproveBusinessCase() {
		prepareBusinessCase();
		programme.decide("SignOffFinancialCase", "approve", null);
		programme.decide("ApproveBusinessCase", "approve", null);
	}

	private void toInPrincipleDecision() {
		prepareAndApproveBusinessCase();
		programme.complete("PublishKeyDecisionNotice", "keyDecisionNoticeDate", NOTICE_DATE,
				"keyDecisionNoticeLink", "https://example.org/forward-plan/1");
		fire(timerEvent(programme.instance(), "KeyDecisionNoticePeriodEnded"));
	}

	/** Published on the day of the decision, Tuesday 31 March 2026. */
	private void publishInPrincipleDecision() {
		programme.complete("PublishInPrincipleDecision", 
				"inPrincipleDecisionPublishedDate", london(2026, 3, 31),
				"inPrincipleDecisionNoticeLink", "https://example.org/decisions/1");
	}

	private void throughInPrincipleDecision() {
		toInPrincipleDecision();
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();
		programme.complete("ConsiderInPrincipleCallIn", "inPrincipleCalledIn", false);
		fire(timerEvent(programme.instance(), "InPrincipleCallInWindowEnds"));
	}

	private void prepareBusinessPlan() {
		programme.complete("PrepareBusinessPlan", "businessPlanLink", "https://example.org/plan",
				"businessPlanYears", 5L, "financialModelLink", "https://example.org/model",
				"headsOfTermsLink", "https://example.org/terms", "annualContractValue", 2_400_000L,
				"proposedContractTermYears", 5L);
	}

	/** The second notice goes out on Monday 13 April 2026, so the decision is due from 12 May. */
	private void toSpinOutDecision() {
		prepareBusinessPlan();
		programme.decide("ReviewFinancialModel", "approve", null);
		programme.complete("PublishSpinOutKeyDecisionNotice", 
				"spinOutKeyDecisionNoticeDate", london(2026, 4, 13),
				"spinOutKeyDecisionNoticeLink", "https://example.org/forward-plan/2");
		assertThat(timerEvent(programme.instance(), "SpinOutKeyDecisionNoticePeriodEnded").getDuedate()).isEqualTo(london(2026, 5, 12));
		fire(timerEvent(programme.instance(), "SpinOutKeyDecisionNoticePeriodEnded"));
	}

	private void publishSpinOutDecision() {
		programme.complete("PublishSpinOutDecision", 
				"spinOutDecisionPublishedDate", london(2026, 5, 12),
				"spinOutDecisionNoticeLink", "https://example.org/decisions/2");
	}

	private void throughSpinOutDecision() {
		toSpinOutDecision();
		programme.decide("ApproveSpinOut", "approve", null);
		publishSpinOutDecision();
		programme.complete("ConsiderSpinOutCallIn", "spinOutCalledIn", false);
		fire(timerEvent(programme.instance(), "SpinOutCallInWindowEnds"));
	}
}
