package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.escalation;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.reminder;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phase 2: consultation, union engagement, the indicative staff vote (G3) and the ownership model (G4). */
@Deployment(resources = {"processes/stakeholder-engagement.bpmn", "processes/mutual-ownership-check.dmn",
		"forms/launch-public-consultation.form", "forms/report-consultation-responses.form",
		"forms/engage-trade-unions.form", "forms/engage-staff.form", "forms/record-indicative-staff-vote.form",
		"forms/confirm-staff-support.form", "forms/design-ownership-model.form", "forms/approve-ownership-model.form"})
class StakeholderEngagementProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 March 2026
	@RegisterExtension
	final JourneyClock clock = JourneyClock.at(engine, london(2026, 3, 2, 9, 0));

	private JourneyInstance programme;

	@Test
	void changedServiceIsConsultedOnWhileStaffAreEngaged() {
		// given
		start(true);

		// when
		launchConsultation();
		engageUnionsAndStaff(true);
		programme.decide("ConfirmStaffSupport", "approve", null);

		// then the ownership design waits for the twelve-week consultation to close on 25 May
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PublicConsultationClosed");
		assertThat(timerEvent(programme.instance(), "PublicConsultationClosed").getDuedate()).isEqualTo(london(2026, 5, 26));
		fire(timerEvent(programme.instance(), "PublicConsultationClosed"));
		programme.complete("ReportConsultationResponses", "publicConsultationResponses", 412L,
				"publicConsultationSummary", "Users asked to keep the mobile library; the plan keeps it.",
				"publicConsultationReportLink", "https://example.org/consultation-report");
		designOwnership("public-service-mutual", 60.0);
		programme.decide("ApproveOwnershipModel", "approve", null);
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("LaunchPublicConsultation", "EngagementJoined",
				"EngagementComplete");
		assertThat(programme.value("meetsMutualTest")).isEqualTo(true);
	}

	@Test
	void unchangedServiceNeedsNoPublicConsultation() {
		// given
		start(false);

		// when
		engageUnionsAndStaff(true);
		programme.decide("ConfirmStaffSupport", "approve", null);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("DesignOwnershipModel").hasNotPassed("LaunchPublicConsultation");
	}

	@Test
	void voteResultIsWorkedOutAgainstTheLocalThresholds() {
		// given a turnout of 60% and support of 75%
		start(false);

		// when
		engageUnionsAndStaff(true);

		// then the sponsors see the figures on their task
		Task task = programme.waitingTask("ConfirmStaffSupport");
		assertThat(taskService().getVariable(task.getId(), "turnoutPercent")).isEqualTo(60.0);
		assertThat(taskService().getVariable(task.getId(), "supportPercent")).isEqualTo(75.0);
		assertThat(taskService().getVariable(task.getId(), "voteThresholdsMet")).isEqualTo(true);
	}

	@Test
	void voteBelowTheAgreedTurnoutDoesNotMeetTheThresholds() {
		// given
		start(false);
		programme.complete("EngageTradeUnions", "unionNames", "UNISON", "recognisedUnion", true,
				"representativesPresent", true, "unionPosition", "neutral");

		// when 70% turnout is required and 60% voted
		programme.complete("EngageStaff", "staffEngagementSummary", "Six briefings.",
				"indicativeVoteCloses", london(2026, 4, 1), "turnoutThresholdPercent", 70L, "supportThresholdPercent", 50L);
		programme.complete("RecordIndicativeStaffVote", "eligibleVoters", 200L, "votesCast", 120L,
				"votesInFavour", 90L);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ConfirmStaffSupport")
				.variables().containsEntry("voteThresholdsMet", false);
	}

	@Test
	void sponsorsSendStaffEngagementBackAtG3() {
		// given
		start(false);
		engageUnionsAndStaff(true);

		// when
		programme.decide("ConfirmStaffSupport", "sendBack", "Run a second vote after the pensions briefing");

		// then
		Task task = programme.waitingTask("EngageStaff");
		assertThat(taskService().getVariable(task.getId(), "decisionReason"))
				.isEqualTo("Run a second vote after the pensions briefing");
	}

	@Test
	void rejectionAtG3StopsTheProgramme() {
		// given
		start(true);
		launchConsultation();
		engageUnionsAndStaff(false);

		// when
		programme.decide("ConfirmStaffSupport", "reject", "Staff voted against");

		// then
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("ConfirmStaffSupportRejected");
		programme.assertStopped("Staff voted against", "Confirm staff support (G3)");
	}

	@Test
	void sponsorsSendTheOwnershipModelBackAtG4() {
		// given
		start(false);
		engageUnionsAndStaff(true);
		programme.decide("ConfirmStaffSupport", "approve", null);
		designOwnership("mutual-joint-venture", 20.0);

		// when
		programme.decide("ApproveOwnershipModel", "sendBack", "Staff need at least a quarter");

		// then
		Task task = programme.waitingTask("DesignOwnershipModel");
		assertThat(taskService().getVariable(task.getId(), "decisionReason")).isEqualTo("Staff need at least a quarter");
		assertThat(taskService().getVariable(task.getId(), "meetsMutualTest")).isEqualTo(false);
	}

	@Test
	void rejectionAtG4StopsTheProgramme() {
		// given
		start(false);
		engageUnionsAndStaff(true);
		programme.decide("ConfirmStaffSupport", "approve", null);
		designOwnership("other", 10.0);

		// when
		programme.decide("ApproveOwnershipModel", "reject", "Not a mutual");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("ApproveOwnershipModelRejected");
		programme.assertStopped("Not a mutual", "Approve the ownership model (G4)");
	}

	@Test
	void overdueTaskIsRemindedThenEscalatedWithoutLeavingIt() {
		// given the unions' view is due in 15 working days
		start(false);
		Task task = programme.waitingTask("EngageTradeUnions");

		// when
		fire(reminder(programme.instance(), "EngageTradeUnions"));
		fire(escalation(programme.instance(), "EngageTradeUnions"));

		// then
		assertThat(taskService().getVariableLocal(task.getId(), TaskReminder.REMINDED_AT)).isNotNull();
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT)).isEqualTo(task.getDueDate());
		assertThat(taskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
				.containsExactlyInAnyOrder("unions", "programme-managers");
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("EngageTradeUnions");
	}

	@Test
	void everyUserTaskCarriesTheReminderAndEscalation() {
		JourneyTimers.assertEveryUserTaskRemindsAndEscalates("stakeholder-engagement", 8);
	}

	// ---------------------------------------------------------------- the way through

	private void start(boolean serviceChanges) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-2");
		variables.put("nation", "england-wales");
		variables.put("serviceChanges", serviceChanges);
		programme = JourneyInstance.start("stakeholder-engagement", "SO-2026-2", variables);
	}

	private void launchConsultation() {
		programme.complete("LaunchPublicConsultation", "publicConsultationStartDate", london(2026, 3, 2),
				"publicConsultationLink", "https://example.org/consultation",
				"publicConsultationScope", "Opening hours and the mobile library after the spin-out.");
	}

	/** 200 staff may vote, 120 vote (60%), 90 in favour (75%) or 30 (25%). */
	private void engageUnionsAndStaff(boolean staffInFavour) {
		programme.complete("EngageTradeUnions", "unionNames", "UNISON, GMB", "recognisedUnion", true,
				"representativesPresent", true, "unionPosition", "undecided", "unionConcerns", "Pensions");
		programme.complete("EngageStaff", "staffEngagementSummary", "Six briefings and a survey.",
				"indicativeVoteCloses", london(2026, 4, 1), "turnoutThresholdPercent", 50L, "supportThresholdPercent", 50L);
		programme.complete("RecordIndicativeStaffVote", "eligibleVoters", 200L, "votesCast", 120L,
				"votesInFavour", staffInFavour ? 90L : 30L);
	}

	private void designOwnership(String model, double staffControl) {
		programme.complete("DesignOwnershipModel", "ownershipModel", model,
				"staffControlPercent", staffControl,
				"ownershipModelSummary", "Staff and community member classes; staff elect half the board.");
	}
}
