package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
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

/** Phase 6, go-live: asset transfer, CQC registration (gate G10), ICO fee, data and IT, go-live, monitoring. */
@Deployment(resources = {"processes/go-live.bpmn", "forms/plan-go-live.form", "forms/register-with-ico.form",
		"forms/migrate-data-and-it.form", "forms/apply-for-cqc-registration.form", "forms/confirm-cqc-registration.form",
		"forms/transfer-assets.form", "forms/obtain-disposal-consent.form", "forms/confirm-go-live.form",
		"forms/set-up-contract-monitoring.form"})
class GoLiveProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 March 2026, mid-morning
	@RegisterExtension
	final JourneyClock clock = JourneyClock.at(engine, london(2026, 3, 2, 9, 30));

	@Test
	void serviceWithoutRegulatedActivityGoesLiveWithoutCqc() {
		// given
		ProcessInstance instance = start(false);

		// when
		complete(instance, "PlanGoLive", Map.of("goLiveDate", london(2026, 6, 1), "regulatedActivity", false));

		// then
		assertThat(instance).hasPassed("Gateway_RegulatedActivity", "Gateway_CqcDone")
				.hasNotPassed("ApplyForCqcRegistration")
				.isWaitingAt("RegisterWithIco", "TransferAssets");

		// when
		completeIcoAndMigration(instance);
		transferAssets(instance, false, 0);
		complete(instance, "ConfirmGoLive", Map.of("readinessConfirmed", true, "goLiveDate", london(2026, 6, 1)));
		complete(instance, "SetUpContractMonitoring", Map.of("contractManager", "A. Commissioner", "kpiCount", 6L,
				"reportingFrequency", "quarterly", "firstReportDue", london(2026, 9, 30)));

		// then
		assertThat(instance).isEnded().hasPassed("EndEvent_Live").hasNotPassed("ObtainDisposalConsent");
	}

	@Test
	void icoRenewalFallsDueTwelveMonthsAfterRegistration() {
		// given
		ProcessInstance instance = startAndPlan(false, false);

		// when
		complete(instance, "RegisterWithIco", Map.of("icoRegistrationNumber", "ZB123456",
				"icoRegistrationDate", london(2026, 3, 10), "icoFeeTier", "tier-2"));

		// then the fee is renewed by the end of 10 March 2027
		assertThat(runtimeService().getVariable(instance.getId(), "icoRenewalDue"))
				.isEqualTo(london(2027, 3, 11, 0, 0));
		assertThat(instance).isWaitingAt("MigrateDataAndIt", "TransferAssets");
	}

	@Test
	void healthCareServiceRegistersWithCqcWithinTenWeeks() {
		// given
		ProcessInstance instance = startAndPlan(true, false);
		assertThat(instance).isWaitingAt("ApplyForCqcRegistration", "RegisterWithIco", "TransferAssets");

		// when
		applyForCqc(instance, london(2026, 3, 9));

		// then the decision is due 10 weeks after the application, and reminds two working days before
		Task gate = task(instance, "ConfirmCqcRegistration");
		assertThat(gate.getDueDate()).isEqualTo(london(2026, 5, 19, 0, 0));
		assertThat(groups(gate)).containsExactly("commissioners");
		assertThat(timers(instance, "ConfirmCqcRegistration")).extracting(Job::getDuedate)
				.containsExactly(london(2026, 5, 15, 0, 0), london(2026, 5, 19, 0, 0));

		// when
		decide(instance, "ConfirmCqcRegistration", "approve", null, Map.of("cqcProviderId", "1-1234567890",
				"cqcRegistrationDate", london(2026, 5, 12)));
		completeIcoAndMigration(instance);
		transferAssets(instance, false, 0);

		// then
		assertThat(instance).hasPassed("Gateway_CqcDone").isWaitingAt("ConfirmGoLive");
	}

	@Test
	void regulatedActivityFlagAloneNeedsCqcRegistration() {
		// given / when
		ProcessInstance instance = startAndPlan(false, true);

		// then
		assertThat(instance).isWaitingAt("ApplyForCqcRegistration").hasNotPassed("Gateway_CqcDone");
	}

	@Test
	void sentBackRegistrationReturnsToTheShadowBoardWithComments() {
		// given
		ProcessInstance instance = startAndPlan(true, false);
		applyForCqc(instance, london(2026, 3, 9));

		// when
		decide(instance, "ConfirmCqcRegistration", "sendBack", "CQC issued a notice of proposal: answer it within 28 days",
				Map.of());

		// then
		assertThat(instance).isWaitingAt("ApplyForCqcRegistration").hasNotPassed("Gateway_CqcDone");
		assertThat(runtimeService().getVariable(instance.getId(), "decisionReason"))
				.isEqualTo("CQC issued a notice of proposal: answer it within 28 days");

		// when
		applyForCqc(instance, london(2026, 4, 20));

		// then the new application restarts the 10 weeks
		assertThat(task(instance, "ConfirmCqcRegistration").getDueDate())
				.isEqualTo(london(2026, 6, 30, 0, 0));
	}

	@Test
	void commissionersCannotStopTheProgramme() {
		// given
		ProcessInstance instance = startAndPlan(true, false);
		applyForCqc(instance, london(2026, 3, 9));

		// when / then only the decision-makers stop a programme
		assertThatThrownBy(() -> decide(instance, "ConfirmCqcRegistration", "reject", "CQC refused registration",
				Map.of())).isInstanceOf(AuthorizationException.class);
		assertThat(instance).isWaitingAt("ConfirmCqcRegistration");
	}

	@Test
	void disposalAtAnUndervalueOverTwoMillionNeedsSecretaryOfStateConsent() {
		// given
		ProcessInstance instance = startAndPlan(false, false);

		// when
		transferAssets(instance, true, 2_500_000L);

		// then
		assertThat(instance).isWaitingAt("ObtainDisposalConsent").hasNotPassed("Gateway_AssetsTransferred");
		assertThat(groups(task(instance, "ObtainDisposalConsent"))).containsExactly("legal");

		// when
		complete(instance, "ObtainDisposalConsent", Map.of("disposalConsentAppliedDate", london(2026, 4, 1),
				"disposalConsentDate", london(2026, 5, 1), "disposalConsentReference", "GDC-2026-14"));
		completeIcoAndMigration(instance);

		// then
		assertThat(instance).hasPassed("Gateway_AssetsTransferred").isWaitingAt("ConfirmGoLive");
	}

	@Test
	void undervalueOfExactlyTwoMillionIsCoveredByTheGeneralConsent() {
		// given
		ProcessInstance instance = startAndPlan(false, false);

		// when
		transferAssets(instance, true, 2_000_000L);

		// then
		assertThat(instance).hasPassed("Gateway_AssetsTransferred").hasNotPassed("ObtainDisposalConsent");
	}

	@Test
	void overdueTaskIsRemindedThenEscalatedToTheProgrammeOffice() {
		// given the plan is due at the end of Monday 16 March, ten working days on
		ProcessInstance instance = start(false);
		Task plan = task(instance, "PlanGoLive");
		assertThat(plan.getDueDate()).isEqualTo(london(2026, 3, 17, 0, 0));
		List<Job> timers = timers(instance, "PlanGoLive");
		assertThat(timers).extracting(Job::getDuedate)
				.containsExactly(london(2026, 3, 13, 0, 0), london(2026, 3, 17, 0, 0));

		// when
		ClockUtil.setCurrentTime(timers.get(0).getDuedate());
		execute(timers.get(0));

		// then
		assertThat(taskService().getVariableLocal(plan.getId(), TaskReminder.REMINDED_AT)).isNotNull();
		assertThat(groups(plan)).containsExactly("programme-managers");

		// when
		ClockUtil.setCurrentTime(timers.get(1).getDuedate());
		execute(timers.get(1));

		// then
		Task escalated = task(instance, "PlanGoLive");
		assertThat(taskService().getVariableLocal(plan.getId(), TaskEscalation.ESCALATED_AT))
				.isEqualTo(london(2026, 3, 17, 0, 0));
		assertThat(escalated.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
		assertThat(instance).isWaitingAt("PlanGoLive");
	}

	@Test
	void gateEscalatesToTheProgrammeOfficeWhenTheCqcDecisionIsLate() {
		// given
		ProcessInstance instance = startAndPlan(true, false);
		applyForCqc(instance, london(2026, 3, 9));
		Job escalation = timers(instance, "ConfirmCqcRegistration").get(1);

		// when
		ClockUtil.setCurrentTime(escalation.getDuedate());
		execute(escalation);

		// then
		Task gate = task(instance, "ConfirmCqcRegistration");
		assertThat(groups(gate)).containsExactlyInAnyOrder("commissioners", "programme-managers");
		assertThat(instance).isWaitingAt("ConfirmCqcRegistration");
	}

	private static ProcessInstance start(boolean healthCare) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-7");
		variables.put("programmeName", "Riverside community health");
		variables.put("nation", "england-wales");
		variables.put("healthCare", healthCare);
		return runtimeService().startProcessInstanceByKey("go-live", "SO-2026-7", variables);
	}

	private static ProcessInstance startAndPlan(boolean healthCare, boolean regulatedActivity) {
		ProcessInstance instance = start(healthCare);
		complete(instance, "PlanGoLive", Map.of("goLiveDate", london(2026, 6, 1), "regulatedActivity", regulatedActivity));
		return instance;
	}

	private static void applyForCqc(ProcessInstance instance, Date applied) {
		complete(instance, "ApplyForCqcRegistration", Map.of("regulatedActivities", List.of("treatment"),
				"registeredManagerName", "J. Manager", "cqcApplicationDate", applied));
	}

	private static void completeIcoAndMigration(ProcessInstance instance) {
		complete(instance, "RegisterWithIco", Map.of("icoRegistrationNumber", "ZA123456",
				"icoRegistrationDate", london(2026, 3, 10), "icoFeeTier", "tier-1"));
		complete(instance, "MigrateDataAndIt", Map.of("dataSharingAgreementSigned", true, "dpiaCompleted", true,
				"itCutoverDate", london(2026, 5, 29)));
	}

	private static void transferAssets(ProcessInstance instance, boolean atUndervalue, long undervalue) {
		complete(instance, "TransferAssets", Map.of("assetsSummary", "Two clinics on 25-year leases", "leasesCount", 2L,
				"assetTransferDate", london(2026, 5, 31), "disposalAtUndervalue", atUndervalue, "undervalueAmount", undervalue));
	}

	private static void decide(ProcessInstance instance, String gate, String decision, String reason,
			Map<String, Object> more) {
		Map<String, Object> variables = new HashMap<>(more);
		variables.put("decision", decision);
		variables.put("decisionReason", reason);
		complete(instance, gate, variables);
	}
}
