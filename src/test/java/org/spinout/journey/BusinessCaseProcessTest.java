package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.contract.Variables;
import org.spinout.engine.EngineClockExtension;

/**
 * Phase 1: the staff's proposal, the parent body's appraisal, the sponsors' approval and the
 * in-principle decision (G1) on each governance route, with its notice, call-in and a stop in order.
 * The call-in's own paths are tested in {@link CallInProcessTest}.
 */
@ClassDeployment(resources = {"processes/business-case.bpmn", "processes/governance-route.dmn", "processes/call-in.bpmn",
		"processes/stop-in-order.bpmn", "forms/submit-expression-of-interest.form", "forms/prepare-business-case.form",
		"forms/approve-business-case.form", "forms/publish-in-principle-decision-notice.form",
		"forms/take-in-principle-decision.form", "forms/publish-in-principle-decision.form",
		"forms/consider-call-in.form", "forms/hold-call-in-meeting.form", "forms/record-full-council-resolution.form",
		"forms/tell-staff-the-programme-stopped.form", "forms/withdraw-published-notices.form"})
class BusinessCaseProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverageExcluding("call-in");

	/** Monday 2 March 2026: the notice goes out that day. */
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 0));

	private static final Date NOTICE_DATE = london(2026, 3, 2);

	private JourneyInstance programme;

	/**
	 * Each route: the parent body and nation (and a council's governance), the route chosen, the day the
	 * decision may be taken after notice on Monday 2 March 2026, and whether it can be called in.
	 */
	static Stream<Arguments> routes() {
		return Stream.of(
				Arguments.of("English council, executive", "council", "england-wales", "executive", "english-executive",
						london(2026, 3, 31), true),
				Arguments.of("English council, committee system", "council", "england-wales", "committee",
						"english-committee", london(2026, 3, 8), false),
				Arguments.of("Welsh council", "council", "england-wales", "welsh-executive", "welsh-council",
						london(2026, 3, 8), true),
				Arguments.of("Scottish council", "council", "scotland", null, "scottish-council", london(2026, 3, 6),
						false),
				Arguments.of("Northern Irish council", "council", "northern-ireland", null, "ni-council",
						london(2026, 3, 6), true),
				Arguments.of("NHS trust", "nhs-trust", "england-wales", null, "nhs-trust", london(2026, 3, 6), false),
				Arguments.of("integrated care board", "icb", "england-wales", null, "icb", london(2026, 3, 6), false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void theInPrincipleDecisionTakesTheRouteOfItsParentBodyAndNation(String situation, String parentBodyType,
			String nation, String councilGovernance, String route, Date earliestDecision, boolean callIn) {
		// given
		start(parentBodyType, nation, councilGovernance);
		prepareAndApproveTheCase();

		// when the notice is published on Monday 2 March
		programme.complete("PublishInPrincipleDecisionNotice", "inPrincipleDecisionNoticeDate", NOTICE_DATE,
				"inPrincipleDecisionNoticeLink", "https://example.org/notice");

		// then the decision waits for the route's notice period
		assertThat(programme.value("governanceRoute")).isEqualTo(route);
		assertThat(timerEvent(programme.instance(), "InPrincipleNoticePeriodEnded").getDuedate()).isEqualTo(earliestDecision);
		fire(timerEvent(programme.instance(), "InPrincipleNoticePeriodEnded"));
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishTheDecision();

		// and a decision that can be called in waits for the window; the others are made at once
		if (callIn) {
			BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("InPrincipleCallIn");
			letTheCallInWindowClose();
		}
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("InPrincipleDecisionTaken");
		assertThat(programme.value("inPrincipleCallInOutcome")).isEqualTo(callIn ? "stands" : null);
	}

	@Test
	void theParentBodyAppraisesTheOptionsAfterTheStaffPutTheirProposal() {
		// given
		start("council", "england-wales", "executive");

		// when
		submitTheProposal();

		// then
		Task appraisal = programme.waitingTask("PrepareBusinessCase");
		assertThat(JourneyTasks.groups(appraisal)).containsExactly("programme-managers");
		BpmnAwareTests.assertThat(programme.instance()).hasPassedInOrder("SubmitExpressionOfInterest",
				"ChooseGovernanceRoute");
	}

	@Test
	void theShadowBoardDoesNotAppraiseItsOwnBid() {
		// given a member of the shadow board who is also in the programme office put the proposal forward
		start("council", "england-wales", "executive");
		as("sam", () -> submitTheProposal());

		// when sam takes the appraisal of it
		Task appraisal = programme.waitingTask("PrepareBusinessCase");

		// then
		assertThatThrownBy(() -> as("sam", () -> taskService().claim(appraisal.getId(), "sam")))
				.isInstanceOf(AuthorizationException.class)
				.hasMessageContaining("sam prepared the paper that 'Appraise the options and prepare the outline business case' approves");
	}

	@Test
	void theSponsorsSendTheCaseBackButCannotStopTheProgramme() {
		// given
		start("council", "england-wales", "executive");
		submitTheProposal();
		prepareTheCase();

		// when the sponsors try to reject it
		String approval = programme.waitingTask("ApproveBusinessCase").getId();
		assertThatThrownBy(() -> taskService().complete(approval, Map.of("decision", "reject", "decisionReason", "No")))
				.isInstanceOf(AuthorizationException.class);

		// then they can send it back, with their comments on the appraisal
		programme.decide("ApproveBusinessCase", "sendBack", "Add the joint venture option");
		assertThat(programme.taskVariable("PrepareBusinessCase", "decisionReason")).isEqualTo("Add the joint venture option");
	}

	@Test
	void theDecisionMakersSendTheCaseBack() {
		// given
		toInPrincipleDecision();

		// when
		programme.decide("TakeInPrincipleDecision", "sendBack", "Compare with a joint venture");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PrepareBusinessCase")
				.variables().containsEntry("decisionReason", "Compare with a joint venture");
	}

	@Test
	void aRejectionStopsTheProgrammeInOrder() {
		// given
		toInPrincipleDecision();

		// when the decision-makers reject the proposal
		programme.decide("TakeInPrincipleDecision", "reject", "The service will stay in-house");

		// then the staff are told and the notices withdrawn before the stop is recorded
		ProcessInstance stopping = calledProcessInstance("stop-in-order", programme.instance());
		BpmnAwareTests.assertThat(stopping).isWaitingAt("TellStaffTheProgrammeStopped", "WithdrawPublishedNotices");
		assertThat(programme.value(Variables.PROGRAMME_STATUS)).isNull();
		assertThat(JourneyTasks.groups(BpmnAwareTests.task("TellStaffTheProgrammeStopped", stopping))).containsExactly("hr");
		programme.carryOutTheStop();
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassedInOrder("StopAfterInPrincipleDecision",
				"InPrincipleDecisionRejected").hasNotPassed("PublishInPrincipleDecision");
		programme.assertStopped("The service will stay in-house", "Take the in-principle decision (G1)");
	}

	@Test
	void aCalledInDecisionIsReconsideredOnceWithTheReasonsAndThenStands() {
		// given the decision published on Tuesday 31 March
		toInPrincipleDecision();
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishTheDecision();

		// when it is called in, and scrutiny meets and refers it back
		callInAndReferBack("Staff were not consulted on the options", "Consult the staff before the decision");

		// then the decision-makers reconsider, with the reasons in front of them
		Task reconsideration = programme.waitingTask("TakeInPrincipleDecision");
		assertThat(taskService().getVariable(reconsideration.getId(), "inPrincipleDecisionReconsidered")).isEqualTo(true);
		assertThat(taskService().getVariable(reconsideration.getId(), "inPrincipleCallInReasons"))
				.isEqualTo("Staff were not consulted on the options");
		assertThat(taskService().getVariable(reconsideration.getId(), "inPrincipleReferralReasons"))
				.isEqualTo("Consult the staff before the decision");

		// and their decision is final: published, it cannot be called in again
		programme.decide("TakeInPrincipleDecision", "approve", "Staff engagement comes first in phase 2");
		publishTheDecision();
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("InPrincipleDecisionTaken");
		assertThat(historicCallIns()).hasSize(1);
	}

	@Test
	void aReconsideredDecisionCanStillStopTheProgramme() {
		// given a decision referred back after call-in
		toInPrincipleDecision();
		programme.decide("TakeInPrincipleDecision", "approve", null);
		publishTheDecision();
		callInAndReferBack("The savings are not shown", "Show the savings");

		// when
		programme.decide("TakeInPrincipleDecision", "reject", "There are no savings");

		// then
		programme.carryOutTheStop();
		programme.assertStopped("There are no savings", "Take the in-principle decision (G1)");
	}

	// ---------------------------------------------------------------- the way through

	private void start(String parentBodyType, String nation, String councilGovernance) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-1");
		variables.put("programmeName", "Riverside Libraries");
		variables.put("parentBodyType", parentBodyType);
		variables.put("nation", nation);
		variables.put("councilGovernance", councilGovernance);
		programme = JourneyInstance.start("business-case", "SO-2026-1", variables);
	}

	private void submitTheProposal() {
		programme.complete("SubmitExpressionOfInterest", "interestRoute", "staff-expression-of-interest",
				"staffSupport", "most-staff",
				"expressionOfInterestSummary", "The library staff want to run the service as a mutual.",
				"expressionOfInterestLink", "https://example.org/proposal");
	}

	private void prepareTheCase() {
		programme.complete("PrepareBusinessCase", "preferredOption", "public-service-mutual",
				"optionsAppraisalSummary", "A mutual keeps the service local.",
				"businessCaseLink", "https://example.org/business-case", "serviceChanges", true);
	}

	private void prepareAndApproveTheCase() {
		submitTheProposal();
		prepareTheCase();
		programme.decide("ApproveBusinessCase", "approve", null);
	}

	private void toInPrincipleDecision() {
		start("council", "england-wales", "executive");
		prepareAndApproveTheCase();
		programme.complete("PublishInPrincipleDecisionNotice", "inPrincipleDecisionNoticeDate", NOTICE_DATE,
				"inPrincipleDecisionNoticeLink", "https://example.org/forward-plan/1");
		fire(timerEvent(programme.instance(), "InPrincipleNoticePeriodEnded"));
	}

	/** Published on Tuesday 31 March 2026. */
	private void publishTheDecision() {
		programme.complete("PublishInPrincipleDecision", "inPrincipleDecisionPublishedDate", london(2026, 3, 31),
				"inPrincipleDecisionLink", "https://example.org/decisions/1");
	}

	private void letTheCallInWindowClose() {
		ProcessInstance callIn = calledProcessInstance("call-in", programme.instance());
		fire(timerEvent(callIn, "CallInWindowClosed"));
	}

	/** Called in on Wednesday 1 April; the committee meets on 9 April and refers it back. */
	private void callInAndReferBack(String callInReasons, String referralReasons) {
		ProcessInstance callIn = calledProcessInstance("call-in", programme.instance());
		complete(callIn, "ConsiderCallIn", Map.of("calledIn", true, "callInDate", london(2026, 4, 1),
				"callInReasons", callInReasons));
		complete(callIn, "HoldCallInMeeting", Map.of("callInMeetingDate", london(2026, 4, 9),
				"callInMeetingOutcome", "refer-back", "referralReasons", referralReasons,
				"callInMinutesLink", "https://example.org/minutes"));
	}

	private static void complete(ProcessInstance instance, String taskKey, Map<String, Object> answers) {
		BpmnAwareTests.complete(BpmnAwareTests.task(taskKey, instance), answers);
	}

	private List<?> historicCallIns() {
		return BpmnAwareTests.historyService().createHistoricProcessInstanceQuery()
				.superProcessInstanceId(programme.instance().getId()).processDefinitionKey("call-in").list();
	}

	private static void as(String user, Runnable action) {
		identityService().setAuthentication(user, List.of("shadow-board", "programme-managers"));
		try {
			action.run();
		}
		finally {
			identityService().clearAuthentication();
		}
	}
}
