package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.spinout.journey.JourneyTasks.groups;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.contract.Messages;
import org.spinout.contract.Variables;
import org.spinout.engine.EngineClockExtension;

/**
 * Phase 4, contract and procurement: the regime by date, nation, commissioner and value (gate G6), the
 * award route (gate G7), each route's own steps (a reserved contract is a competition, with its notices
 * and evaluation), the standstills (none for PSR direct awards A and B, voluntary for the Act's
 * light-touch contracts), a challenge during the standstill, a failed procurement for the
 * decision-makers, and the contract signed only once the new organisation exists.
 */
@ClassDeployment(resources = {"processes/contract-procurement.bpmn", "processes/procurement-regime.dmn",
		"processes/award-route-limits.dmn", "forms/write-service-specification.form",
		"forms/confirm-procurement-regime.form", "forms/choose-award-route.form", "forms/approve-award-route.form",
		"forms/negotiate-contract-terms.form", "forms/assess-conflicts.form", "forms/publish-tender-notice.form",
		"forms/publish-contract-notice.form", "forms/evaluate-tenders.form", "forms/send-assessment-summaries.form",
		"forms/publish-transparency-notice.form", "forms/publish-award-notice.form", "forms/publish-veat-notice.form",
		"forms/publish-intention-notice.form", "forms/consider-representations.form",
		"forms/record-standstill-challenge.form", "forms/respond-to-challenge.form",
		"forms/decide-on-failed-procurement.form", "forms/sign-contract.form",
		"forms/publish-contract-details-notice.form", "processes/stop-in-order.bpmn",
		"forms/tell-staff-the-programme-stopped.form", "forms/withdraw-published-notices.form"})
class ContractProcurementProcessTest {

	/** Procurements started on or after the Procurement Act 2023 came into force, and before it. */
	private static final LocalDate UNDER_THE_ACT = LocalDate.of(2026, 1, 5);
	private static final LocalDate UNDER_THE_REGULATIONS = LocalDate.of(2024, 11, 4);
	private static final double FIVE_MILLION = 5_000_000.0;

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 February 2026, mid-morning
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 2, 2, 9, 30));

	private JourneyInstance programme;

	@Test
	void reservedContractUnderTheActIsACompetitionAmongQualifyingMutuals() {
		// given a council's library service, light-touch, worth 5 million pounds
		start("council", "england-wales");
		specify(false, UNDER_THE_ACT, "light-touch", FIVE_MILLION);
		assertThat(programme.value("procurementRegime")).isEqualTo("PA2023");
		assertThat(programme.value("fullRegimeApplies")).isEqualTo(true);
		programme.decide("ConfirmProcurementRegime", "approve", null);

		// when a contract reserved for public service mutuals is approved
		routeApproved("pa-reserved", 5L);

		// then the conflicts are assessed before the tender notice of a competition
		assertAt("AssessConflicts", "NegotiateContractTerms");
		assessConflictsAndPublishTender();
		programme.complete("EvaluateTenders", "tendersReceived", 3L, "evaluationOutcome", "new-body-won",
				"evaluationSummary", "The new organisation scored highest on quality.");
		assertAt("SendAssessmentSummaries");
		assertThat(activityOrder()).containsSubsequence("AssessConflicts", "PublishTenderNotice", "EvaluateTenders",
				"SendAssessmentSummaries");

		// when the summaries go out and the award notice is published without the voluntary standstill
		programme.complete("SendAssessmentSummaries", "assessmentSummariesSentDate", london(2026, 3, 4),
				"assessmentSummariesCount", 3L);
		publishAwardNotice(london(2026, 3, 5), false);
		negotiate();
		programme.runJobs();

		// then no standstill runs, and the contract waits for the new organisation
		assertAt("Gateway_AwaitNewBody");
		BpmnAwareTests.assertThat(programme.instance()).hasNotPassed("Timer_StandstillEnded", "RecordStandstillChallenge");

		// when legal formation announces the new organisation
		announceNewBody();

		// then the contract is signed with it, for 5 years at most, and its details published within 120 days
		assertThat(programme.taskVariable("SignContract", "registeredName")).isEqualTo("Explore Libraries");
		sign(london(2026, 4, 1), london(2026, 10, 1));
		assertThat(programme.value("reservedContractEnd")).isEqualTo(london(2031, 10, 1));
		assertThat(programme.waitingTask("PublishContractDetailsNotice").getDueDate()).isEqualTo(london(2026, 7, 31));
		programme.complete("PublishContractDetailsNotice", "contractDetailsNoticeDate", london(2026, 4, 20),
				"contractDetailsNoticeReference", "2026/S 000-012345");
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("EndEvent_ContractSigned");
	}

	@Test
	void observedVoluntaryStandstillUnderTheActLastsEightWorkingDays() {
		// given
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION);
		routeApproved("pa-reserved", 5L);
		assessConflictsAndPublishTender();
		winCompetition();
		programme.complete("SendAssessmentSummaries", "assessmentSummariesSentDate", london(2026, 3, 4),
				"assessmentSummariesCount", 3L);

		// when the notice goes out on Thursday 5 March with a standstill observed
		publishAwardNotice(london(2026, 3, 5), true);

		// then the contract waits to the end of Tuesday 17 March
		assertThat(timerEvent(programme.instance(), "Timer_StandstillEnded").getDuedate()).isEqualTo(london(2026, 3, 18));
	}

	@Test
	void reservedContractUnderTheRegulationsWaitsUntilMidnightAtTheEndOfDayTen() {
		// given the new organisation registered before the contract was ready
		start("council", "england-wales", Variables.NEW_BODY_REGISTERED, true);
		regimeConfirmed(UNDER_THE_REGULATIONS, "light-touch", FIVE_MILLION);
		assertThat(programme.value("procurementRegime")).isEqualTo("PCR2015");
		routeApproved("pcr-reserved", 3L);
		publishContractNotice();
		winCompetition();

		// when the award decision notices go out
		publishAwardNotice(london(2026, 3, 5), false);

		// then 10 calendar days: midnight at the end of Sunday 15 March, and no claim was issued
		assertThat(timerEvent(programme.instance(), "Timer_StandstillEnded").getDuedate()).isEqualTo(london(2026, 3, 16));
		endStandstill();
		assertThat(groups(programme.waitingTask("RecordStandstillChallenge"))).containsExactly("procurement");
		noClaim();
		negotiate();
		programme.runJobs();

		// then it is signed at once, the reservation ending after 3 years, its notice due in 30 days
		sign(london(2026, 3, 25), london(2026, 4, 1));
		assertThat(programme.value("reservedContractEnd")).isEqualTo(london(2029, 4, 1));
		assertThat(programme.waitingTask("PublishContractDetailsNotice").getDueDate()).isEqualTo(london(2026, 4, 25));
	}

	static Stream<Arguments> routes() {
		return Stream.of(
				Arguments.of("pcr-reserved", UNDER_THE_REGULATIONS, "england-wales", false, null, List.of("PublishContractNotice")),
				Arguments.of("pcr-light-touch", UNDER_THE_REGULATIONS, "england-wales", false, null, List.of("PublishContractNotice")),
				Arguments.of("pa-competitive", UNDER_THE_ACT, "england-wales", false, null, List.of("AssessConflicts")),
				Arguments.of("pcr-direct-award", UNDER_THE_REGULATIONS, "england-wales", false, null, List.of("PublishVeatNotice")),
				Arguments.of("pa-direct-award", UNDER_THE_ACT, "northern-ireland", false, null, List.of("PublishTransparencyNotice")),
				Arguments.of("pcsr-light-touch", UNDER_THE_ACT, "scotland", false, null, List.of("PublishContractNotice")),
				Arguments.of("pcsr-direct-award", UNDER_THE_ACT, "scotland", false, null, List.of("PublishVeatNotice")),
				Arguments.of("psr", UNDER_THE_ACT, "england-wales", true, "direct-award-c", List.of("PublishIntentionNotice")),
				Arguments.of("psr", UNDER_THE_ACT, "england-wales", true, "most-suitable-provider", List.of("PublishIntentionNotice")),
				Arguments.of("psr", UNDER_THE_ACT, "england-wales", true, "competitive", List.of("PublishContractNotice")),
				Arguments.of("psr", UNDER_THE_ACT, "england-wales", true, "direct-award-a", List.of()),
				Arguments.of("psr", UNDER_THE_ACT, "england-wales", true, "direct-award-b", List.of()));
	}

	@ParameterizedTest(name = "{0} {4}")
	@MethodSource("routes")
	void eachRouteTakesItsOwnSteps(String route, LocalDate procurementStart, String nation, boolean healthCare,
			String psrProcess, List<String> firstSteps) {
		// given
		start("council", nation);
		specify(healthCare, procurementStart, "light-touch", FIVE_MILLION);
		programme.decide("ConfirmProcurementRegime", "approve", null);

		// when
		routeApproved(route, 3L, "psrProcess", psrProcess);

		// then
		List<String> waiting = Stream.concat(firstSteps.stream(), Stream.of("NegotiateContractTerms")).toList();
		assertAt(waiting.toArray(String[]::new));
		if (firstSteps.isEmpty()) {
			// PSR direct award A or B: no notice of intention and no standstill before the contract
			BpmnAwareTests.assertThat(programme.instance()).hasPassed("Gateway_StandstillOver");
		}
	}

	@Test
	void scottishAuthorityProcuresUnderTheScottishRegulationsWithoutAReservedRoute() {
		// given Live Argyll's services in Scotland, procured after the Procurement Act came into force
		start("council", "scotland");
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION);
		assertThat(programme.value("procurementRegime")).isEqualTo("PCSR2015");

		// when the Act's reserved route is proposed
		chooseRoute("pa-reserved", 5L);

		// then it goes back: Scotland has no contracts reserved for mutuals
		assertAt("ChooseAwardRoute");
		assertThat(programme.taskVariable("ChooseAwardRoute", "routeReason")).asString().contains("Scotland");

		// when a Scottish light-touch competition is chosen and won
		routeApproved("pcsr-light-touch", 5L);
		publishContractNotice();
		winCompetition();
		publishAwardNotice(london(2026, 3, 5), false);

		// then the Scottish standstill of 10 days runs
		assertThat(timerEvent(programme.instance(), "Timer_StandstillEnded").getDuedate()).isEqualTo(london(2026, 3, 16));
	}

	@Test
	void nhsTrustServiceIsCommissionedByTheIcbUnderTheProviderSelectionRegime() {
		// given an NHS trust's community nursing
		start("nhs-trust", "england-wales");

		// then the commissioner proposed is the integrated care board
		assertThat(programme.taskVariable("WriteServiceSpecification", "commissionerType")).isEqualTo("icb");

		// when
		specify(true, UNDER_THE_ACT, "light-touch", FIVE_MILLION);

		// then
		assertThat(programme.value("procurementRegime")).isEqualTo("PSR");
	}

	@Test
	void healthCareBoughtByAnotherCommissionerFollowsTheAct() {
		// given
		start("council", "england-wales");

		// when a government department commissions the health service
		programme.complete("WriteServiceSpecification", specification(true, UNDER_THE_ACT, "light-touch", FIVE_MILLION,
				"commissionerType", "central-government"));

		// then the Provider Selection Regime does not apply
		assertThat(programme.value("procurementRegime")).isEqualTo("PA2023");
	}

	@Test
	void providerSelectionRegimeDirectAwardAHasNoStandstill() {
		// given
		start("icb", "england-wales", Variables.NEW_BODY_REGISTERED, true);
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION, true);

		// when
		routeApproved("psr", 3L, "psrProcess", "direct-award-a");
		negotiate();
		programme.runJobs();

		// then
		assertAt("SignContract");
		BpmnAwareTests.assertThat(programme.instance()).hasNotPassed("PublishIntentionNotice", "Timer_StandstillEnded");
	}

	@Test
	void providerSelectionRegimeWaitsFiveMoreWorkingDaysAfterAReview() {
		// given
		start("icb", "england-wales", Variables.NEW_BODY_REGISTERED, true);
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION, true);
		routeApproved("psr", 3L, "psrProcess", "direct-award-c");
		programme.complete("PublishIntentionNotice", "noticeDate", london(2026, 3, 5), "noticeReference", "2026/S 000-004321");

		// then representations run to midnight at the end of the 8th working day
		assertThat(timerEvent(programme.instance(), "Timer_StandstillEnded").getDuedate()).isEqualTo(london(2026, 3, 18));

		// when representations are made and the decision after review is communicated on Friday 20 March
		endStandstill();
		programme.complete("ConsiderRepresentations", "representationsReceived", true, "reviewDecisionDate",
				london(2026, 3, 20), "reviewSummary", "One provider asked for the scores; award confirmed.");

		// then the contract may be signed after the end of Friday 27 March
		assertThat(timerEvent(programme.instance(), "Timer_ReviewStandstillEnded").getDuedate()).isEqualTo(london(2026, 3, 28));
		negotiate();
		fire(timerEvent(programme.instance(), "Timer_ReviewStandstillEnded"));
		programme.runJobs();
		assertAt("SignContract");
		BpmnAwareTests.assertThat(programme.instance()).hasNotPassed("RecordStandstillChallenge");
	}

	@Test
	void providerSelectionRegimeWithoutRepresentationsSignsAfterTheWindow() {
		// given
		start("icb", "england-wales", Variables.NEW_BODY_REGISTERED, true);
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION, true);
		routeApproved("psr", 3L, "psrProcess", "competitive");
		publishContractNotice();
		winCompetition();
		programme.complete("PublishIntentionNotice", "noticeDate", london(2026, 3, 5), "noticeReference", "2026/S 000-004321");

		// when
		endStandstill();
		programme.complete("ConsiderRepresentations", "representationsReceived", false);
		negotiate();
		programme.runJobs();

		// then
		assertAt("SignContract");
	}

	@Test
	void directAwardUnderTheActPublishesTransparencyThenAwardNoticeAndSkipsEaster() {
		// given works, for which the Act's standstill is not voluntary
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_ACT, "works", 6_000_000.0);
		routeApproved("pa-direct-award", 5L);

		// when
		programme.complete("PublishTransparencyNotice", "transparencyNoticeDate", london(2026, 3, 12),
				"transparencyNoticeReference", "2026/S 000-001234");
		programme.complete("PublishAwardNotice", "noticeDate", london(2026, 3, 26), "noticeReference", "2026/S 000-004321");

		// then 8 working days from Thursday 26 March skip Good Friday and Easter Monday
		assertThat(timerEvent(programme.instance(), "Timer_StandstillEnded").getDuedate()).isEqualTo(london(2026, 4, 10));
	}

	@Test
	void directAwardUnderTheRegulationsWaitsTenDaysAfterTheVeatNotice() {
		// given
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_REGULATIONS, "light-touch", FIVE_MILLION);
		routeApproved("pcr-direct-award", 5L);

		// when
		programme.complete("PublishVeatNotice", "noticeDate", london(2026, 3, 5), "noticeReference", "2026/S 000-004321");

		// then
		assertThat(timerEvent(programme.instance(), "Timer_StandstillEnded").getDuedate()).isEqualTo(london(2026, 3, 16));
		BpmnAwareTests.assertThat(programme.instance()).hasNotPassed("PublishAwardNotice");
	}

	@Test
	void inHouseCompanyIsNeverAStaffOwnedBody() {
		// given a staff-led mutual, in which staff hold 60% of the control
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION);

		// when the in-house route is proposed
		chooseRoute("teckal", 10L);

		// then it goes back with the reason
		assertAt("ChooseAwardRoute");
		assertThat(programme.taskVariable("ChooseAwardRoute", "routeReason")).asString().contains("staff");
	}

	@Test
	void councilsOwnCompanyNeedsNoNoticeNoStandstillAndNoNoticeOfTheContract() {
		// given a company the council controls, without staff ownership
		start("council", "england-wales", "staffControlPercent", 0.0, Variables.NEW_BODY_REGISTERED, true);
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION);

		// when
		routeApproved("teckal", 10L);
		negotiate();
		programme.runJobs();
		sign(london(2026, 3, 2), london(2026, 4, 1));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("Gateway_StandstillOver")
				.hasNotPassed("Timer_StandstillEnded", "PublishContractDetailsNotice");
	}

	@Test
	void belowTheThresholdOnlyTheStandingOrdersApply() {
		// given services worth a pound under the 2026 threshold of 207,720 pounds
		start("council", "england-wales", Variables.NEW_BODY_REGISTERED, true);
		regimeConfirmed(UNDER_THE_ACT, "goods-services", 207_719.0);
		assertThat(programme.value("fullRegimeApplies")).isEqualTo(false);

		// when a reserved contract is proposed
		chooseRoute("pa-reserved", 5L);

		// then it goes back; the standing orders route goes ahead with no standstill
		assertThat(programme.taskVariable("ChooseAwardRoute", "routeReason")).asString().contains("below the threshold");
		routeApproved("below-threshold", 3L);
		negotiate();
		programme.runJobs();
		sign(london(2026, 3, 2), london(2026, 4, 1));
		assertAt("PublishContractDetailsNotice");
	}

	@Test
	void claimDuringTheStandstillSuspendsTheAwardUntilTheCourtLiftsIt() {
		// given
		awaitingStandstillUnderTheRegulations(true);
		endStandstill();

		// when a claim was issued before the standstill ended
		claim();

		// then the award is suspended: legal services answer it, and the contract is not signed meanwhile
		assertThat(groups(programme.waitingTask("RespondToChallenge"))).containsExactly("legal");
		negotiate();
		assertAt("RespondToChallenge");
		BpmnAwareTests.assertThat(programme.instance()).isNotWaitingAt("SignContract").hasNotPassed("SignContract");

		// when the court lifts the suspension
		respond("suspension-lifted");
		programme.runJobs();

		// then
		assertAt("SignContract");
	}

	@Test
	void challengeCanReRunTheEvaluation() {
		// given
		awaitingStandstillUnderTheRegulations(true);
		endStandstill();
		claim();

		// when
		respond("re-run");

		// then
		assertAt("EvaluateTenders", "NegotiateContractTerms");
	}

	@Test
	void challengeToADirectAwardTakesTheDecisionAgain() {
		// given
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_REGULATIONS, "light-touch", FIVE_MILLION);
		routeApproved("pcr-direct-award", 5L);
		programme.complete("PublishVeatNotice", "noticeDate", london(2026, 3, 5), "noticeReference", "2026/S 000-004321");
		endStandstill();
		claim();

		// when
		respond("re-run");

		// then the notice is published again
		assertAt("PublishVeatNotice", "NegotiateContractTerms");
	}

	@Test
	void abandonedProcurementGoesToTheDecisionMakersWhoProcureAgain() {
		// given
		awaitingStandstillUnderTheRegulations(false);
		endStandstill();
		claim();

		// when the procurement is abandoned
		respond("abandon");

		// then the decision-makers decide, and the contract being prepared is set aside
		assertAt("DecideOnFailedProcurement");
		assertThat(groups(programme.waitingTask("DecideOnFailedProcurement"))).containsExactly("decision-makers");

		// when they ask for the service to be procured again
		programme.decide("DecideOnFailedProcurement", "sendBack", "Procure again with a longer tender period.");

		// then the commissioners revise the specification, which works out the regime anew
		assertAt("WriteServiceSpecification");
		assertThat(programme.taskVariable("WriteServiceSpecification", "decisionReason"))
				.isEqualTo("Procure again with a longer tender period.");
	}

	@Test
	void lostCompetitionLetsTheDecisionMakersStopTheProgramme() {
		// given
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION);
		routeApproved("pa-reserved", 5L);
		assessConflictsAndPublishTender();

		// when another qualifying mutual wins
		programme.complete("EvaluateTenders", "tendersReceived", 2L, "evaluationOutcome", "another-bidder-won",
				"winningBidder", "Northern Libraries Mutual", "evaluationSummary", "The other bid scored higher on price.");

		// then
		assertAt("DecideOnFailedProcurement");

		// when
		programme.decide("DecideOnFailedProcurement", "reject", "Another mutual will run the service.");

		// then the stop is carried out in order before it is recorded
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("StopAfterFailedProcurement");

		// when
		programme.carryOutTheStop();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("EndEvent_ProgrammeStoppedAfterProcurement");
		programme.assertStopped("Another mutual will run the service.", "Decide after the failed procurement");
	}

	@Test
	void termLongerThanTheRouteAllowsGoesBackToProcurement() {
		// given
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_REGULATIONS, "light-touch", FIVE_MILLION);

		// when a reserved contract under the regulations is proposed for five years
		chooseRoute("pcr-reserved", 5L);

		// then
		assertAt("ChooseAwardRoute");
		assertThat(programme.value("termWithinLimit")).isEqualTo(false);
		assertThat(programme.value("maxTermYears")).isEqualTo(3);

		// when
		chooseRoute("pcr-reserved", 3L);

		// then
		assertAt("ApproveAwardRoute");
	}

	@Test
	void routeOfAnotherRegimeGoesBackWithTheReason() {
		// given the Procurement Act 2023 applies
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION);

		// when a reserved contract under the regulations is proposed
		chooseRoute("pcr-reserved", 3L);

		// then
		assertAt("ChooseAwardRoute");
		assertThat(programme.taskVariable("ChooseAwardRoute", "routeReason")).asString().contains("regime");
	}

	@Test
	void officersSendBackAndOnlyTheDecisionMakersStopTheProgramme() {
		// given
		start("council", "england-wales");
		specify(false, UNDER_THE_ACT, "light-touch", FIVE_MILLION);

		// when procurement sends the specification back
		programme.decide("ConfirmProcurementRegime", "sendBack", "The service includes community nursing: is it health care?");

		// then
		assertAt("WriteServiceSpecification");

		// when the commissioners send the route back
		specify(false, UNDER_THE_ACT, "light-touch", FIVE_MILLION);
		programme.decide("ConfirmProcurementRegime", "approve", null);
		chooseRoute("pa-direct-award", 5L);
		programme.decide("ApproveAwardRoute", "sendBack", "Use a reserved contract: the mutual qualifies");

		// then
		assertAt("ChooseAwardRoute");

		// and the only flow to a stop is the decision-makers'
		assertThat(stopFlowsFrom()).containsExactly("DecideOnFailedProcurement");
	}

	@Test
	void contractWaitsForTheNewBodyAndLooksAgainEachWeek() {
		// given the award is done but the new organisation is not registered
		start("council", "england-wales");
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION);
		routeApproved("teckal", 1L, "staffControlPercent", 0.0);
		negotiate();
		programme.runJobs();
		assertAt("Gateway_AwaitNewBody");

		// when a week passes with no registration
		fire(timerEvent(programme.instance(), "Timer_CheckNewBodyAgain"));
		programme.runJobs();

		// then it waits again
		assertAt("Gateway_AwaitNewBody");

		// when the registration was recorded on the programme but its message missed this phase
		runtimeService().setVariable(programme.instance().getId(), Variables.NEW_BODY_REGISTERED, true);
		fire(timerEvent(programme.instance(), "Timer_CheckNewBodyAgain"));
		programme.runJobs();

		// then the next look finds it
		assertAt("SignContract");
	}

	@Test
	void movedTransferDateMovesTheSigningDeadline() {
		// given the contract is to be signed 10 working days before a transfer on Thursday 1 October
		start("council", "england-wales", Variables.NEW_BODY_REGISTERED, true);
		regimeConfirmed(UNDER_THE_ACT, "light-touch", FIVE_MILLION);
		routeApproved("teckal", 1L, "staffControlPercent", 0.0);
		negotiate();
		programme.runJobs();
		assertThat(programme.waitingTask("SignContract").getDueDate()).isEqualTo(london(2026, 9, 17));

		// when the programme moves the transfer to Monday 2 November
		runtimeService().createMessageCorrelation(Messages.TRANSFER_DATE_MOVED).processInstanceId(programme.instance().getId())
				.setVariable(Variables.TARGET_TRANSFER_DATE, london(2026, 11, 2)).correlateAll();
		programme.runJobs();

		// then the deadline moves with it, to the start of Monday 19 October, and its reminder too
		assertThat(programme.waitingTask("SignContract").getDueDate()).isEqualTo(london(2026, 10, 19));
		assertThat(JourneyTimers.escalation(programme.instance(), "SignContract").getDuedate()).isEqualTo(london(2026, 10, 19));
		assertThat(JourneyTimers.reminder(programme.instance(), "SignContract").getDuedate()).isEqualTo(london(2026, 10, 15));
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("EndEvent_ContractClocksMoved");
	}

	private void start(String parentBodyType, String nation, Object... more) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-4");
		variables.put("programmeName", "Explore Libraries");
		variables.put("nation", nation);
		variables.put("parentBodyType", parentBodyType);
		variables.put("healthCare", false);
		variables.put("staffControlPercent", 60.0);
		variables.put("targetTransferDate", london(2026, 10, 1));
		for (int i = 0; i < more.length; i += 2) {
			variables.put((String) more[i], more[i + 1]);
		}
		programme = JourneyInstance.start("contract-procurement", "SO-2026-4", variables);
	}

	private void specify(boolean healthCare, LocalDate procurementStart, String kind, double value) {
		programme.complete("WriteServiceSpecification", specification(healthCare, procurementStart, kind, value));
	}

	private static Object[] specification(boolean healthCare, LocalDate procurementStart, String kind, double value,
			Object... more) {
		List<Object> answers = new java.util.ArrayList<>(List.of("serviceSpecificationSummary",
				"Library services for the city, with quarterly outcome reports.", "procurementStartDate",
				london(procurementStart), "healthCare", healthCare, "contractKind", kind, "estimatedAnnualValue",
				(long) (value / 5), "estimatedContractValue", value));
		answers.addAll(List.of(more));
		return answers.toArray();
	}

	private void regimeConfirmed(LocalDate procurementStart, String kind, double value) {
		regimeConfirmed(procurementStart, kind, value, false);
	}

	private void regimeConfirmed(LocalDate procurementStart, String kind, double value, boolean healthCare) {
		specify(healthCare, procurementStart, kind, value);
		programme.decide("ConfirmProcurementRegime", "approve", null);
	}

	private void chooseRoute(String route, long years, Object... more) {
		List<Object> answers = new java.util.ArrayList<>(List.of("awardRoute", route, "contractTermYears", years,
				"routeJustification", "The mutual is staff-controlled and reinvests its profits."));
		for (int i = 0; i < more.length; i += 2) {
			if (more[i + 1] != null) {
				answers.add(more[i]);
				answers.add(more[i + 1]);
			}
		}
		programme.complete("ChooseAwardRoute", answers.toArray());
	}

	private void routeApproved(String route, long years, Object... more) {
		if (more.length > 0 && "staffControlPercent".equals(more[0])) {
			runtimeService().setVariable(programme.instance().getId(), "staffControlPercent", more[1]);
			more = new Object[0];
		}
		chooseRoute(route, years, more);
		programme.decide("ApproveAwardRoute", "approve", null);
	}

	private void assessConflictsAndPublishTender() {
		programme.complete("AssessConflicts", "conflictsAssessmentDate", london(2026, 2, 16), "conflictsIdentified",
				"Two evaluators are moving to the new organisation.", "conflictsMitigation", "They take no part in the evaluation.");
		programme.complete("PublishTenderNotice", "tenderNoticeDate", london(2026, 2, 20), "tenderNoticeReference",
				"2026/S 000-002222", "tenderDeadline", london(2026, 3, 20));
	}

	private void publishContractNotice() {
		programme.complete("PublishContractNotice", "contractNoticeDate", london(2026, 2, 20), "contractNoticeReference",
				"2026/S 000-002222", "tenderDeadline", london(2026, 3, 20));
	}

	private void winCompetition() {
		programme.complete("EvaluateTenders", "tendersReceived", 2L, "evaluationOutcome", "new-body-won",
				"evaluationSummary", "The new organisation scored highest on quality.");
	}

	private void publishAwardNotice(Date published, boolean observeStandstill) {
		programme.complete("PublishAwardNotice", "noticeDate", published, "noticeReference", "2026/S 000-004321",
				"observeStandstill", observeStandstill);
	}

	private void awaitingStandstillUnderTheRegulations(boolean registered) {
		start("council", "england-wales", Variables.NEW_BODY_REGISTERED, registered);
		regimeConfirmed(UNDER_THE_REGULATIONS, "light-touch", FIVE_MILLION);
		routeApproved("pcr-reserved", 3L);
		publishContractNotice();
		winCompetition();
		publishAwardNotice(london(2026, 3, 5), false);
	}

	private void endStandstill() {
		fire(timerEvent(programme.instance(), "Timer_StandstillEnded"));
	}

	private void noClaim() {
		programme.complete("RecordStandstillChallenge", "claimIssued", false);
	}

	private void claim() {
		programme.complete("RecordStandstillChallenge", "claimIssued", true, "claimIssuedDate", london(2026, 3, 13),
				"claimDetails", "A losing bidder says the award criteria were applied unequally.");
	}

	private void respond(String outcome) {
		programme.complete("RespondToChallenge", "challengeOutcome", outcome, "challengeOutcomeDate", london(2026, 5, 1),
				"challengeNotes", "Decided at the hearing of 1 May.");
	}

	private void negotiate() {
		programme.complete("NegotiateContractTerms", "agreedAnnualValue", 1_000_000L, "kpiCount", 8L,
				"section75Agreement", false, "termsSummary", "Block contract with quarterly KPI reports.");
	}

	private void announceNewBody() {
		runtimeService().createMessageCorrelation(Messages.NEW_BODY_REGISTERED).processInstanceId(programme.instance().getId())
				.setVariable(Variables.NEW_BODY_REGISTERED, true).setVariable("registeredName", "Explore Libraries")
				.correlateAll();
		programme.runJobs();
	}

	private void sign(Date signed, Date start) {
		programme.complete("SignContract", "contractSignedDate", signed, "contractStartDate", start);
	}

	private void assertAt(String... activities) {
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt(activities);
	}

	private List<String> activityOrder() {
		return BpmnAwareTests.historyService().createHistoricActivityInstanceQuery()
				.processInstanceId(programme.instance().getId()).orderPartiallyByOccurrence().asc().list().stream()
				.map(HistoricActivityInstance::getActivityId).toList();
	}

	/** The user tasks whose gateway offers "reject", the path to a programme stop. */
	private List<String> stopFlowsFrom() {
		BpmnModelInstance model = repositoryService().getBpmnModelInstance(programme.instance().getProcessDefinitionId());
		return model.getModelElementsByType(SequenceFlow.class).stream()
				.filter(flow -> flow.getConditionExpression() != null
						&& flow.getConditionExpression().getTextContent().contains("'reject'"))
				.flatMap(flow -> flow.getSource().getIncoming().stream().map(SequenceFlow::getSource))
				.filter(UserTask.class::isInstance).map(node -> node.getId()).toList();
	}
}
