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

import java.time.LocalDate;
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

/**
 * Phase 4, contract and procurement: the regime (gate G6), the award route (gate G7) with its term
 * limit, each route's notices and standstill, negotiation in parallel, and signing after the standstill.
 */
@Deployment(resources = {"processes/contract-procurement.bpmn", "processes/procurement-regime.dmn",
		"processes/award-route-limits.dmn", "forms/write-service-specification.form",
		"forms/confirm-procurement-regime.form", "forms/choose-award-route.form", "forms/approve-award-route.form",
		"forms/publish-transparency-notice.form", "forms/publish-award-notice.form", "forms/publish-veat-notice.form",
		"forms/publish-intention-notice.form", "forms/consider-representations.form",
		"forms/negotiate-contract-terms.form", "forms/sign-contract.form"})
class ContractProcurementProcessTest {

	private static final LocalDate UNDER_THE_ACT = LocalDate.of(2026, 1, 5);
	private static final LocalDate UNDER_THE_REGULATIONS = LocalDate.of(2024, 11, 4);

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 February 2026, mid-morning
	@RegisterExtension
	final JourneyClock clock = JourneyClock.at(engine, london(2026, 2, 2, 9, 30));

	@Test
	void reservedContractUnderTheActIsSignedAfterEightWorkingDays() {
		// given
		ProcessInstance instance = routeApproved("council", false, UNDER_THE_ACT, "pa-reserved", 5L);
		assertThat(runtimeService().getVariable(instance.getId(), "procurementRegime")).isEqualTo("PA2023");
		assertThat(instance).isWaitingAt("PublishAwardNotice", "NegotiateContractTerms");

		// when the award notice is published on Thursday 5 March 2026 and the terms are agreed
		publish(instance, "PublishAwardNotice", london(2026, 3, 5));
		negotiate(instance);

		// then the contract cannot be signed before the standstill ends at the end of Tuesday 17 March
		assertThat(instance).isWaitingAt("Timer_StandstillEnded").hasNotPassed("SignContract");
		assertThat(standstill(instance).getDuedate()).isEqualTo(london(2026, 3, 18, 0, 0));

		// when
		endStandstill(instance);

		// then
		assertThat(instance).isWaitingAt("SignContract");
		assertThat(groups(task(instance, "SignContract"))).containsExactly("commissioners");

		// when
		sign(instance, london(2026, 4, 1));

		// then the term and the reservation end five years on, at the start of 1 April 2031
		assertThat(instance).isEnded().hasPassed("EndEvent_ContractSigned").hasNotPassed("ConsiderRepresentations");
		assertThat(historicVariable(instance, "contractStartDate")).isEqualTo(london(2026, 4, 1));
		assertThat(historicVariable(instance, "reservedContractEnd")).isEqualTo(london(2031, 4, 1, 0, 0));
		assertThat(historicVariable(instance, "contractEndDate")).isEqualTo(london(2031, 4, 1, 0, 0));
	}

	@Test
	void reservedContractUnderTheRegulationsWaitsUntilMidnightAtTheEndOfDayTen() {
		// given
		ProcessInstance instance = routeApproved("council", false, UNDER_THE_REGULATIONS, "pcr-reserved", 3L);
		assertThat(runtimeService().getVariable(instance.getId(), "procurementRegime")).isEqualTo("PCR2015");

		// when
		publish(instance, "PublishAwardNotice", london(2026, 3, 5));

		// then 10 calendar days: midnight at the end of Sunday 15 March
		assertThat(standstill(instance).getDuedate()).isEqualTo(london(2026, 3, 16, 0, 0));

		// when
		negotiate(instance);
		endStandstill(instance);
		sign(instance, london(2026, 4, 1));

		// then the reservation allows three years: it ends as 1 April 2029 begins
		assertThat(historicVariable(instance, "reservedContractEnd")).isEqualTo(london(2029, 4, 1, 0, 0));
	}

	@Test
	void lightTouchCompetitionHasTheRegulationsStandstillAndNoReservation() {
		// given
		ProcessInstance instance = routeApproved("council", false, UNDER_THE_REGULATIONS, "pcr-light-touch", 7L);

		// when
		publish(instance, "PublishAwardNotice", london(2026, 3, 5));

		// then
		assertThat(standstill(instance).getDuedate()).isEqualTo(london(2026, 3, 16, 0, 0));

		// when
		negotiate(instance);
		endStandstill(instance);
		sign(instance, london(2026, 4, 1));

		// then
		assertThat(historicVariable(instance, "reservedContractEnd")).isNull();
		assertThat(historicVariable(instance, "contractEndDate")).isEqualTo(london(2033, 4, 1, 0, 0));
	}

	@Test
	void directAwardUnderTheRegulationsWaitsTenDaysAfterTheVeatNotice() {
		// given
		ProcessInstance instance = routeApproved("council", false, UNDER_THE_REGULATIONS, "pcr-direct-award", 5L);
		assertThat(instance).isWaitingAt("PublishVeatNotice");

		// when
		publish(instance, "PublishVeatNotice", london(2026, 3, 5));

		// then
		assertThat(standstill(instance).getDuedate()).isEqualTo(london(2026, 3, 16, 0, 0));
		assertThat(instance).hasNotPassed("PublishAwardNotice");
	}

	@Test
	void directAwardUnderTheActPublishesTransparencyThenAwardNoticeAndSkipsEaster() {
		// given
		ProcessInstance instance = routeApproved("council", false, UNDER_THE_ACT, "pa-direct-award", 5L);
		assertThat(instance).isWaitingAt("PublishTransparencyNotice");

		// when
		complete(instance, "PublishTransparencyNotice", Map.of("transparencyNoticeDate", london(2026, 3, 12),
				"transparencyNoticeReference", "2026/S 000-001234"));
		publish(instance, "PublishAwardNotice", london(2026, 3, 26));

		// then 8 working days from Thursday 26 March skip Good Friday and Easter Monday
		assertThat(standstill(instance).getDuedate()).isEqualTo(london(2026, 4, 10, 0, 0));
	}

	@Test
	void providerSelectionRegimeWithoutRepresentationsSignsAfterTheWindow() {
		// given
		ProcessInstance instance = routeApproved("icb", true, UNDER_THE_ACT, "psr", 5L);
		assertThat(runtimeService().getVariable(instance.getId(), "procurementRegime")).isEqualTo("PSR");

		// when
		publish(instance, "PublishIntentionNotice", london(2026, 3, 5));

		// then representations run to midnight at the end of the 8th working day
		assertThat(standstill(instance).getDuedate()).isEqualTo(london(2026, 3, 18, 0, 0));

		// when
		endStandstill(instance);
		complete(instance, "ConsiderRepresentations", Map.of("representationsReceived", false));
		negotiate(instance);

		// then
		assertThat(instance).isWaitingAt("SignContract").hasNotPassed("Timer_ReviewStandstillEnded");
	}

	@Test
	void providerSelectionRegimeWaitsFiveMoreWorkingDaysAfterAReview() {
		// given
		ProcessInstance instance = routeApproved("icb", true, UNDER_THE_ACT, "psr", 5L);
		publish(instance, "PublishIntentionNotice", london(2026, 3, 5));
		endStandstill(instance);

		// when the decision after review is communicated on Friday 20 March
		complete(instance, "ConsiderRepresentations", Map.of("representationsReceived", true,
				"reviewDecisionDate", london(2026, 3, 20), "reviewSummary", "One provider asked for the scores; award confirmed."));

		// then the contract may be signed after the end of Friday 27 March
		Job review = managementService().createJobQuery().processInstanceId(instance.getId())
				.activityId("Timer_ReviewStandstillEnded").singleResult();
		assertThat(review.getDuedate()).isEqualTo(london(2026, 3, 28, 0, 0));

		// when
		negotiate(instance);
		ClockUtil.setCurrentTime(review.getDuedate());
		execute(review);

		// then
		assertThat(instance).isWaitingAt("SignContract");
	}

	@Test
	void inHouseCompanyNeedsNoNoticeAndNoStandstill() {
		// given / when
		ProcessInstance instance = routeApproved("council", false, UNDER_THE_REGULATIONS, "teckal", 10L);

		// then only the negotiation is left before signing
		assertThat(instance).isWaitingAt("NegotiateContractTerms").hasPassed("Gateway_StandstillOver")
				.hasNotPassed("Timer_StandstillEnded");

		// when
		negotiate(instance);

		// then
		assertThat(instance).isWaitingAt("SignContract");
	}

	@Test
	void termLongerThanTheRouteAllowsGoesBackToProcurement() {
		// given
		ProcessInstance instance = regimeConfirmed("council", false, UNDER_THE_REGULATIONS);

		// when a reserved contract under the regulations is proposed for five years
		chooseRoute(instance, "pcr-reserved", 5L);

		// then
		assertThat(instance).isWaitingAt("ChooseAwardRoute").hasNotPassed("ApproveAwardRoute");
		assertThat(runtimeService().getVariable(instance.getId(), "termWithinLimit")).isEqualTo(false);
		assertThat(runtimeService().getVariable(instance.getId(), "maxTermYears")).isEqualTo(3);

		// when
		chooseRoute(instance, "pcr-reserved", 3L);

		// then
		assertThat(instance).isWaitingAt("ApproveAwardRoute");
	}

	@Test
	void routeOfAnotherRegimeGoesBackToProcurement() {
		// given the Procurement Act 2023 applies
		ProcessInstance instance = regimeConfirmed("council", false, UNDER_THE_ACT);

		// when a reserved contract under the regulations is proposed
		chooseRoute(instance, "pcr-reserved", 3L);

		// then
		assertThat(instance).isWaitingAt("ChooseAwardRoute").hasNotPassed("ApproveAwardRoute");
		assertThat(runtimeService().getVariable(instance.getId(), "routeFitsRegime")).isEqualTo(false);
	}

	@Test
	void procurementSendsTheSpecificationBackToTheCommissioners() {
		// given
		ProcessInstance instance = start("council");
		specify(instance, false, UNDER_THE_ACT);

		// when
		decide(instance, "ConfirmProcurementRegime", "sendBack", "The service includes community nursing: is it health care?");

		// then
		assertThat(instance).isWaitingAt("WriteServiceSpecification");
		assertThat(runtimeService().getVariable(instance.getId(), "decisionReason"))
				.isEqualTo("The service includes community nursing: is it health care?");

		// when
		specify(instance, true, UNDER_THE_ACT);

		// then
		assertThat(runtimeService().getVariable(instance.getId(), "procurementRegime")).isEqualTo("PSR");
	}

	@Test
	void procurementCannotStopTheProgramme() {
		// given
		ProcessInstance instance = start("council");
		specify(instance, false, UNDER_THE_ACT);

		// when / then only the decision-makers stop a programme
		assertThatThrownBy(() -> decide(instance, "ConfirmProcurementRegime", "reject", "Recommission it instead"))
				.isInstanceOf(AuthorizationException.class);
		assertThat(instance).isWaitingAt("ConfirmProcurementRegime");
	}

	@Test
	void commissionersSendTheAwardRouteBack() {
		// given
		ProcessInstance instance = regimeConfirmed("council", false, UNDER_THE_ACT);
		chooseRoute(instance, "pa-direct-award", 5L);

		// when
		decide(instance, "ApproveAwardRoute", "sendBack", "Use a reserved contract: the mutual qualifies");

		// then
		assertThat(instance).isWaitingAt("ChooseAwardRoute");

		// when
		chooseRoute(instance, "pa-reserved", 5L);

		// then
		assertThat(instance).isWaitingAt("ApproveAwardRoute");
	}

	@Test
	void commissionersCannotStopTheProgramme() {
		// given
		ProcessInstance instance = regimeConfirmed("council", false, UNDER_THE_ACT);
		chooseRoute(instance, "pa-reserved", 5L);

		// when / then only the decision-makers stop a programme
		assertThatThrownBy(() -> decide(instance, "ApproveAwardRoute", "reject", "No route fits"))
				.isInstanceOf(AuthorizationException.class);
		assertThat(instance).isWaitingAt("ApproveAwardRoute");
	}

	@Test
	void overdueGateIsRemindedThenEscalatedToTheProgrammeOffice() {
		// given the gate is due ten working days after Monday 2 February
		ProcessInstance instance = regimeConfirmed("council", false, UNDER_THE_ACT);
		chooseRoute(instance, "pa-reserved", 5L);
		Task gate = task(instance, "ApproveAwardRoute");
		assertThat(gate.getDueDate()).isEqualTo(london(2026, 2, 17, 0, 0));
		List<Job> timers = timers(instance, "ApproveAwardRoute");
		assertThat(timers).extracting(Job::getDuedate)
				.containsExactly(london(2026, 2, 13, 0, 0), london(2026, 2, 17, 0, 0));

		// when
		ClockUtil.setCurrentTime(timers.get(0).getDuedate());
		execute(timers.get(0));
		ClockUtil.setCurrentTime(timers.get(1).getDuedate());
		execute(timers.get(1));

		// then
		assertThat(taskService().getVariableLocal(gate.getId(), TaskReminder.REMINDED_AT)).isNotNull();
		assertThat(groups(gate)).containsExactlyInAnyOrder("commissioners", "programme-managers");
		assertThat(task(instance, "ApproveAwardRoute").getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
		assertThat(instance).isWaitingAt("ApproveAwardRoute");
	}

	private static ProcessInstance start(String parentBodyType) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-4");
		variables.put("programmeName", "Community health mutual");
		variables.put("nation", "england-wales");
		variables.put("parentBodyType", parentBodyType);
		variables.put("healthCare", false);
		return runtimeService().startProcessInstanceByKey("contract-procurement", "SO-2026-4", variables);
	}

	private static ProcessInstance regimeConfirmed(String parentBodyType, boolean healthCare, LocalDate procurementStart) {
		ProcessInstance instance = start(parentBodyType);
		specify(instance, healthCare, procurementStart);
		decide(instance, "ConfirmProcurementRegime", "approve", null);
		return instance;
	}

	private static ProcessInstance routeApproved(String parentBodyType, boolean healthCare, LocalDate procurementStart,
			String route, long years) {
		ProcessInstance instance = regimeConfirmed(parentBodyType, healthCare, procurementStart);
		chooseRoute(instance, route, years);
		decide(instance, "ApproveAwardRoute", "approve", null);
		return instance;
	}

	private static void specify(ProcessInstance instance, boolean healthCare, LocalDate procurementStart) {
		complete(instance, "WriteServiceSpecification", Map.of("serviceSpecificationSummary",
				"Community services for adults, with quarterly outcome reports.", "procurementStartDate",
				london(procurementStart), "healthCare", healthCare, "estimatedAnnualValue", 4_200_000L));
	}

	private static void chooseRoute(ProcessInstance instance, String route, long years) {
		complete(instance, "ChooseAwardRoute", Map.of("awardRoute", route, "contractTermYears", years,
				"routeJustification", "The mutual is staff-controlled and reinvests its profits."));
	}

	private static void publish(ProcessInstance instance, String noticeTask, Date published) {
		complete(instance, noticeTask, Map.of("noticeDate", published, "noticeReference", "2026/S 000-004321"));
	}

	private static void negotiate(ProcessInstance instance) {
		complete(instance, "NegotiateContractTerms", Map.of("agreedAnnualValue", 4_100_000L, "kpiCount", 8L,
				"section75Agreement", false, "termsSummary", "Block contract with quarterly KPI reports and a break at year 3."));
	}

	private static void endStandstill(ProcessInstance instance) {
		Job standstill = standstill(instance);
		ClockUtil.setCurrentTime(standstill.getDuedate());
		execute(standstill);
	}

	private static void sign(ProcessInstance instance, Date start) {
		complete(instance, "SignContract", Map.of("contractSignedDate", london(2026, 3, 25), "contractStartDate", start));
	}

	private static void decide(ProcessInstance instance, String gate, String decision, String reason) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("decision", decision);
		variables.put("decisionReason", reason);
		complete(instance, gate, variables);
	}
	private static Job standstill(ProcessInstance instance) {
		return managementService().createJobQuery().processInstanceId(instance.getId())
				.activityId("Timer_StandstillEnded").singleResult();
	}

}
