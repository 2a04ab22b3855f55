package org.spinout.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.london;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.journey.ClassDeployment;
import org.spinout.journey.JourneyTestEngine;

/**
 * The separation of duties holds in the engine itself: through {@code TaskService} and
 * {@code FormService}, which Spinout's pages, the REST API and Camunda's Tasklist all use, a person
 * in two groups cannot approve a paper they prepared, and an officer's task cannot stop a programme.
 */
@ClassDeployment(resources = "org/spinout/engine/duties.bpmn")
class SeparationOfDutiesTest {

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 0));

	/** In every group of the miniature programme, as a director who sits on several boards might be. */
	private static final List<String> EVERY_GROUP = List.of("programme-managers", "finance", "decision-makers",
			"sponsors");

	@AfterEach
	void signOut() {
		identityService().clearAuthentication();
	}

	@Test
	void whoPreparedAPaperCannotClaimItsApproval() {
		// given pat, in every group, prepared the paper
		ProcessInstance programme = start();
		as("pat", () -> taskService().complete(task(programme).getId()));
		Task review = task(programme);

		// when pat claims the review of it
		// then
		assertThatThrownBy(() -> as("pat", () -> taskService().claim(review.getId(), "pat")))
				.isInstanceOf(DutyRefused.class).isInstanceOf(AuthorizationException.class)
				.hasMessageContaining("pat prepared the paper that 'Review the paper' approves");
		assertThat(task(programme).getAssignee()).isNull();
	}

	@Test
	void whoPreparedAPaperCannotCompleteItsApprovalUnclaimed() {
		// given
		ProcessInstance programme = start();
		as("pat", () -> taskService().complete(task(programme).getId()));
		String review = task(programme).getId();

		// when pat approves it straight away, through the task service or a submitted form
		// then
		assertThatThrownBy(() -> as("pat", () -> taskService().complete(review, Map.of("decision", "approve"))))
				.isInstanceOf(DutyRefused.class);
		assertThatThrownBy(() -> as("pat", () -> formService().submitTaskForm(review, Map.of("decision", "approve"))))
				.isInstanceOf(DutyRefused.class);
		BpmnAwareTests.assertThat(programme).isWaitingAt("ReviewPaper");
	}

	@Test
	void nobodyCanAssignTheApprovalToWhoPreparedThePaper() {
		// given
		ProcessInstance programme = start();
		as("pat", () -> taskService().complete(task(programme).getId()));
		String review = task(programme).getId();

		// when a programme manager assigns or delegates the review to pat
		// then
		assertThatThrownBy(() -> as("manager", () -> taskService().setAssignee(review, "pat")))
				.isInstanceOf(DutyRefused.class);
		assertThatThrownBy(() -> as("manager", () -> taskService().delegateTask(review, "pat")))
				.isInstanceOf(DutyRefused.class);
		assertThat(task(programme).getAssignee()).isNull();
	}

	@Test
	void anotherMemberOfTheGroupApproves() {
		// given
		ProcessInstance programme = start();
		as("pat", () -> taskService().complete(task(programme).getId()));

		// when
		as("fran", () -> {
			taskService().claim(task(programme).getId(), "fran");
			taskService().complete(task(programme).getId(), Map.of("decision", "approve"));
		});

		// then
		BpmnAwareTests.assertThat(programme).isWaitingAt("DecidePaper");
	}

	@Test
	void anAssigneeCompletingWithoutSigningInIsTheOneWhoCompletes() {
		// given the paper assigned to pat and completed without anybody signed in
		ProcessInstance programme = start();
		taskService().setAssignee(task(programme).getId(), "pat");
		taskService().complete(task(programme).getId());

		// when / then pat is still kept from approving it
		assertThatThrownBy(() -> taskService().setAssignee(task(programme).getId(), "pat"))
				.isInstanceOf(DutyRefused.class);
	}

	@Test
	void theRuleReachesApprovalsInCalledPhases() {
		// given pat prepared the paper in the programme; others reviewed and decided
		ProcessInstance programme = start();
		as("pat", () -> taskService().complete(task(programme).getId()));
		as("fran", () -> taskService().complete(task(programme).getId(), Map.of("decision", "approve")));
		as("dee", () -> taskService().complete(task(programme).getId(), Map.of("decision", "approve")));
		ProcessInstance phase = calledProcessInstance(programme);

		// when pat approves the paper again in the phase
		// then
		assertThatThrownBy(() -> as("pat", () -> taskService().complete(task(phase).getId())))
				.isInstanceOf(DutyRefused.class);
		BpmnAwareTests.assertThat(phase).isWaitingAt("ApproveInPhase");
	}

	@Test
	void anApprovalNamesEveryPaperItApproves() {
		// given fran reviewed the paper that pat prepared
		ProcessInstance programme = start();
		as("pat", () -> taskService().complete(task(programme).getId()));
		as("fran", () -> taskService().complete(task(programme).getId(), Map.of("decision", "approve")));

		// when fran, who is also a decision-maker, claims the decision on the paper she reviewed
		// then
		assertThatThrownBy(() -> as("fran", () -> taskService().claim(task(programme).getId(), "fran")))
				.isInstanceOf(DutyRefused.class);
	}

	@Test
	void anOfficerCannotStopAProgramme() {
		// given the paper prepared
		ProcessInstance programme = start();
		as("pat", () -> taskService().complete(task(programme).getId()));

		// when finance, whatever else they are, rejects at its review
		// then
		assertThatThrownBy(() -> as("fran", () -> taskService().complete(task(programme).getId(),
				Map.of("decision", "reject", "decisionReason", "Too costly"))))
				.isInstanceOf(DutyRefused.class)
				.hasMessageContaining("'Review the paper' cannot stop the programme: only the decision-makers");
		assertThatThrownBy(() -> taskService().complete(task(programme).getId(), Map.of("decision", "reject")))
				.as("nor with nobody signed in").isInstanceOf(DutyRefused.class);
		BpmnAwareTests.assertThat(programme).isWaitingAt("ReviewPaper").hasNotPassed("StoppedByOfficer");
	}

	@Test
	void theDecisionMakersStopAProgramme() {
		// given
		ProcessInstance programme = start();
		as("pat", () -> taskService().complete(task(programme).getId()));
		as("fran", () -> taskService().complete(task(programme).getId(), Map.of("decision", "approve")));

		// when
		as("dee", () -> taskService().complete(task(programme).getId(),
				Map.of("decision", "reject", "decisionReason", "Not affordable")));

		// then
		BpmnAwareTests.assertThat(programme).isEnded().hasPassed("Stopped");
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey("duties-programme");
	}

	private static void as(String user, Runnable action) {
		identityService().setAuthentication(user, EVERY_GROUP);
		try {
			action.run();
		}
		finally {
			identityService().clearAuthentication();
		}
	}
}
