package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTasks.complete;
import static org.spinout.journey.JourneyTasks.groups;
import static org.spinout.journey.JourneyTasks.historicVariable;
import static org.spinout.journey.JourneyTasks.task;
import static org.spinout.journey.JourneyTasks.timers;
import static org.spinout.journey.JourneyTimers.london;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 3, legal formation: the legal form (gate G5), registration with its clock, the board and documents. */
@Deployment(resources = {"processes/legal-formation.bpmn", "processes/legal-form-conditions.dmn",
		"forms/recommend-legal-form.form", "forms/approve-legal-form.form", "forms/submit-registration.form",
		"forms/record-registration.form", "forms/chase-registration.form", "forms/appoint-board.form",
		"forms/adopt-governing-documents.form"})
class LegalFormationProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 March 2026, mid-morning
	@RegisterExtension
	final JourneyClock clock = JourneyClock.at(engine, london(2026, 3, 2, 9, 30));

	@Test
	void societyIsRegisteredWithTheFcaAndFormed() {
		// given
		ProcessInstance instance = start("england-wales");

		// when
		recommendSociety(instance, 3L);

		// then the conditions are met and the FCA is the registrar
		assertThat(instance).isWaitingAt("ApproveLegalForm").hasPassed("CheckLegalFormConditions");
		assertThat(runtimeService().getVariable(instance.getId(), "registrar")).isEqualTo("FCA");
		assertThat(runtimeService().getVariable(instance.getId(), "registrationClock")).isEqualTo("fca-registration");
		assertThat(groups(task(instance, "ApproveLegalForm"))).containsExactly("sponsors");

		// when
		decide(instance, "approve", null);
		submitRegistration(instance, london(2026, 3, 2));

		// then the registration is awaited, with a chase after 15 working days (Tuesday 24 March, 00:00)
		assertThat(instance).isWaitingAt("RecordRegistration");
		assertThat(registrationTimer(instance).getDuedate()).isEqualTo(london(2026, 3, 24, 0, 0));

		// when
		recordRegistration(instance);
		complete(instance, "AppointBoard", Map.of("chairName", "A. Chair", "boardMembersCount", 9L,
				"staffBoardMembersCount", 5L, "boardAppointedDate", london(2026, 4, 1)));
		complete(instance, "AdoptGoverningDocuments", Map.of("governingDocumentsAdoptedDate", london(2026, 4, 1),
				"governingDocumentsLocation", "Records/Board/2026-04-01", "assetLockConfirmed", true, "minutesFiled", true));

		// then
		assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationRecorded", "EndEvent_LegalEntityFormed")
				.hasNotPassed("ChaseRegistration");
	}

	@Test
	void communityInterestCompanyIsIncorporatedAtCompaniesHouse() {
		// given
		ProcessInstance instance = start("england-wales");

		// when
		complete(instance, "RecommendLegalForm", recommendation("community-interest-company", 1L, true, true));

		// then
		assertThat(instance).isWaitingAt("ApproveLegalForm");
		assertThat(runtimeService().getVariable(instance.getId(), "registrar")).isEqualTo("Companies House");
		assertThat(runtimeService().getVariable(instance.getId(), "registrationClock")).isEqualTo("cic-incorporation");

		// when
		decide(instance, "approve", null);
		submitRegistration(instance, london(2026, 3, 2));

		// then
		assertThat(registrationTimer(instance).getDuedate()).isEqualTo(london(2026, 3, 24, 0, 0));
	}

	@Test
	void companyLimitedByGuaranteeHasNoServiceStandardToChase() {
		// given
		ProcessInstance instance = start("england-wales");
		complete(instance, "RecommendLegalForm", recommendation("company-limited-by-guarantee", 1L, false, false));
		decide(instance, "approve", null);

		// when
		submitRegistration(instance, london(2026, 3, 2));

		// then
		assertThat(instance).isWaitingAt("RecordRegistration").hasPassed("EndEvent_NoServiceStandard");
		assertThat(registrationTimer(instance)).isNull();

		// when
		complete(instance, "RecordRegistration", Map.of("companyNumber", "12345678", "registeredName",
				"Libraries Unlimited", "registrationDate", london(2026, 3, 3)));

		// then
		assertThat(instance).isWaitingAt("AppointBoard");
	}

	@Test
	void scottishBankHolidaysMoveTheRegistrationChase() {
		// given an application on Monday 29 December 2025 in Scotland (1 and 2 January are holidays)
		ClockUtil.setCurrentTime(london(2025, 12, 1, 9, 0));
		ProcessInstance instance = start("scotland");
		recommendSociety(instance, 5L);
		decide(instance, "approve", null);

		// when
		submitRegistration(instance, london(2025, 12, 29));

		// then 15 working days: 30, 31 December, 5 to 9, 12 to 16, 19 to 21 January
		assertThat(registrationTimer(instance).getDuedate()).isEqualTo(london(2026, 1, 22, 0, 0));
	}

	@Test
	void recommendationThatMissesTheConditionsGoesBackWithTheReason() {
		// given
		ProcessInstance instance = start("england-wales");

		// when a society is recommended with two members
		recommendSociety(instance, 2L);

		// then
		assertThat(instance).isWaitingAt("RecommendLegalForm").hasNotPassed("ApproveLegalForm");
		assertThat((String) runtimeService().getVariable(instance.getId(), "legalFormConditionReason"))
				.contains("at least 3 members");

		// when
		recommendSociety(instance, 3L);

		// then
		assertThat(instance).isWaitingAt("ApproveLegalForm");
	}

	@Test
	void sponsorsSendTheRecommendationBackWithComments() {
		// given
		ProcessInstance instance = start("england-wales");
		recommendSociety(instance, 3L);

		// when
		decide(instance, "sendBack", "Compare with a company limited by guarantee");

		// then
		assertThat(instance).isWaitingAt("RecommendLegalForm");
		assertThat(runtimeService().getVariable(instance.getId(), "decisionReason"))
				.isEqualTo("Compare with a company limited by guarantee");

		// when legal services recommend again
		recommendSociety(instance, 4L);

		// then the sponsors decide afresh: the earlier answer is not prefilled on the gate
		Task gate = task(instance, "ApproveLegalForm");
		assertThat(taskService().getVariable(gate.getId(), "decision")).isNull();
		assertThat(taskService().getVariable(gate.getId(), "decisionReason")).isNull();
	}

	@Test
	void theSponsorsCannotStopTheProgramme() {
		// given
		ProcessInstance instance = start("england-wales");
		recommendSociety(instance, 3L);

		// when / then only the decision-makers stop a programme
		assertThatThrownBy(() -> decide(instance, "reject", "Keep the service in house"))
				.isInstanceOf(AuthorizationException.class);
		assertThat(instance).isWaitingAt("ApproveLegalForm");
	}

	@Test
	void lateRegistrationIsChasedWhileTheWaitContinues() {
		// given
		ProcessInstance instance = registrationSubmitted();
		Job timer = registrationTimer(instance);

		// when
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		// then
		assertThat(instance).isWaitingAt("RecordRegistration", "ChaseRegistration");
		assertThat(groups(task(instance, "ChaseRegistration"))).containsExactly("programme-managers");

		// when
		complete(instance, "ChaseRegistration", Map.of("registrarChasedOn", london(2026, 3, 24),
				"registrarChaseNotes", "The FCA asked for the signed rules; sent the same day."));

		// then
		assertThat(instance).hasPassed("EndEvent_RegistrarChased").isWaitingAt("RecordRegistration");

		// when
		recordRegistration(instance);

		// then
		assertThat(instance).isWaitingAt("AppointBoard");
	}

	@Test
	void recordingTheRegistrationWithdrawsAnOpenChase() {
		// given
		ProcessInstance instance = registrationSubmitted();
		Job timer = registrationTimer(instance);
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		// when
		recordRegistration(instance);

		// then
		assertThat(instance).isWaitingAt("AppointBoard").hasPassed("EndEvent_RegistrationRecorded");
		assertThat(task(instance, "ChaseRegistration")).isNull();
	}

	@Test
	void overdueRecommendationIsRemindedThenEscalated() {
		// given the recommendation is due after 15 working days, at the end of Monday 23 March
		ProcessInstance instance = start("england-wales");
		Task recommend = task(instance, "RecommendLegalForm");
		assertThat(recommend.getDueDate()).isEqualTo(london(2026, 3, 24, 0, 0));
		List<Job> timers = timers(instance, "RecommendLegalForm");
		assertThat(timers).extracting(Job::getDuedate)
				.containsExactly(london(2026, 3, 20, 0, 0), london(2026, 3, 24, 0, 0));

		// when
		ClockUtil.setCurrentTime(timers.get(0).getDuedate());
		execute(timers.get(0));
		ClockUtil.setCurrentTime(timers.get(1).getDuedate());
		execute(timers.get(1));

		// then
		assertThat(taskService().getVariableLocal(recommend.getId(), TaskReminder.REMINDED_AT))
				.isEqualTo(london(2026, 3, 20, 0, 0));
		assertThat(taskService().getVariableLocal(recommend.getId(), TaskEscalation.ESCALATED_AT))
				.isEqualTo(london(2026, 3, 24, 0, 0));
		assertThat(groups(recommend)).containsExactlyInAnyOrder("legal", "programme-managers");
		assertThat(instance).isWaitingAt("RecommendLegalForm");
	}

	private static ProcessInstance start(String nation) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-3");
		variables.put("programmeName", "Explore the libraries");
		variables.put("nation", nation);
		return runtimeService().startProcessInstanceByKey("legal-formation", "SO-2026-3", variables);
	}

	private static ProcessInstance registrationSubmitted() {
		ProcessInstance instance = start("england-wales");
		recommendSociety(instance, 3L);
		decide(instance, "approve", null);
		submitRegistration(instance, london(2026, 3, 2));
		return instance;
	}

	private static void recommendSociety(ProcessInstance instance, long members) {
		complete(instance, "RecommendLegalForm", recommendation("community-benefit-society", members, true, false));
	}

	private static Map<String, Object> recommendation(String legalForm, long members, boolean assetLock,
			boolean communityInterestStatement) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("legalForm", legalForm);
		variables.put("membersCount", members);
		variables.put("assetLock", assetLock);
		variables.put("communityBenefit", "community-benefit-society".equals(legalForm));
		variables.put("communityInterestStatement", communityInterestStatement);
		variables.put("staffControlPercent", 60.0);
		variables.put("recommendationSummary", "Staff and community ownership with an asset lock.");
		return variables;
	}

	private static void submitRegistration(ProcessInstance instance, Date sent) {
		complete(instance, "SubmitRegistration", Map.of("proposedName", "Explore Libraries Ltd",
				"registrationApplicationDate", sent));
	}

	private static void recordRegistration(ProcessInstance instance) {
		complete(instance, "RecordRegistration", Map.of("societyNumber", "31234R", "registeredName",
				"Explore Libraries Ltd", "registrationDate", london(2026, 3, 20)));
	}

	private static void decide(ProcessInstance instance, String decision, String reason) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("decision", decision);
		variables.put("decisionReason", reason);
		complete(instance, "ApproveLegalForm", variables);
	}
	private static Job registrationTimer(ProcessInstance instance) {
		return managementService().createJobQuery().processInstanceId(instance.getId())
				.activityId("Timer_RegistrationOverdue").singleResult();
	}

}
