package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.contract.Variables;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.EngineClockExtension;

/**
 * The delegates a programme runs at its start and when a gate rejects it: {@code checkTransferDate}
 * and {@code recordProgrammeStop}, through a called phase as in the real journey.
 */
@ClassDeployment(resources = "org/spinout/journey/programme-stop.bpmn")
class ProgrammeStopProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, WorkingDays.startOf(LocalDate.of(2025, 3, 3)));

	@Test
	void rejectionAtASecondGateRecordsThatGateOnTheProgramme() {
		// given
		ProcessInstance programme = start(Map.of());
		ProcessInstance phase = calledProcessInstance(programme);
		complete(task(phase), Map.of("decision", "approve"));

		// when
		complete(task(phase), Map.of("decision", "reject", "decisionReason", "No viable business plan"));

		// then
		BpmnAwareTests.assertThat(phase).isEnded().hasPassed("SecondStopped");
		BpmnAwareTests.assertThat(programme).isEnded().hasPassed("ProgrammeStopped");
		assertThat(historicVariables(programme)).containsEntry("programmeStatus", "stopped")
				.containsEntry("stopReason", "No viable business plan")
				.containsEntry("stoppedAt", "Approve the second thing");
	}

	@Test
	void rejectionAtTheFirstGateNamesTheFirstGate() {
		// given
		ProcessInstance programme = start(Map.of());

		// when
		complete(task(calledProcessInstance(programme)), Map.of("decision", "reject", "decisionReason", "Too soon"));

		// then
		assertThat(historicVariables(programme)).containsEntry("stoppedAt", "Approve the first thing")
				.containsEntry("stopReason", "Too soon");
	}

	@Test
	void aStopAlreadyRecordedIsKept() {
		// given a programme on which a stop was recorded by an earlier run of the listener
		ProcessInstance programme = start(Map.of("programmeStatus", "stopped", "stopReason", "First reason",
				"stoppedAt", "Earlier gate"));

		// when
		complete(task(calledProcessInstance(programme)), Map.of("decision", "reject", "decisionReason", "Second reason"));

		// then
		assertThat(historicVariables(programme)).containsEntry("stopReason", "First reason")
				.containsEntry("stoppedAt", "Earlier gate");
	}

	@Test
	void approvalAtEveryGateCompletesWithoutAStop() {
		// given
		ProcessInstance programme = start(Map.of());
		ProcessInstance phase = calledProcessInstance(programme);

		// when
		complete(task(phase), Map.of("decision", "approve"));
		complete(task(phase), Map.of("decision", "approve"));

		// then
		BpmnAwareTests.assertThat(programme).isEnded().hasPassed("ProgrammeCompleted");
		assertThat(historicVariables(programme)).doesNotContainKey("programmeStatus");
	}

	@Test
	void aTransferDateTooCloseForEmployeeLiabilityInformationIsFlagged() {
		// given 3 March 2025; information is due 28 clear days before the transfer date
		Date transfer = WorkingDays.startOf(LocalDate.of(2025, 3, 30));

		// when
		ProcessInstance programme = start(Map.of("targetTransferDate", transfer, "nation", "england-wales"));

		// then
		assertThat(runtimeService().getVariable(programme.getId(), Variables.TRANSFER_DATE_AT_RISK)).isEqualTo(true);
		assertThat((String) runtimeService().getVariable(programme.getId(), Variables.TRANSFER_DATE_RISK))
				.contains("Employee liability information (28 calendar-days before, TUPE 2006 reg 11)")
				.contains("TUPE information before consultation");
	}

	@Test
	void aTransferDateBeyondTheLeadTimeButInsideItsWindowNamesOnlyTheLeadTime() {
		// given 31 March is exactly 28 clear days after 3 March; the 90 day lead time is missed
		Date transfer = WorkingDays.startOf(LocalDate.of(2025, 3, 31));

		// when
		ProcessInstance programme = start(Map.of("targetTransferDate", transfer));

		// then
		assertThat(runtimeService().getVariable(programme.getId(), Variables.TRANSFER_DATE_AT_RISK)).isEqualTo(true);
		assertThat((String) runtimeService().getVariable(programme.getId(), Variables.TRANSFER_DATE_RISK))
				.doesNotContain("Employee liability information")
				.contains("TUPE information before consultation");
	}

	@Test
	void aTransferDateFarEnoughAwayIsNotFlagged() {
		// given 90 days before 1 June 2025 is 3 March 2025
		Date transfer = WorkingDays.startOf(LocalDate.of(2025, 6, 1));

		// when
		ProcessInstance programme = start(Map.of("targetTransferDate", transfer, "nation", "scotland"));

		// then
		assertThat(runtimeService().getVariable(programme.getId(), Variables.TRANSFER_DATE_AT_RISK)).isEqualTo(false);
		assertThat(runtimeService().getVariable(programme.getId(), Variables.TRANSFER_DATE_RISK)).isNull();
	}

	@Test
	void noTransferDateYetIsNotFlagged() {
		// given / when
		ProcessInstance programme = start(Map.of());

		// then
		assertThat(runtimeService().getVariable(programme.getId(), Variables.TRANSFER_DATE_AT_RISK)).isEqualTo(false);
	}

	private static ProcessInstance start(Map<String, Object> variables) {
		return runtimeService().startProcessInstanceByKey("programme-stop", new HashMap<>(variables));
	}

	private static Map<String, Object> historicVariables(ProcessInstance programme) {
		Map<String, Object> variables = new HashMap<>();
		BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(programme.getId())
				.list().forEach(variable -> variables.put(variable.getName(), variable.getValue()));
		return variables;
	}
}
