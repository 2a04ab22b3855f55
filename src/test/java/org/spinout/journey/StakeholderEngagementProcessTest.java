package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.engine.EngineClockExtension;

/**
 * Phase 2, before the final decision: consultation (with health scrutiny for a substantial variation
 * of an NHS service), the equality impact assessment, the unions, the staff vote (G3) and what happens
 * when it falls short, the ownership model (G4) against the three tests, the pension costing and market
 * engagement.
 */
@ClassDeployment(resources = {"processes/stakeholder-engagement.bpmn", "processes/governance-route.dmn",
		"processes/mutual-ownership-check.dmn", "processes/stop-in-order.bpmn",
		"forms/launch-public-consultation.form", "forms/report-consultation-responses.form",
		"forms/consult-health-scrutiny.form", "forms/record-health-scrutiny-response.form",
		"forms/assess-equality-impact.form", "forms/engage-trade-unions.form", "forms/engage-staff.form",
		"forms/record-indicative-staff-vote.form", "forms/confirm-staff-support.form",
		"forms/consider-failed-staff-vote.form", "forms/design-ownership-model.form",
		"forms/approve-ownership-model.form", "forms/engage-the-market.form", "forms/obtain-pension-costing.form",
		"forms/tell-staff-the-programme-stopped.form", "forms/withdraw-published-notices.form"})
class StakeholderEngagementProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	/** Monday 2 March 2026. */
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 0));

	private JourneyInstance programme;

	@Test
	void aChangedCouncilServiceIsConsultedOnBeforeTheEqualityImpactIsAssessed() {
		// given
		start("council", true);

		// when the consultation opens on Monday 2 March
		launchTheConsultation(false);

		// then it runs twelve weeks, and the equality impact is assessed on the responses
		assertThat(timerEvent(programme.instance(), "PublicConsultationClosed").getDuedate()).isEqualTo(london(2026, 5, 26));
		fire(timerEvent(programme.instance(), "PublicConsultationClosed"));
		reportTheResponses();
		assertThat(programme.taskVariable("AssessEqualityImpact", "publicConsultationSummary")).asString()
				.startsWith("Users asked to keep the mobile library");
		BpmnAwareTests.assertThat(programme.instance()).hasNotPassed("ConsultHealthScrutiny");
	}

	@Test
	void everyStrandMustFinishBeforeTheFullBusinessCase() {
		// given
		start("council", false);

		// when all but the pension costing are done
		assessTheEqualityImpact();
		engageUnionsAndStaff(90L);
		programme.decide("ConfirmStaffSupport", "approve", null);
		designAndApproveTheOwnership("public-service-mutual", 100.0);
		engageTheMarket();

		// then the phase still waits for the actuary
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ObtainPensionCosting");
		obtainThePensionCosting();
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("EngagementComplete")
				.hasNotPassed("LaunchPublicConsultation");
		assertThat(programme.value("pensionCostSummary")).asString().startsWith("Employer contributions");
		assertThat(programme.value("meetsPaReservedTest")).isEqualTo(true);
	}

	@Test
	void anNhsTrustConsultsHealthScrutinyOnASubstantialVariation() {
		// given
		start("nhs-trust", true);

		// when
		launchTheConsultation(true);

		// then the committee is consulted alongside the public and answers by the date asked
		programme.complete("ConsultHealthScrutiny", "healthScrutinyConsultedDate", london(2026, 3, 3),
				"healthScrutinyCommentsDue", london(2026, 4, 30), "proposedDecisionDate", london(2026, 7, 15),
				"healthScrutinyProposalLink", "https://example.org/hosc");
		Task response = programme.waitingTask("RecordHealthScrutinyResponse");
		assertThat(JourneyTasks.groups(response)).containsExactly("scrutiny");
		assertThat(response.getDueDate()).isEqualTo(london(2026, 4, 30));
		programme.complete("RecordHealthScrutinyResponse", "healthScrutinyResponse",
				"The committee supports the change if clinics stay where they are.",
				"healthScrutinyRecommendations", true, "healthScrutinyResponseLink", "https://example.org/hosc-response");

		// and the equality impact waits for the consultation to close as well
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PublicConsultationClosed");
		fire(timerEvent(programme.instance(), "PublicConsultationClosed"));
		reportTheResponses();
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("AssessEqualityImpact");
		assertThat(programme.value("nhsInvolvementDuty")).isEqualTo(true);
	}

	@Test
	void anNhsChangeThatIsNoSubstantialVariationNeedsNoHealthScrutiny() {
		// given
		start("icb", true);

		// when
		launchTheConsultation(false);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("PublicConsultationClosed")
				.hasNotPassed("ConsultHealthScrutiny");
	}

	@Test
	void aVoteThatMeetsTheAgreedThresholdsGoesToTheSponsors() {
		// given a turnout of 60% and support of 75% against 50% each
		start("council", false);

		// when
		engageUnionsAndStaff(90L);

		// then
		Task confirmation = programme.waitingTask("ConfirmStaffSupport");
		assertThat(taskService().getVariable(confirmation.getId(), "turnoutPercent")).isEqualTo(60.0);
		assertThat(taskService().getVariable(confirmation.getId(), "supportPercent")).isEqualTo(75.0);
		assertThat(taskService().getVariable(confirmation.getId(), "voteThresholdsMet")).isEqualTo(true);
	}

	@Test
	void aFailedVoteGoesToTheDecisionMakersNeverSilentlyOn() {
		// given
		start("council", false);

		// when 30 of 120 votes cast are in favour
		engageUnionsAndStaff(30L);

		// then the sponsors cannot wave it through: it waits for the decision-makers
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ConsiderFailedStaffVote")
				.hasNotPassed("ConfirmStaffSupport");
		assertThat(JourneyTasks.groups(programme.waitingTask("ConsiderFailedStaffVote")))
				.containsExactly("decision-makers");
	}

	@Test
	void aFailedVoteCanGoBackToEngagementForANewVote() {
		// given
		start("council", false);
		engageUnionsAndStaff(30L);

		// when
		programme.decide("ConsiderFailedStaffVote", "sendBack", "Hold briefings on pensions, then vote again");

		// then
		assertThat(programme.taskVariable("EngageStaff", "decisionReason"))
				.isEqualTo("Hold briefings on pensions, then vote again");
	}

	@Test
	void theDecisionMakersMayGoOnDespiteAFailedVote() {
		// given
		start("council", false);
		engageUnionsAndStaff(30L);

		// when
		programme.decide("ConsiderFailedStaffVote", "approve", "The turnout was low after the office move; the "
				+ "unions support the spin-out");

		// then
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("StaffSupportSettled");
	}

	@Test
	void theDecisionMakersMayStopTheProgrammeAfterAFailedVoteInOrder() {
		// given
		start("council", false);
		engageUnionsAndStaff(30L);

		// when
		programme.decide("ConsiderFailedStaffVote", "reject", "The staff do not want the spin-out");

		// then
		programme.carryOutTheStop();
		// (the programme's main process ends the phase's other strands when the stop reaches it)
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("FailedStaffVoteRejected");
		programme.assertStopped("The staff do not want the spin-out", "Decide on a staff vote that fell short");
	}

	@Test
	void theSponsorsSendTheStaffEngagementBackButCannotStopIt() {
		// given
		start("council", false);
		engageUnionsAndStaff(90L);
		String confirmation = programme.waitingTask("ConfirmStaffSupport").getId();

		// when / then
		assertThatThrownBy(() -> taskService().complete(confirmation, Map.of("decision", "reject")))
				.isInstanceOf(AuthorizationException.class);
		programme.decide("ConfirmStaffSupport", "sendBack", "Run a second vote after the pensions briefing");
		assertThat(programme.taskVariable("EngageStaff", "decisionReason"))
				.isEqualTo("Run a second vote after the pensions briefing");
	}

	@Test
	void exploreYorkIsAPublicServiceMutualThatAReservedContractUnderTheActIsNotOpenTo() {
		// given
		start("council", false);

		// when the model is a third staff-owned, with the community
		design("multi-stakeholder-mutual", 33.3, true);

		// then the sponsors see each test apart
		Task approval = programme.waitingTask("ApproveOwnershipModel");
		assertThat(taskService().getVariables(approval.getId())).containsEntry("meetsMutualPolicyTest", true)
				.containsEntry("meetsPcrReservedTest", true).containsEntry("meetsPaReservedTest", false);
	}

	@Test
	void theSponsorsSendTheOwnershipModelBack() {
		// given
		start("council", false);
		design("mutual-joint-venture", 20.0, false);

		// when
		programme.decide("ApproveOwnershipModel", "sendBack", "Staff need a larger say");

		// then
		assertThat(programme.taskVariable("DesignOwnershipModel", "decisionReason")).isEqualTo("Staff need a larger say");
	}

	@Test
	void aProgrammeStartedOnAnEarlierVersionRunsThisPhase() {
		// given only what the programme's start form and an earlier business case phase handed over
		Map<String, Object> earlier = new HashMap<>();
		earlier.put("programmeReference", "SO-2025-9");
		earlier.put("nation", "england-wales");
		earlier.put("parentBodyType", "council");
		earlier.put("serviceChanges", false);
		earlier.put("preferredOption", "public-service-mutual");
		programme = JourneyInstance.start("stakeholder-engagement", "SO-2025-9", earlier);

		// when
		assessTheEqualityImpact();

		// then the phase found its route itself
		assertThat(programme.value("governanceRoute")).isEqualTo("english-executive");
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("EngageTradeUnions", "DesignOwnershipModel",
				"ObtainPensionCosting");
	}

	// ---------------------------------------------------------------- the way through

	private void start(String parentBodyType, boolean serviceChanges) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-2");
		variables.put("nation", "england-wales");
		variables.put("parentBodyType", parentBodyType);
		variables.put("councilGovernance", "council".equals(parentBodyType) ? "executive" : null);
		variables.put("serviceChanges", serviceChanges);
		programme = JourneyInstance.start("stakeholder-engagement", "SO-2026-2", variables);
	}

	private void launchTheConsultation(boolean substantialVariation) {
		Map<String, Object> answers = new HashMap<>(Map.of("publicConsultationStartDate", london(2026, 3, 2),
				"publicConsultationLink", "https://example.org/consultation",
				"publicConsultationScope", "Opening hours and the mobile library after the spin-out."));
		if (Boolean.TRUE.equals(programme.value("nhsInvolvementDuty"))) {
			answers.put("substantialVariation", substantialVariation);
		}
		BpmnAwareTests.complete(programme.waitingTask("LaunchPublicConsultation"), answers);
	}

	private void reportTheResponses() {
		programme.complete("ReportConsultationResponses", "publicConsultationResponses", 412L,
				"publicConsultationSummary", "Users asked to keep the mobile library; the plan keeps it.",
				"publicConsultationReportLink", "https://example.org/consultation-report");
	}

	private void assessTheEqualityImpact() {
		programme.complete("AssessEqualityImpact", "equalityImpactSummary",
				"Older and disabled users rely most on the mobile library, which the plan keeps.",
				"equalityImpactMitigations", "Keep the mobile library and home delivery.",
				"equalityImpactLink", "https://example.org/eia");
	}

	/** 200 staff may vote and 120 do (60%); 90 in favour is 75%, 30 is 25%. */
	private void engageUnionsAndStaff(long inFavour) {
		programme.complete("EngageTradeUnions", "unionNames", "UNISON, GMB", "recognisedUnion", true,
				"representativesPresent", true, "unionPosition", "undecided", "unionConcerns", "Pensions");
		programme.complete("EngageStaff", "staffEngagementSummary", "Six briefings and a survey.",
				"indicativeVoteCloses", london(2026, 4, 1), "turnoutThresholdPercent", 50L, "supportThresholdPercent", 50L);
		programme.complete("RecordIndicativeStaffVote", "eligibleVoters", 200L, "votesCast", 120L,
				"votesInFavour", inFavour);
	}

	private void design(String model, double staffControl, boolean communityTakesPart) {
		programme.complete("DesignOwnershipModel", "ownershipModel", model, "staffControlPercent", staffControl,
				"staffSignificantRole", true, "stakeholderParticipation", communityTakesPart,
				"profitDistribution", "reinvested", "mainlyReservableServices", true,
				"ownershipModelSummary", "Staff and community member classes; members elect the board.");
	}

	private void designAndApproveTheOwnership(String model, double staffControl) {
		design(model, staffControl, false);
		programme.decide("ApproveOwnershipModel", "approve", null);
	}

	private void engageTheMarket() {
		programme.complete("EngageTheMarket", "marketEngagementSummary",
				"Two charities and one company could deliver the service; a reserved contract is open to the mutual.",
				"marketEngagementLink", "https://example.org/market");
	}

	private void obtainThePensionCosting() {
		programme.complete("ObtainPensionCosting", "pensionSchemeRoute", "lgps-admission",
				"employerContributionPercent", 18.5, "pensionSecurity", "guarantee",
				"pensionCostSummary", "Employer contributions of 18.5% of pay; the council guarantees the admission.",
				"pensionCostingLink", "https://example.org/actuary");
	}
}
