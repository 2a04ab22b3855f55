package org.spinout.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The journey's models as forecast graphs: loops cut, boundary paths left out, sub-processes walked through. */
class ProcessGraphTest {

	@Test
	void aSendBackLoopIsCutWhereItTurnsBack() {
		ProcessGraph graph = graph("business-case");

		assertThat(graph.order()).containsSubsequence("SubmitExpressionOfInterest", "PrepareBusinessCase",
				"ApproveBusinessCase", "TakeInPrincipleDecision");
		assertThat(graph.order()).hasSize(graph.nodes().size());
		graph.order().forEach(id -> graph.successors(id)
				.forEach(next -> assertThat(graph.order().indexOf(next)).isGreaterThan(graph.order().indexOf(id))));
	}

	@Test
	void theNormalEndsLeaveOutTheStops() {
		ProcessGraph graph = graph("business-case");

		assertThat(graph.ends()).isNotEmpty()
				.allSatisfy(end -> assertThat(graph.node(end).name()).isNotEqualTo("Programme stopped"));
		assertThat(graph.starts()).hasSize(1);
	}

	@Test
	void anEmbeddedSubProcessIsEnteredAtItsStartAndLeftAfterItsEnds() {
		ProcessGraph graph = graph("legal-formation");

		assertThat(graph.successors("AwaitRegistration")).containsExactly("StartEvent_AwaitRegistration");
		assertThat(graph.successors("EndEvent_RegistrationRecorded")).containsExactly("AwaitRegistration#end");
		assertThat(graph.successors("AwaitRegistration#end")).containsExactly("Gateway_Registered");
		assertThat(graph.node("Timer_RegistrationOverdue").kind()).isEqualTo(ProcessGraph.Kind.TIMER);
		assertThat(graph.node("Timer_RegistrationOverdue").expression()).contains("registrationClock");
	}

	@Test
	void theMainProcessCallsItsPhasesInOrderAndBoundaryEventsAreLeftOut() {
		ProcessGraph graph = graph("spin-out-programme");

		assertThat(graph.calls()).extracting(ProcessGraph.Node::calledElement).containsExactly("business-case",
				"stakeholder-engagement", "spin-out-decision", "legal-formation", "contract-procurement",
				"staff-transfer", "go-live");
		assertThat(graph.node("BusinessCaseStopped")).isNull();
		assertThat(graph.ends()).containsExactlyInAnyOrder("ProgrammeLive", "TransferDateRiskReviewed");
	}

	@Test
	void aTaskKeepsItsDueDateExpression() {
		ProcessGraph graph = graph("business-case");

		assertThat(graph.node("ApproveBusinessCase").kind()).isEqualTo(ProcessGraph.Kind.USER_TASK);
		assertThat(graph.node("ApproveBusinessCase").expression()).isEqualTo("${workingDays.fromNow(10, nation)}");
	}

	private static ProcessGraph graph(String key) {
		try (InputStream model = ProcessGraphTest.class.getResourceAsStream("/processes/" + key + ".bpmn")) {
			BpmnModelInstance instance = Bpmn.readModelFromStream(model);
			return ProcessGraph.of(instance, key);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
