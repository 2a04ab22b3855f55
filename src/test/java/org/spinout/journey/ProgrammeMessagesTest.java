package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.spinout.journey.JourneyTimers.london;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.contract.Messages;
import org.spinout.contract.Variables;
import org.spinout.engine.EngineClockExtension;

/**
 * Phases of one programme tell each other what happened, by messages to that programme's process
 * instances only: the new organisation's registration ({@link NewBodyRegistration}) and a moved transfer
 * date ({@link TransferDateMove}). Two programmes run side by side to show the other is left alone.
 */
class ProgrammeMessagesTest {

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 30));

	@BeforeEach
	void deployAProgrammeOfTwoPhases() {
		BpmnModelInstance programme = Bpmn.createExecutableProcess("programme").camundaHistoryTimeToLive(1)
				.startEvent().parallelGateway("Split")
				.callActivity("Formation").calledElement("formation").camundaIn("all", "all")
				.camundaInBusinessKey("#{execution.processBusinessKey}").endEvent()
				.moveToNode("Split")
				.callActivity("Contract").calledElement("contract").camundaIn("all", "all")
				.camundaInBusinessKey("#{execution.processBusinessKey}").endEvent()
				.done();
		BpmnModelInstance formation = Bpmn.createExecutableProcess("formation").camundaHistoryTimeToLive(1)
				.startEvent().userTask("Register")
				.serviceTask("Announce").camundaExpression("${newBodyRegistration.announce(execution)}")
				.userTask("MoveDate").serviceTask("ShareDate").camundaDelegateExpression("${transferDateMove}")
				.endEvent().done();
		BpmnModelInstance contract = Bpmn.createExecutableProcess("contract").camundaHistoryTimeToLive(1)
				.startEvent().userTask("Prepare")
				.serviceTask("LookUp").camundaExpression("${newBodyRegistration.lookUp(execution)}")
				.exclusiveGateway("Registered")
				.condition("yes", "${newBodyRegistered}").userTask("Sign").endEvent()
				.moveToLastGateway().condition("no", "${!newBodyRegistered}")
				.intermediateCatchEvent("AwaitRegistration").message(Messages.NEW_BODY_REGISTERED).connectTo("Sign")
				.done();
		engine.manageDeployment(repositoryService().createDeployment().addModelInstance("programme.bpmn", programme)
				.addModelInstance("formation.bpmn", formation).addModelInstance("contract.bpmn", contract).deploy());
	}

	@Test
	void theRegistrationReachesThePhaseWaitingForItInTheSameProgrammeOnly() {
		// given two programmes whose contracts wait for their new organisation
		ProcessInstance libraries = start("SO-2026-1");
		ProcessInstance leisure = start("SO-2026-2");
		prepare(libraries);
		prepare(leisure);
		assertThat(calledProcessInstance("contract", libraries)).isWaitingAt("AwaitRegistration");

		// when the libraries' new organisation is registered
		complete(task("Register", calledProcessInstance("formation", libraries)), withVariables("registrationDate",
				london(2026, 4, 1), "registeredName", "Explore Libraries", "legalForm", "community-benefit-society"));

		// then its contract may be signed, with the new organisation's name; the other programme still waits
		ProcessInstance contract = calledProcessInstance("contract", libraries);
		assertThat(contract).isWaitingAt("Sign");
		assertThat(runtimeService().getVariable(contract.getId(), "registeredName")).isEqualTo("Explore Libraries");
		assertThat(runtimeService().getVariable(libraries.getId(), Variables.NEW_BODY_REGISTERED)).isEqualTo(true);
		assertThat(runtimeService().getVariable(libraries.getId(), "registrationDate")).isEqualTo(london(2026, 4, 1));
		assertThat(calledProcessInstance("contract", leisure)).isWaitingAt("AwaitRegistration");
	}

	@Test
	void aPhaseThatComesToTheWaitAfterTheRegistrationFindsItOnTheProgramme() {
		// given the new organisation was registered while the contract was being prepared
		ProcessInstance libraries = start("SO-2026-3");
		complete(task("Register", calledProcessInstance("formation", libraries)), withVariables("registrationDate",
				london(2026, 4, 1), "registeredName", "Explore Libraries"));

		// when the contract gets to the wait
		prepare(libraries);

		// then it does not wait: the message went before it arrived, and the programme's record says so
		ProcessInstance contract = calledProcessInstance("contract", libraries);
		assertThat(contract).isWaitingAt("Sign").hasNotPassed("AwaitRegistration");
		assertThat(runtimeService().getVariable(contract.getId(), "registeredName")).isEqualTo("Explore Libraries");
	}

	@Test
	void aMovedTransferDateGoesOnTheProgrammesRecord() {
		// given
		ProcessInstance libraries = start("SO-2026-4");
		ProcessInstance leisure = start("SO-2026-5");
		ProcessInstance formation = calledProcessInstance("formation", libraries);
		complete(task("Register", formation), withVariables("registrationDate", london(2026, 4, 1)));

		// when the phase moves the date
		complete(task("MoveDate", formation), withVariables("targetTransferDate", london(2026, 11, 2)));

		// then the programme records the new date, and the other programme keeps its own
		assertThat(runtimeService().getVariable(libraries.getId(), Variables.TARGET_TRANSFER_DATE))
				.isEqualTo(london(2026, 11, 2));
		assertThat(runtimeService().getVariable(leisure.getId(), Variables.TARGET_TRANSFER_DATE))
				.isEqualTo(london(2026, 10, 1));
	}

	private static ProcessInstance start(String reference) {
		return runtimeService().startProcessInstanceByKey("programme", reference,
				Map.of("nation", "england-wales", "targetTransferDate", london(2026, 10, 1)));
	}

	private static void prepare(ProcessInstance programme) {
		complete(task("Prepare", calledProcessInstance("contract", programme)));
	}
}
