package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.spinout.journey.JourneyTimers.escalation;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.reminder;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

	/** Monday 2 March 2026: the key decision notice goes out that day. */
	private static final Date NOTICE_DATE = london(2026, 3, 2);

	private ProcessInstance instance;

	@BeforeEach
	void useEngine() {
		BpmnAwareTests.init(engine.getProcessEngine());
		ClockUtil.setCurrentTime(london(2026, 3, 2, 9, 0));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void approvedBusinessCaseAndSpinOutEndTheBusinessCasePhase() {
		// given
		start();

		// when
		throughInPrincipleDecision();
		throughSpinOutDecision();

		// then
		BpmnAwareTests.assertThat(instance).isEnded().hasPassedInOrder("PrepareBusinessCase", "SignOffFinancialCase",
				"ApproveBusinessCase", "PublishKeyDecisionNotice", "KeyDecisionNoticePeriodEnded",
				"TakeInPrincipleDecision", "PublishInPrincipleDecision", "ConsiderInPrincipleCallIn",
				"InPrincipleCallInWindowEnds", "PrepareBusinessPlan", "ReviewFinancialModel",
				"PublishSpinOutKeyDecisionNotice", "SpinOutKeyDecisionNoticePeriodEnded", "ApproveSpinOut",
				"PublishSpinOutDecision", "ConsiderSpinOutCallIn", "SpinOutCallInWindowEnds", "SpinOutApproved");
		assertThat(historicValue("decision")).isEqualTo("approve");
		assertThat(historicValue("preferredOption")).isEqualTo("public-service-mutual");
	}

	@Test
	void inPrincipleDecisionWaitsTwentyEightClearDaysAfterTheNotice() {
		// given
		start();
		prepareAndApproveBusinessCase();

		// when the notice is published on Monday 2 March
		complete(waitingTask("PublishKeyDecisionNotice"), withVariables("keyDecisionNoticeDate", NOTICE_DATE,
				"keyDecisionNoticeLink", "https://example.org/forward-plan/1"));

		// then the decision can be taken from midnight at the start of 31 March (2 March + 29), not before
		BpmnAwareTests.assertThat(instance).isWaitingAt("KeyDecisionNoticePeriodEnded");
		assertThat(timerEvent(instance, "KeyDecisionNoticePeriodEnded").getDuedate()).isEqualTo(london(2026, 3, 31));
		fire(timerEvent(instance, "KeyDecisionNoticePeriodEnded"));
		BpmnAwareTests.assertThat(instance).isWaitingAt("TakeInPrincipleDecision");
	}

	@Test
	void financeSendsTheFinancialCaseBackWithComments() {
		// given
		start();
		prepareBusinessCase();

		// when
		decide("SignOffFinancialCase", "sendBack", "Pension costs are missing");

		// then the shadow board sees the comments on its task
		Task task = waitingTask("PrepareBusinessCase");
		assertThat(taskService().getVariable(task.getId(), "decision")).isEqualTo("sendBack");
		assertThat(taskService().getVariable(task.getId(), "decisionReason")).isEqualTo("Pension costs are missing");
	}

	@Test
	void sponsorsSendTheBusinessCaseBack() {
		// given
		start();
		prepareBusinessCase();
		decide("SignOffFinancialCase", "approve", null);

		// when
		decide("ApproveBusinessCase", "sendBack", "The management case needs a named accountable officer");

		// then
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareBusinessCase")
				.variables().containsEntry("decisionReason", "The management case needs a named accountable officer");
	}

	@Test
	void eachReviewStartsWithAnEmptyDecision() {
		// given
		start();
		prepareBusinessCase();

		// when finance approves
		decide("SignOffFinancialCase", "approve", "Fine");

		// then the sponsors' task does not offer finance's answer as theirs
		Task task = waitingTask("ApproveBusinessCase");
		assertThat(taskService().getVariable(task.getId(), "decision")).isNull();
		assertThat(taskService().getVariable(task.getId(), "decisionReason")).isNull();
	}

	@Test
	void decisionMakersSendTheBusinessCaseBackAtG1() {
		// given
		start();
		toInPrincipleDecision();

		// when
		decide("TakeInPrincipleDecision", "sendBack", "Compare with a joint venture");

		// then
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareBusinessCase")
				.variables().containsEntry("decisionReason", "Compare with a joint venture");
	}

	@Test
	void rejectionAtG1StopsTheProgramme() {
		// given
		start();
		toInPrincipleDecision();

		// when
		decide("TakeInPrincipleDecision", "reject", "The service will stay in-house");

		// then
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("TakeInPrincipleDecisionRejected")
				.hasNotPassed("PublishInPrincipleDecision");
		assertStopped("The service will stay in-house", "Take the in-principle decision (G1)");
	}

	@Test
	void scrutinyCallsInTheInPrincipleDecisionForReconsideration() {
		// given
		start();
		toInPrincipleDecision();
		decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();

		// when
		complete(waitingTask("ConsiderInPrincipleCallIn"), withVariables("inPrincipleCalledIn", true,
				"inPrincipleCallInReason", "Staff were not consulted"));

		// then the decision-makers reconsider, with the reasons on their task
		Task task = waitingTask("TakeInPrincipleDecision");
		assertThat(taskService().getVariable(task.getId(), "inPrincipleCallInReason")).isEqualTo("Staff were not consulted");

		// and a second call-in question starts unanswered
		decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();
		assertThat(taskService().getVariable(waitingTask("ConsiderInPrincipleCallIn").getId(), "inPrincipleCalledIn")).isNull();
	}

	@Test
	void inPrincipleDecisionStandsWhenTheCallInWindowClosesWithoutScrutiny() {
		// given the decision published on Tuesday 31 March 2026
		start();
		toInPrincipleDecision();
		decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();

		// when the five working days pass (Good Friday and Easter Monday do not count)
		assertThat(timerEvent(instance, "InPrincipleCallInWindowClosed").getDuedate()).isEqualTo(london(2026, 4, 10));
		fire(timerEvent(instance, "InPrincipleCallInWindowClosed"));

		// then
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareBusinessPlan")
				.hasPassed("InPrincipleCallInWindowClosed").hasNotPassed("InPrincipleCallInWindowEnds");
	}

	@Test
	void nothingProceedsBeforeTheCallInWindowCloses() {
		// given
		start();
		toInPrincipleDecision();
		decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();

		// when scrutiny says on the first day that it will not call the decision in
		complete(waitingTask("ConsiderInPrincipleCallIn"), withVariables("inPrincipleCalledIn", false));

		// then the programme still waits for the window to close
		BpmnAwareTests.assertThat(instance).isWaitingAt("InPrincipleCallInWindowEnds");
		assertThat(timerEvent(instance, "InPrincipleCallInWindowEnds").getDuedate()).isEqualTo(london(2026, 4, 10));
		fire(timerEvent(instance, "InPrincipleCallInWindowEnds"));
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareBusinessPlan");
	}

	@Test
	void financeSendsTheFinancialModelBack() {
		// given
		start();
		throughInPrincipleDecision();
		prepareBusinessPlan();

		// when
		decide("ReviewFinancialModel", "sendBack", "Year 3 does not balance");

		// then
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareBusinessPlan")
				.variables().containsEntry("decisionReason", "Year 3 does not balance");
	}

	@Test
	void decisionMakersSendTheBusinessPlanBackAtG2() {
		// given
		start();
		throughInPrincipleDecision();
		toSpinOutDecision();

		// when
		decide("ApproveSpinOut", "sendBack", "Heads of terms lack a break clause");

		// then
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareBusinessPlan")
				.variables().containsEntry("decisionReason", "Heads of terms lack a break clause");
	}

	@Test
	void rejectionAtG2StopsTheProgramme() {
		// given
		start();
		throughInPrincipleDecision();
		toSpinOutDecision();

		// when
		decide("ApproveSpinOut", "reject", "Not affordable");

		// then
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("ApproveSpinOutRejected");
		assertStopped("Not affordable", "Approve the spin-out (G2)");
	}

	@Test
	void scrutinyCallsInTheSpinOutDecision() {
		// given
		start();
		throughInPrincipleDecision();
		toSpinOutDecision();
		decide("ApproveSpinOut", "approve", null);
		publishSpinOutDecision();

		// when
		complete(waitingTask("ConsiderSpinOutCallIn"), withVariables("spinOutCalledIn", true,
				"spinOutCallInReason", "The pension risk is unclear"));

		// then
		Task task = waitingTask("ApproveSpinOut");
		assertThat(taskService().getVariable(task.getId(), "spinOutCallInReason")).isEqualTo("The pension risk is unclear");
	}

	@Test
	void spinOutDecisionStandsWhenTheCallInWindowClosesWithoutScrutiny() {
		// given the decision published on Tuesday 12 May 2026
		start();
		throughInPrincipleDecision();
		toSpinOutDecision();
		decide("ApproveSpinOut", "approve", null);
		publishSpinOutDecision();

		// when
		assertThat(timerEvent(instance, "SpinOutCallInWindowClosed").getDuedate()).isEqualTo(london(2026, 5, 20));
		fire(timerEvent(instance, "SpinOutCallInWindowClosed"));

		// then
		BpmnAwareTests.assertThat(instance).isEnded().hasPassed("SpinOutCallInWindowClosed", "SpinOutApproved");
	}

	@Test
	void overdueTaskIsRemindedThenEscalatedWithoutLeavingIt() {
		// given the business case is due in 40 working days
		start();
		Task task = waitingTask("PrepareBusinessCase");

		// when
		fire(reminder(instance, "PrepareBusinessCase"));
		fire(escalation(instance, "PrepareBusinessCase"));

		// then
		assertThat(taskService().getVariableLocal(task.getId(), TaskReminder.REMINDED_AT)).isNotNull();
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT)).isEqualTo(task.getDueDate());
		assertThat(taskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
				.containsExactlyInAnyOrder("shadow-board", "programme-managers");
		BpmnAwareTests.assertThat(instance).isWaitingAt("PrepareBusinessCase");
	}

	@Test
	void scrutinyIsRemindedBeforeTheCallInWindowCloses() {
		// given
		start();
		toInPrincipleDecision();
		decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();

		// when two working days before the window closes on 10 April
		assertThat(reminder(instance, "ConsiderInPrincipleCallIn").getDuedate()).isEqualTo(london(2026, 4, 8));
		fire(reminder(instance, "ConsiderInPrincipleCallIn"));

		// then
		Task task = waitingTask("ConsiderInPrincipleCallIn");
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
		instance = runtimeService().startProcessInstanceByKey("business-case", "SO-2026-1", variables);
	}

	private void prepareBusinessCase() {
		complete(waitingTask("PrepareBusinessCase"), withVariables("businessCaseStage", "full",
				"preferredOption", "public-service-mutual", "optionsAppraisalSummary", "A mutual keeps the service local.",
				"businessCaseLink", "https://example.org/business-case", "serviceChanges", true));
	}

	private void prepareAndApproveBusinessCase() {
		prepareBusinessCase();
		decide("SignOffFinancialCase", "approve", null);
		decide("ApproveBusinessCase", "approve", null);
	}

	private void toInPrincipleDecision() {
		prepareAndApproveBusinessCase();
		complete(waitingTask("PublishKeyDecisionNotice"), withVariables("keyDecisionNoticeDate", NOTICE_DATE,
				"keyDecisionNoticeLink", "https://example.org/forward-plan/1"));
		fire(timerEvent(instance, "KeyDecisionNoticePeriodEnded"));
	}

	/** Published on the day of the decision, Tuesday 31 March 2026. */
	private void publishInPrincipleDecision() {
		complete(waitingTask("PublishInPrincipleDecision"), withVariables(
				"inPrincipleDecisionPublishedDate", london(2026, 3, 31),
				"inPrincipleDecisionNoticeLink", "https://example.org/decisions/1"));
	}

	private void throughInPrincipleDecision() {
		toInPrincipleDecision();
		decide("TakeInPrincipleDecision", "approve", null);
		publishInPrincipleDecision();
		complete(waitingTask("ConsiderInPrincipleCallIn"), withVariables("inPrincipleCalledIn", false));
		fire(timerEvent(instance, "InPrincipleCallInWindowEnds"));
	}

	private void prepareBusinessPlan() {
		complete(waitingTask("PrepareBusinessPlan"), withVariables("businessPlanLink", "https://example.org/plan",
				"businessPlanYears", 5L, "financialModelLink", "https://example.org/model",
				"headsOfTermsLink", "https://example.org/terms", "annualContractValue", 2_400_000L,
				"proposedContractTermYears", 5L));
	}

	/** The second notice goes out on Monday 13 April 2026, so the decision is due from 12 May. */
	private void toSpinOutDecision() {
		prepareBusinessPlan();
		decide("ReviewFinancialModel", "approve", null);
		complete(waitingTask("PublishSpinOutKeyDecisionNotice"), withVariables(
				"spinOutKeyDecisionNoticeDate", london(2026, 4, 13),
				"spinOutKeyDecisionNoticeLink", "https://example.org/forward-plan/2"));
		assertThat(timerEvent(instance, "SpinOutKeyDecisionNoticePeriodEnded").getDuedate()).isEqualTo(london(2026, 5, 12));
		fire(timerEvent(instance, "SpinOutKeyDecisionNoticePeriodEnded"));
	}

	private void publishSpinOutDecision() {
		complete(waitingTask("PublishSpinOutDecision"), withVariables(
				"spinOutDecisionPublishedDate", london(2026, 5, 12),
				"spinOutDecisionNoticeLink", "https://example.org/decisions/2"));
	}

	private void throughSpinOutDecision() {
		toSpinOutDecision();
		decide("ApproveSpinOut", "approve", null);
		publishSpinOutDecision();
		complete(waitingTask("ConsiderSpinOutCallIn"), withVariables("spinOutCalledIn", false));
		fire(timerEvent(instance, "SpinOutCallInWindowEnds"));
	}

	private void decide(String taskId, String decision, String reason) {
		complete(waitingTask(taskId), withVariables("decision", decision, "decisionReason", reason));
	}

	private Task waitingTask(String taskId) {
		BpmnAwareTests.assertThat(instance).isWaitingAt(taskId);
		return task(taskId, instance);
	}

	private void assertStopped(String reason, String gate) {
		assertThat(historicValue(RecordProgrammeStop.STATUS)).isEqualTo(RecordProgrammeStop.STOPPED);
		assertThat(historicValue(RecordProgrammeStop.STOP_REASON)).isEqualTo(reason);
		assertThat(historicValue(RecordProgrammeStop.STOPPED_AT)).isEqualTo(gate);
	}

	private Object historicValue(String name) {
		HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId()).activityInstanceIdIn(instance.getId()).variableName(name)
				.singleResult();
		return variable == null ? null : variable.getValue();
	}
}
