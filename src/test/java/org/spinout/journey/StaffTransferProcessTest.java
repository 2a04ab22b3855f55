package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.escalation;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.reminder;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 5: TUPE information and consultation (G8), employee liability information and pensions (G9). */
@Deployment(resources = {"processes/staff-transfer.bpmn", "processes/tupe-consultation-route.dmn",
		"forms/provide-employee-liability-information.form", "forms/provide-transferee-measures.form",
		"forms/inform-affected-staff.form", "forms/arrange-representative-election.form",
		"forms/consult-representatives.form", "forms/conclude-tupe-consultation.form",
		"forms/secure-lgps-admission.form", "forms/arrange-nhs-pension-access.form",
		"forms/approve-pension-arrangements.form"})
class StaffTransferProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 March 2026
	@RegisterExtension
	final JourneyClock clock = JourneyClock.at(engine, london(2026, 3, 2, 9, 0));

	/** Thursday 1 October 2026. */
	private static final Date TRANSFER_DATE = london(2026, 10, 1);

	private JourneyInstance programme;

	@Test
	void councilStaffTransferWithTheirUnionConsulted() {
		// given
		start(transfer("council", true, false, 200L, 150L));

		// when
		passLeadTime();
		informAndConsult(true);
		programme.decide("ConcludeTupeConsultation", "approve", null);
		provideEmployeeLiabilityInformation();
		secureLgpsAdmission();
		programme.decide("ApprovePensionArrangements", "approve", null);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("StaffReadyToTransfer")
				.hasNotPassed("ArrangeRepresentativeElection", "ArrangeNhsPensionAccess");
		assertThat(programme.value("consultationRoute")).isEqualTo("recognised-union");
		assertThat(programme.value("councilPensionRoute")).isEqualTo("lgps-admission");
	}

	@Test
	void tupeClaimsDeadlineIsRecordedThreeMonthsAfterTheTransfer() {
		// given / when
		start(transfer("council", true, false, 200L, 150L));

		// then claims can be brought until the end of 1 January 2027
		assertThat(programme.value("tupeClaimsDeadline")).isEqualTo(london(2027, 1, 2));
	}

	@Test
	void informationStartsTheLeadTimeBeforeTheTransfer() {
		// given
		start(transfer("council", true, false, 200L, 150L));

		// then nothing happens until 90 days before 1 October: Friday 3 July 2026
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("TupeInformationLeadTimeReached");
		assertThat(timerEvent(programme.instance(), "TupeInformationLeadTimeReached").getDuedate())
				.isEqualTo(london(2026, 7, 3));

		// when
		fire(timerEvent(programme.instance(), "TupeInformationLeadTimeReached"));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ProvideEmployeeLiabilityInformation",
				"ProvideTransfereeMeasures", "SecureLgpsAdmission");
	}

	@Test
	void transferDateAlreadyInsideTheLeadTimeStartsAtOnce() {
		// given a transfer on 1 May 2026, whose lead time began on 31 January
		Map<String, Object> variables = transfer("council", true, false, 200L, 150L);
		variables.put("targetTransferDate", london(2026, 5, 1));
		start(variables);

		// when the job executor picks up the overdue timer
		assertThat(timerEvent(programme.instance(), "TupeInformationLeadTimeReached").getDuedate())
				.isBefore(ClockUtil.getCurrentTime());
		BpmnAwareTests.execute(timerEvent(programme.instance(), "TupeInformationLeadTimeReached"));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ProvideTransfereeMeasures");
	}

	@Test
	void employeeLiabilityInformationIsDueTwentyEightDaysBeforeAndEscalatesWhenLate() {
		// given
		start(transfer("council", true, false, 200L, 150L));
		passLeadTime();
		Task task = programme.waitingTask("ProvideEmployeeLiabilityInformation");
		assertThat(task.getDueDate()).isEqualTo(london(2026, 9, 3));

		// when the reminder (two working days before) and then the due date pass
		assertThat(reminder(programme.instance(), "ProvideEmployeeLiabilityInformation").getDuedate())
				.isEqualTo(london(2026, 9, 1));
		fire(reminder(programme.instance(), "ProvideEmployeeLiabilityInformation"));
		fire(escalation(programme.instance(), "ProvideEmployeeLiabilityInformation"));

		// then
		assertThat(taskService().getVariableLocal(task.getId(), TaskReminder.REMINDED_AT)).isEqualTo(london(2026, 9, 1));
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT)).isEqualTo(london(2026, 9, 3));
		assertThat(taskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
				.containsExactlyInAnyOrder("hr", "programme-managers");
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ProvideEmployeeLiabilityInformation");
	}

	@Test
	void withoutMeasuresThereIsNothingToConsultOn() {
		// given
		start(transfer("council", true, false, 200L, 150L));
		passLeadTime();

		// when
		informAndConsult(false);

		// then
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("InformationAndConsultationDone")
				.hasNotPassed("ConsultRepresentatives", "ConcludeTupeConsultation");
	}

	@Test
	void staffWithoutRepresentativesElectThemFirst() {
		// given no union and no representatives, 200 staff of whom 40 transfer
		start(transfer("council", false, false, 200L, 40L));
		passLeadTime();

		// when
		programme.complete("ProvideTransfereeMeasures", "measuresEnvisaged", true,
				"measuresDescription", "New rota for the mobile library");
		inform(true);

		// then
		assertThat(programme.value("consultationRoute")).isEqualTo("elect-representatives");
		programme.complete("ArrangeRepresentativeElection", "representativesElectedDate", london(2026, 7, 20),
				"electedRepresentatives", "Two library assistants for the branch staff");
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ConsultRepresentatives");
	}

	@Test
	void smallEmployerWithoutRepresentativesConsultsStaffDirectly() {
		// given no union and no representatives, 30 staff
		start(transfer("council", false, false, 30L, 30L));
		passLeadTime();

		// when
		programme.complete("ProvideTransfereeMeasures", "measuresEnvisaged", true,
				"measuresDescription", "New rota for the mobile library");
		inform(true);

		// then
		assertThat(programme.value("consultationRoute")).isEqualTo("consult-directly");
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ConsultRepresentatives")
				.hasNotPassed("ArrangeRepresentativeElection");
	}

	@Test
	void consultationIsSentBackWithComments() {
		// given
		start(transfer("council", true, false, 200L, 150L));
		passLeadTime();
		informAndConsult(true);

		// when
		programme.decide("ConcludeTupeConsultation", "sendBack", "Answer the union's point on the rota");

		// then
		assertThat(programme.taskVariable("ConsultRepresentatives", "decisionReason"))
				.isEqualTo("Answer the union's point on the rota");
	}

	@Test
	void hrCannotStopTheProgrammeAtG8() {
		// given
		start(transfer("council", true, false, 200L, 150L));
		passLeadTime();
		informAndConsult(true);

		// when / then only the decision-makers stop a programme
		assertThatThrownBy(() -> programme.decide("ConcludeTupeConsultation", "reject", "No agreement"))
				.isInstanceOf(AuthorizationException.class);
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ConcludeTupeConsultation");
	}

	@Test
	void nhsStaffGetNhsPensionSchemeAccess() {
		// given
		start(transfer("nhs-trust", true, false, 200L, 150L));
		passLeadTime();

		// when
		arrangeNhsPensionAccess();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ApprovePensionArrangements")
				.hasNotPassed("SecureLgpsAdmission");
	}

	@Test
	void jointServiceArrangesBothSchemesBeforeFinanceDecides() {
		// given
		start(transfer("joint", true, false, 200L, 150L));
		passLeadTime();

		// when
		secureLgpsAdmission();

		// then finance waits for the NHS arrangements too
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ArrangeNhsPensionAccess")
				.isNotWaitingAt("ApprovePensionArrangements");
		arrangeNhsPensionAccess();
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ApprovePensionArrangements");
	}

	@Test
	void financeSendsThePensionArrangementsBack() {
		// given
		start(transfer("council", true, false, 200L, 150L));
		passLeadTime();
		secureLgpsAdmission();

		// when
		programme.decide("ApprovePensionArrangements", "sendBack", "The bond is too low");

		// then
		assertThat(programme.taskVariable("SecureLgpsAdmission", "decisionReason")).isEqualTo("The bond is too low");
	}

	@Test
	void financeCannotStopTheProgrammeAtG9() {
		// given
		start(transfer("council", true, false, 200L, 150L));
		passLeadTime();
		secureLgpsAdmission();

		// when / then only the decision-makers stop a programme
		assertThatThrownBy(() -> programme.decide("ApprovePensionArrangements", "reject", "Not affordable"))
				.isInstanceOf(AuthorizationException.class);
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ApprovePensionArrangements");
	}

	@Test
	void everyUserTaskCarriesTheReminderAndEscalation() {
		JourneyTimers.assertEveryUserTaskRemindsAndEscalates("staff-transfer", 9);
	}

	// ---------------------------------------------------------------- the way through

	private static Map<String, Object> transfer(String parentBodyType, boolean recognisedUnion,
			boolean representativesPresent, long staffCount, long transferringStaffCount) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-5");
		variables.put("nation", "england-wales");
		variables.put("parentBodyType", parentBodyType);
		variables.put("recognisedUnion", recognisedUnion);
		variables.put("representativesPresent", representativesPresent);
		variables.put("staffCount", staffCount);
		variables.put("transferringStaffCount", transferringStaffCount);
		variables.put("targetTransferDate", TRANSFER_DATE);
		return variables;
	}

	private void start(Map<String, Object> variables) {
		programme = JourneyInstance.start("staff-transfer", "SO-2026-5", variables);
	}

	private void passLeadTime() {
		fire(timerEvent(programme.instance(), "TupeInformationLeadTimeReached"));
	}

	private void inform(boolean measuresEnvisaged) {
		programme.complete("InformAffectedStaff", "staffInformedDate", london(2026, 7, 6),
				"staffInformationLink", "https://example.org/tupe-letter", "measuresEnvisaged", measuresEnvisaged);
	}

	private void informAndConsult(boolean measuresEnvisaged) {
		programme.complete("ProvideTransfereeMeasures", "measuresEnvisaged", measuresEnvisaged,
				"measuresDescription", measuresEnvisaged ? "New rota for the mobile library" : null);
		inform(measuresEnvisaged);
		if (measuresEnvisaged) {
			programme.complete("ConsultRepresentatives", "consultationStartDate", london(2026, 7, 13),
					"consultationMeetings", 3L, "consultationSummary", "The union asked for a later start; agreed.");
		}
	}

	private void provideEmployeeLiabilityInformation() {
		programme.complete("ProvideEmployeeLiabilityInformation",
				"employeeLiabilityInformationSentDate", london(2026, 8, 20),
				"employeeLiabilityInformationEmployees", 150L, "employeeLiabilityInformationUpdated", true);
	}

	private void secureLgpsAdmission() {
		programme.complete("SecureLgpsAdmission", "councilPensionRoute", "lgps-admission",
				"actuarialAssessmentDate", london(2026, 8, 1), "pensionBondRequired", true, "pensionBondAmount", 250_000L,
				"pensionAgreementLink", "https://example.org/admission-agreement");
	}

	private void arrangeNhsPensionAccess() {
		programme.complete("ArrangeNhsPensionAccess", "nhsPensionAccessRoute", "direction",
				"nhsPensionApplicationDate", london(2026, 7, 10), "nhsPensionAccessConfirmed", true);
	}
}
