package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.spinout.journey.JourneyTasks.groups;
import static org.spinout.journey.JourneyTimers.escalation;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.reminder;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.contract.Messages;
import org.spinout.contract.Variables;
import org.spinout.engine.EngineClockExtension;

/**
 * Phase 5, staff transfer and pensions: the transfer planned and its date checked; representatives
 * first; information, consultation that concludes or continues (gate G8) and collective consultation
 * for 20 or more redundancies; pensions from the start, signed once the new organisation exists and
 * approved only when signed (gate G9); the employee liability information 28 days before; and every
 * clock counted from the transfer date moving with it.
 */
@ClassDeployment(resources = {"processes/staff-transfer.bpmn", "processes/tupe-consultation-route.dmn",
		"forms/plan-staff-transfer.form", "forms/review-transfer-date-risk.form",
		"forms/provide-employee-liability-information.form", "forms/provide-transferee-measures.form",
		"forms/inform-affected-staff.form", "forms/arrange-representative-election.form",
		"forms/start-collective-consultation.form", "forms/consult-representatives.form",
		"forms/conclude-tupe-consultation.form", "forms/secure-lgps-admission.form",
		"forms/arrange-nhs-pension-access.form", "forms/sign-pension-agreements.form",
		"forms/approve-pension-arrangements.form"})
class StaffTransferProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 March 2026
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 0));

	/** Thursday 1 October 2026. */
	private static final Date TRANSFER_DATE = london(2026, 10, 1);

	private JourneyInstance programme;

	@Test
	void councilStaffTransferWithTheirUnionConsulted() {
		// given
		start("council", true, false);
		plan(5000L, 150L);

		// when
		provideMeasures(true);
		passLeadTime();
		inform(true, 0L);
		consult();
		programme.decide("ConcludeTupeConsultation", "approve", null);
		prepareLgpsAdmission();
		announceNewBody();
		provideEmployeeLiabilityInformation();
		signPensions("councilPensionArrangementSigned", true);
		programme.decide("ApprovePensionArrangements", "approve", null);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("StaffReadyToTransfer")
				.hasNotPassed("ArrangeRepresentativeElection", "ArrangeNhsPensionAccess", "StartCollectiveConsultation");
		assertThat(programme.value("consultationRoute")).isEqualTo("recognised-union");
		// claims can be brought until the end of 1 January 2027
		assertThat(programme.value("tupeClaimsDeadline")).isEqualTo(london(2027, 1, 2));
	}

	@Test
	void pensionsStartWhenTheTransferIsPlannedNotAtTheLeadTime() {
		// given
		start("council", true, false);

		// when
		plan(5000L, 150L);

		// then the pensions work opens while information waits 90 days before the transfer, Friday 3 July
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SecureLgpsAdmission", "TupeInformationLeadTimeReached");
		assertThat(timerEvent(programme.instance(), "TupeInformationLeadTimeReached").getDuedate()).isEqualTo(london(2026, 7, 3));
		assertThat(groups(programme.waitingTask("SecureLgpsAdmission"))).containsExactly("pensions");
	}

	@Test
	void representativesAreElectedBeforeStaffAreInformedEvenWithoutMeasures() {
		// given no union and no representatives, in a council of 5,000 with 40 transferring
		start("council", false, false);

		// when
		plan(5000L, 40L);

		// then the election comes first, due before the information lead time
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ArrangeRepresentativeElection")
				.hasNotPassed("InformAffectedStaff");
		assertThat(programme.value("consultationRoute")).isEqualTo("elect-representatives");
		assertThat(programme.waitingTask("ArrangeRepresentativeElection").getDueDate()).isEqualTo(london(2026, 7, 3));

		// when representatives are elected and no measures are envisaged
		programme.complete("ArrangeRepresentativeElection", "representativesElectedDate", london(2026, 4, 1),
				"electedRepresentatives", "Three representatives, one for each site.");
		provideMeasures(false);
		passLeadTime();
		inform(false, 0L);

		// then the staff were informed after the election, and there is nothing to consult on
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("InformationAndConsultationDone")
				.hasNotPassed("ConsultRepresentatives");
		assertThat(activityOrder()).containsSubsequence("ArrangeRepresentativeElection", "InformAffectedStaff");
	}

	@Test
	void smallEmployerCountsTheWholeEmployerAndMayConsultStaffDirectly() {
		// given an employer of 40 with no representatives
		start("council", false, false);

		// when
		plan(40L, 40L);

		// then
		assertThat(programme.value("consultationRoute")).isEqualTo("consult-directly");
		BpmnAwareTests.assertThat(programme.instance()).hasNotPassed("ArrangeRepresentativeElection")
				.isWaitingAt("TupeInformationLeadTimeReached");
	}

	@Test
	void consultationIsTheEmployersDutyAndContinuesUntilConcluded() {
		// given
		start("council", true, false);
		plan(5000L, 150L);
		provideMeasures(true);
		passLeadTime();
		inform(true, 0L);

		// then only HR completes the consultation: the union is consulted
		assertThat(groups(programme.waitingTask("ConsultRepresentatives"))).containsExactly("hr");
		consult();

		// when G8 finds more to discuss
		programme.decide("ConcludeTupeConsultation", "sendBack", "The union asked for the rota proposals in writing.");

		// then the consultation continues; there is no outcome that stops the programme
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ConsultRepresentatives");
		assertThat(programme.taskVariable("ConsultRepresentatives", "decisionReason")).asString().contains("rota");
		consult();
		programme.decide("ConcludeTupeConsultation", "approve", null);
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("InformationAndConsultationDone");
	}

	@Test
	void twentyProposedRedundanciesNeedCollectiveConsultationThirtyDaysBeforeTheFirstDismissal() {
		// given
		start("council", true, false);
		plan(5000L, 150L);
		provideMeasures(true);
		passLeadTime();

		// when 20 redundancies are proposed, the first dismissal on Monday 2 November
		inform(true, 20L, "firstDismissalDate", london(2026, 11, 2));

		// then consultation and form HR1 are due 30 days before: the start of Saturday 3 October
		assertThat(groups(programme.waitingTask("StartCollectiveConsultation"))).containsExactly("hr");
		assertThat(programme.waitingTask("StartCollectiveConsultation").getDueDate()).isEqualTo(london(2026, 10, 3));

		// when
		programme.complete("StartCollectiveConsultation", "collectiveConsultationStartDate", london(2026, 7, 20),
				"hr1SentDate", london(2026, 7, 20));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ConsultRepresentatives");
	}

	@Test
	void aHundredProposedRedundanciesNeedFortyFiveDays() {
		// given
		start("council", true, false);
		plan(5000L, 150L);
		provideMeasures(true);
		passLeadTime();

		// when
		inform(true, 100L, "firstDismissalDate", london(2026, 11, 2));

		// then the start of Friday 18 September
		assertThat(programme.waitingTask("StartCollectiveConsultation").getDueDate()).isEqualTo(london(2026, 9, 18));
	}

	@Test
	void employeeLiabilityInformationWaitsForTheNewBodyAndIsDueTwentyEightDaysBefore() {
		// given
		start("council", true, false);
		plan(5000L, 150L);

		// then it cannot be given to a body that does not exist
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("Gateway_AwaitNewBody")
				.isNotWaitingAt("ProvideEmployeeLiabilityInformation");

		// when
		announceNewBody();

		// then it is due at the start of Thursday 3 September, 28 whole days before the transfer
		assertThat(programme.waitingTask("ProvideEmployeeLiabilityInformation").getDueDate()).isEqualTo(london(2026, 9, 3));
		assertThat(programme.value("registeredName")).isEqualTo("Explore Libraries");
	}

	@Test
	void phaseThatFindsTheBodyAlreadyRegisteredDoesNotWait() {
		// given legal formation recorded the registration before this phase looked
		start("council", true, false, Variables.NEW_BODY_REGISTERED, true);

		// when
		plan(5000L, 150L);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ProvideEmployeeLiabilityInformation")
				.hasNotPassed("Gateway_AwaitNewBody");
	}

	@Test
	void missedRegistrationMessageIsFoundAWeekLater() {
		// given
		start("council", true, false);
		plan(5000L, 150L);

		// when the registration is on the programme's record but its message missed this phase
		runtimeService().setVariable(programme.instance().getId(), Variables.NEW_BODY_REGISTERED, true);
		fire(timerEvent(programme.instance(), "Timer_CheckNewBodyAgain"));
		programme.runJobs();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ProvideEmployeeLiabilityInformation");
	}

	@Test
	void pensionsCannotBeApprovedUntilTheAdmissionIsSigned() {
		// given council staff whose LGPS admission is prepared
		start("council", true, false);
		plan(5000L, 150L);
		prepareLgpsAdmission();

		// then nothing is signed before the new organisation exists
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PensionsReadyToSign")
				.isNotWaitingAt("SignPensionAgreements");

		// when it exists, and the agreement comes back unsigned
		announceNewBody();
		assertThat(programme.waitingTask("SignPensionAgreements").getDueDate()).isEqualTo(london(2026, 9, 1));
		signPensions("councilPensionArrangementSigned", false);

		// then finance cannot approve it: the signature is asked for again
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SignPensionAgreements")
				.isNotWaitingAt("ApprovePensionArrangements");

		// when signed
		signPensions("councilPensionArrangementSigned", true);

		// then finance approves or sends back, but does not stop the programme
		assertThat(groups(programme.waitingTask("ApprovePensionArrangements"))).containsExactly("finance");
		programme.decide("ApprovePensionArrangements", "sendBack", "The bond does not cover the deficit on exit.");
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SignPensionAgreements");
	}

	@Test
	void nhsStaffNeedTheirAccessConfirmedBeforeFinanceDecides() {
		// given
		start("nhs-trust", true, false);
		plan(5000L, 150L);
		programme.complete("ArrangeNhsPensionAccess", "nhsPensionAccessRoute", "direction", "nhsPensionApplicationDate",
				london(2026, 3, 20));
		announceNewBody();

		// when NHS Pensions has not confirmed access
		signPensions("nhsPensionAccessConfirmed", false);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SignPensionAgreements")
				.hasNotPassed("SecureLgpsAdmission", "ApprovePensionArrangements");

		// when it has
		signPensions("nhsPensionAccessConfirmed", true);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ApprovePensionArrangements");
	}

	@Test
	void jointServiceNeedsBothSchemesSigned() {
		// given
		start("joint", true, false);
		plan(5000L, 150L);
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SecureLgpsAdmission", "ArrangeNhsPensionAccess");
		prepareLgpsAdmission();
		programme.complete("ArrangeNhsPensionAccess", "nhsPensionAccessRoute", "direction", "nhsPensionApplicationDate",
				london(2026, 3, 20));
		announceNewBody();

		// when only the LGPS agreement is signed
		signPensions("councilPensionArrangementSigned", true, "nhsPensionAccessConfirmed", false);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SignPensionAgreements");
	}

	@Test
	void movedTransferDateMovesEveryClockCountedFromIt() {
		// given the lead time, the employee information and the pension signatures all waiting
		start("council", true, false);
		plan(5000L, 150L);
		prepareLgpsAdmission();
		announceNewBody();
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("TupeInformationLeadTimeReached",
				"ProvideEmployeeLiabilityInformation", "SignPensionAgreements");

		// when the programme moves the transfer from 1 October to Monday 2 November 2026
		moveTransferDate(london(2026, 11, 2));

		// then each moves: 90 days, 28 days and a month before the new date, with their reminders
		assertThat(timerEvent(programme.instance(), "TupeInformationLeadTimeReached").getDuedate()).isEqualTo(london(2026, 8, 4));
		assertThat(programme.waitingTask("ProvideEmployeeLiabilityInformation").getDueDate()).isEqualTo(london(2026, 10, 5));
		assertThat(escalation(programme.instance(), "ProvideEmployeeLiabilityInformation").getDuedate())
				.isEqualTo(london(2026, 10, 5));
		assertThat(reminder(programme.instance(), "ProvideEmployeeLiabilityInformation").getDuedate())
				.isEqualTo(london(2026, 10, 1));
		assertThat(programme.waitingTask("SignPensionAgreements").getDueDate()).isEqualTo(london(2026, 10, 2));
		// and the date is checked again: the new one leaves time for every clock
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("CheckMovedTransferDate", "EndEvent_MovedDateSafe");
	}

	@Test
	void movedTransferDateMovesTheElectionDeadline() {
		// given an election due before the information lead time
		start("council", false, false);
		plan(5000L, 40L);

		// when
		moveTransferDate(london(2026, 11, 2));

		// then
		assertThat(programme.waitingTask("ArrangeRepresentativeElection").getDueDate()).isEqualTo(london(2026, 8, 4));
	}

	@Test
	void planningCanMoveTheDateAndTellsTheProgramme() {
		// given
		start("council", true, false);

		// when HR plans the transfer for Monday 2 November instead
		programme.complete("PlanStaffTransfer", "transferDateRiskResponse", "move", "targetTransferDate",
				london(2026, 11, 2), "transferringStaffCount", 150L, "employerStaffCount", 5000L);
		programme.runJobs();

		// then the programme is told, and the phase counts from the new date
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("ShareTransferDate", "MoveTransferClocks",
				"CheckMovedTransferDate");
		assertThat(timerEvent(programme.instance(), "TupeInformationLeadTimeReached").getDuedate()).isEqualTo(london(2026, 8, 4));
	}

	@Test
	void dateTooCloseAtTheStartIsShownOnThePlan() {
		// given a transfer only 60 days away, inside the 90-day lead time
		clock.moveTo(london(2026, 8, 2, 9, 0));

		// when
		start("council", true, false);

		// then
		assertThat(programme.taskVariable("PlanStaffTransfer", "transferDateRisk")).asString()
				.contains("TUPE information before consultation");
	}

	@Test
	void movedDateStillTooCloseIsReviewedAndMovedAgain() {
		// given
		start("council", true, false);
		plan(5000L, 150L);

		// when the transfer is brought forward to Friday 10 April, inside the clocks counted back from it
		moveTransferDate(london(2026, 4, 10));

		// then the programme managers review it
		assertThat(groups(programme.waitingTask("ReviewTransferDateRisk"))).containsExactly("programme-managers");
		assertThat(programme.taskVariable("ReviewTransferDateRisk", "transferDateRisk")).asString()
				.contains("TUPE information before consultation");

		// when they move it again, to 1 December
		programme.complete("ReviewTransferDateRisk", "transferDateRiskResponse", "move", "targetTransferDate",
				london(2026, 12, 1), "transferDateRiskNotes", "Moved to give the staff the time the law gives them.");
		programme.runJobs();

		// then the phase counts from the new date, which is safe
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("ShareMovedTransferDate", "EndEvent_MovedDateShared",
				"EndEvent_MovedDateSafe");
		assertThat(timerEvent(programme.instance(), "TupeInformationLeadTimeReached").getDuedate()).isEqualTo(london(2026, 9, 2));
	}

	@Test
	void clocksAlreadyMetAreNoRiskWhenTheDateMoves() {
		// given the staff were informed and their employee liability information given
		start("council", true, false, Variables.NEW_BODY_REGISTERED, true);
		plan(5000L, 150L);
		provideMeasures(false);
		passLeadTime();
		inform(false, 0L);
		provideEmployeeLiabilityInformation();

		// when the transfer is brought forward to Friday 10 April, inside both clocks
		moveTransferDate(london(2026, 4, 10));

		// then neither is a risk any more: both were met
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("EndEvent_MovedDateSafe")
				.hasNotPassed("ReviewTransferDateRisk");
	}

	@Test
	void riskOfAMovedDateCanBeAccepted() {
		// given
		start("council", true, false);
		plan(5000L, 150L);
		moveTransferDate(london(2026, 4, 10));

		// when
		programme.complete("ReviewTransferDateRisk", "transferDateRiskResponse", "keep", "targetTransferDate",
				london(2026, 4, 10), "transferDateRiskNotes", "The information was given early; the board accepts the risk.");

		// then
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("EndEvent_MovedDateKept");
	}

	private void start(String parentBodyType, boolean recognisedUnion, boolean representativesPresent, Object... more) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-5");
		variables.put("programmeName", "Riverside Libraries");
		variables.put("nation", "england-wales");
		variables.put("parentBodyType", parentBodyType);
		variables.put("recognisedUnion", recognisedUnion);
		variables.put("representativesPresent", representativesPresent);
		variables.put("staffCount", 150L);
		variables.put("transferringStaffCount", 150L);
		variables.put("targetTransferDate", TRANSFER_DATE);
		for (int i = 0; i < more.length; i += 2) {
			variables.put((String) more[i], more[i + 1]);
		}
		programme = JourneyInstance.start("staff-transfer", "SO-2026-5", variables);
	}

	private void plan(long employer, long transferring) {
		programme.complete("PlanStaffTransfer", "transferDateRiskResponse", "keep", "targetTransferDate", TRANSFER_DATE,
				"transferringStaffCount", transferring, "employerStaffCount", employer);
		programme.runJobs();
	}

	private void provideMeasures(boolean envisaged) {
		programme.complete("ProvideTransfereeMeasures", "measuresEnvisaged", envisaged, "measuresDescription",
				envisaged ? "New rotas across the sites from the first month." : null);
	}

	private void passLeadTime() {
		fire(timerEvent(programme.instance(), "TupeInformationLeadTimeReached"));
	}

	private void inform(boolean measuresEnvisaged, long redundancies, Object... more) {
		Object[] answers = {"staffInformedDate", london(2026, 7, 6), "staffInformationLink",
				"https://council.example/tupe-letter", "measuresEnvisaged", measuresEnvisaged, "proposedRedundancies",
				redundancies};
		Object[] all = new Object[answers.length + more.length];
		System.arraycopy(answers, 0, all, 0, answers.length);
		System.arraycopy(more, 0, all, answers.length, more.length);
		programme.complete("InformAffectedStaff", all);
	}

	private void consult() {
		programme.complete("ConsultRepresentatives", "consultationStartDate", london(2026, 7, 13), "consultationMeetings",
				3L, "consultationSummary", "Three meetings on the rotas; each representation was answered in writing.");
	}

	private void prepareLgpsAdmission() {
		programme.complete("SecureLgpsAdmission", "councilPensionRoute", "lgps-admission", "actuarialAssessmentDate",
				london(2026, 4, 1), "pensionBondRequired", true, "pensionBondAmount", 250_000L, "pensionAgreementLink",
				"https://fund.example/admission-agreement");
	}

	private void announceNewBody() {
		runtimeService().createMessageCorrelation(Messages.NEW_BODY_REGISTERED).processInstanceId(programme.instance().getId())
				.setVariable(Variables.NEW_BODY_REGISTERED, true).setVariable("registeredName", "Explore Libraries")
				.correlateAll();
		programme.runJobs();
	}

	private void provideEmployeeLiabilityInformation() {
		programme.complete("ProvideEmployeeLiabilityInformation", "employeeLiabilityInformationSentDate",
				london(2026, 8, 3), "employeeLiabilityInformationEmployees", 150L, "employeeLiabilityInformationUpdated", true);
	}

	private void signPensions(Object... signatures) {
		Object[] answers = new Object[signatures.length + 2];
		System.arraycopy(signatures, 0, answers, 0, signatures.length);
		answers[signatures.length] = "pensionAgreementsSignedDate";
		answers[signatures.length + 1] = london(2026, 8, 20);
		programme.complete("SignPensionAgreements", answers);
	}

	private void moveTransferDate(Date newDate) {
		runtimeService().createMessageCorrelation(Messages.TRANSFER_DATE_MOVED).processInstanceId(programme.instance().getId())
				.setVariable(Variables.TARGET_TRANSFER_DATE, newDate).correlateAll();
		programme.runJobs();
	}

	private List<String> activityOrder() {
		return historyService().createHistoricActivityInstanceQuery().processInstanceId(programme.instance().getId())
				.orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
	}
}
