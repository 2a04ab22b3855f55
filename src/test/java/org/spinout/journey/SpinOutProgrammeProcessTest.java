package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.escalation;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.reminder;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinout.engine.EngineClockExtension;

/**
 * The programme as a whole: the transfer date check, the phases in order and in parallel, and a
 * stop in any phase ending the programme. The phases are stubs with the real keys
 * ({@code phase-stubs.bpmn}), each waiting at one task that can reject as a gate does.
 */
@ClassDeployment(resources = {"processes/spin-out-programme.bpmn", "forms/start-programme.form",
		"forms/review-transfer-date-risk.form", "org/spinout/journey/phase-stubs.bpmn"})
class SpinOutProgrammeProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverageExcluding("business-case",
			"stakeholder-engagement", "spin-out-decision", "legal-formation", "contract-procurement", "staff-transfer",
			"go-live");

	// Monday 2 March 2026
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 0));

	private static final String REFERENCE = "SO-2026-7";

	private JourneyInstance programme;

	@Test
	void programmeRunsItsPhasesAndGoesLive() {
		// given a transfer date more than a year away
		start(london(2027, 4, 1));
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("BusinessCase").hasNotPassed("ReviewTransferDateRisk")
				.variables().containsEntry("programmeStatus", "active").containsEntry("transferDateAtRisk", false);

		// when
		finishPhase("business-case", "preferredOption", "public-service-mutual");
		finishPhase("stakeholder-engagement", "ownershipModel", "public-service-mutual");
		finishPhase("spin-out-decision", "annualContractValue", 2_400_000L);
		BpmnAwareTests.assertThat(programme.instance())
				.isWaitingAt("LegalFormation", "ContractProcurement", "StaffTransfer");
		finishPhase("legal-formation", "legalForm", "community-benefit-society");
		finishPhase("contract-procurement", "awardRoute", "pa-reserved");
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("StaffTransfer");
		finishPhase("staff-transfer", "tupeClaimsDeadline", london(2027, 7, 2));
		finishPhase("go-live", "goLiveDate", london(2027, 4, 1));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassedInOrder("BusinessCase",
				"StakeholderEngagement", "SpinOutDecision", "ParallelPhasesSplit", "ParallelPhasesJoined", "GoLive",
				"ProgrammeLive");
		assertThat(programme.value("programmeStatus")).isEqualTo("live");
		assertThat(programme.value("annualContractValue")).isEqualTo(2_400_000L);
		assertThat(programme.value("legalForm")).isEqualTo("community-benefit-society");
		assertThat(programme.value("goLiveDate")).isEqualTo(london(2027, 4, 1));
	}

	@Test
	void phasesGetTheProgrammeAndItsBusinessKey() {
		// given
		start(london(2027, 4, 1));

		// when
		ProcessInstance phase = calledProcessInstance("business-case", programme.instance());

		// then
		assertThat(phase.getBusinessKey()).isEqualTo(REFERENCE);
		assertThat(runtimeService().getVariable(phase.getId(), "programmeName")).isEqualTo("Riverside Libraries");
		assertThat(runtimeService().getVariable(phase.getId(), "targetTransferDate")).isEqualTo(london(2027, 4, 1));
	}

	@Test
	void laterPhasesSeeWhatEarlierPhasesHandBack() {
		// given
		start(london(2027, 4, 1));

		// when
		finishPhase("business-case", "serviceChanges", true);
		finishPhase("stakeholder-engagement", "representativesPresent", true, "equalityImpactSummary",
				"No group is worse off.");

		// then the final decision sees what the engagement found
		assertThat(runtimeService().getVariable(calledProcessInstance("spin-out-decision", programme.instance()).getId(),
				"equalityImpactSummary")).isEqualTo("No group is worse off.");

		// and the staff transfer sees the union engagement's answer, the procurement the business case's
		finishPhase("spin-out-decision", "annualContractValue", 900_000L);
		assertThat(runtimeService().getVariable(calledProcessInstance("staff-transfer", programme.instance()).getId(),
				"representativesPresent")).isEqualTo(true);
		assertThat(runtimeService().getVariable(calledProcessInstance("contract-procurement", programme.instance())
				.getId(), "serviceChanges")).isEqualTo(true);
	}

	@Test
	void transferDateTooCloseIsReviewedWithoutHoldingUpTheProgramme() {
		// given a transfer date only 60 days away, inside the 90-day TUPE lead time
		start(london(2026, 5, 1));

		// then the programme manager reviews the risk while the business case starts
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ReviewTransferDateRisk", "BusinessCase");
		assertThat(programme.taskVariable("ReviewTransferDateRisk", "transferDateRisk")).asString()
				.contains("TUPE information before consultation");

		// when the date is moved
		programme.complete("ReviewTransferDateRisk", "transferDateRiskResponse", "move",
				"targetTransferDate", london(2026, 10, 1), "transferDateRiskNotes", "Moved to give staff time.");

		// then later phases count from the new date
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("TransferDateRiskReviewed").isWaitingAt("BusinessCase");
		finishPhase("business-case", "preferredOption", "public-service-mutual");
		finishPhase("stakeholder-engagement", "ownershipModel", "public-service-mutual");
		finishPhase("spin-out-decision", "annualContractValue", 900_000L);
		assertThat(runtimeService().getVariable(calledProcessInstance("staff-transfer", programme.instance()).getId(),
				"targetTransferDate")).isEqualTo(london(2026, 10, 1));
	}

	@ParameterizedTest(name = "a gate in {0} stops the programme")
	@ValueSource(strings = {"business-case", "stakeholder-engagement", "spin-out-decision", "legal-formation",
			"contract-procurement", "staff-transfer", "go-live"})
	void rejectionInAnyPhaseStopsTheWholeProgramme(String phase) {
		// given
		start(london(2027, 4, 1));
		for (String earlier : new String[] {"business-case", "stakeholder-engagement", "spin-out-decision"}) {
			if (earlier.equals(phase)) {
				break;
			}
			finishPhase(earlier, "decision", "approve");
		}
		if (phase.equals("go-live")) {
			finishPhase("legal-formation", "decision", "approve");
			finishPhase("contract-procurement", "decision", "approve");
			finishPhase("staff-transfer", "decision", "approve");
		}

		// when
		finishPhase(phase, "decision", "reject", "decisionReason", "Not viable");

		// then every phase still running ends with the programme
		String callActivity = callActivityOf(phase);
		BpmnAwareTests.assertThat(programme.instance()).isEnded()
				.hasPassed(callActivity + "Stopped", "ProgrammeStoppedIn" + callActivity).hasNotPassed("ProgrammeLive");
		assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(REFERENCE).count()).isZero();
		assertThat(programme.value("programmeStatus")).isEqualTo("stopped");
		assertThat(programme.value("stopReason")).isEqualTo("Not viable");
	}

	@Test
	void riskReviewIsRemindedThenEscalated() {
		// given
		start(london(2026, 5, 1));
		Task task = programme.waitingTask("ReviewTransferDateRisk");

		// when
		fire(reminder(programme.instance(), "ReviewTransferDateRisk"));
		fire(escalation(programme.instance(), "ReviewTransferDateRisk"));

		// then the task is already the programme managers'; it is marked and raised
		assertThat(taskService().getVariableLocal(task.getId(), TaskReminder.REMINDED_AT)).isNotNull();
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT)).isEqualTo(task.getDueDate());
		assertThat(taskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
				.containsExactly("programme-managers");
		assertThat(task(task.getTaskDefinitionKey(), programme.instance()).getPriority())
				.isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
	}

	@Test
	void startFormIsDeployedWithTheProcess() {
		// given
		String definitionId = repositoryService().createProcessDefinitionQuery().processDefinitionKey("spin-out-programme")
				.singleResult().getId();

		// when / then
		assertThat(formService().getDeployedStartForm(definitionId)).isNotNull();
	}

	@Test
	void everyUserTaskCarriesTheReminderAndEscalation() {
		JourneyTimers.assertEveryUserTaskRemindsAndEscalates("spin-out-programme", 1);
	}

	// ---------------------------------------------------------------- the way through

	private void start(Date targetTransferDate) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", REFERENCE);
		variables.put("programmeName", "Riverside Libraries");
		variables.put("parentBody", "Riverside Council");
		variables.put("parentBodyType", "council");
		variables.put("nation", "england-wales");
		variables.put("serviceName", "Library and archive service");
		variables.put("healthCare", false);
		variables.put("staffCount", 120L);
		variables.put("transferringStaffCount", 110L);
		variables.put("targetTransferDate", targetTransferDate);
		programme = JourneyInstance.start("spin-out-programme", REFERENCE, variables);
	}

	/** Completes the stub of a running phase, handing back the given variables. */
	private void finishPhase(String processKey, Object... nameValuePairs) {
		ProcessInstance phase = calledProcessInstance(processKey, programme.instance());
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			variables.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
		}
		taskService().complete(task(phase).getId(), variables);
	}

	private static String callActivityOf(String processKey) {
		StringBuilder id = new StringBuilder();
		for (String word : processKey.split("-")) {
			id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		return id.toString();
	}
}
