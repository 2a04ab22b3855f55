package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTasks.groups;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.timerEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.contract.Variables;
import org.spinout.engine.EngineClockExtension;

/**
 * Phase 3, legal formation: the legal form (gate G5), the first board and the governing documents sent
 * with the application, the registrar's answer (a refusal is amended and sent again), the announcement
 * of the new organisation to the other phases, and its own set-up: bank, insurance, HMRC, the ICO fee
 * and, for a regulated service, CQC registration (gate G10).
 */
@ClassDeployment(resources = {"processes/legal-formation.bpmn", "processes/legal-form-conditions.dmn",
		"forms/recommend-legal-form.form", "forms/approve-legal-form.form", "forms/submit-registration.form",
		"forms/record-registration.form", "forms/chase-registration.form", "forms/appoint-board.form",
		"forms/adopt-governing-documents.form", "forms/set-up-new-body.form", "forms/register-with-ico.form",
		"forms/apply-for-cqc-registration.form", "forms/confirm-cqc-registration.form"})
class LegalFormationProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 March 2026, mid-morning
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 30));

	private JourneyInstance programme;

	@Test
	void boardAndRulesGoWithTheApplicationAndTheRegisteredBodyIsAnnounced() {
		// given a society that meets its conditions
		start("england-wales", false);
		recommend("community-benefit-society", 3L, true);
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ApproveLegalForm");
		assertThat(programme.value("registrar")).isEqualTo("FCA");
		assertThat(groups(programme.waitingTask("ApproveLegalForm"))).containsExactly("sponsors");

		// when the sponsors approve it
		programme.decide("ApproveLegalForm", "approve", null);

		// then the board is chosen and the rules adopted before anything goes to the registrar
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("AppointBoard", "AdoptGoverningDocuments")
				.hasNotPassed("SubmitRegistration");
		assertThat(groups(programme.waitingTask("AppointBoard"))).containsExactly("shadow-board");

		// when
		prepareApplication();
		submit(london(2026, 3, 16));
		programme.complete("RecordRegistration", "registrarOutcome", "registered", "societyNumber", "31234R",
				"registeredName", "Explore Libraries", "registrationDate", london(2026, 4, 2));

		// then the other phases are told once the engine runs the announcement
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("AnnounceNewBody");
		programme.runJobs();
		assertThat(programme.value(Variables.NEW_BODY_REGISTERED)).isEqualTo(true);
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SetUpNewBody", "RegisterWithIco")
				.hasPassed("Gateway_CqcDone").hasNotPassed("ApplyForCqcRegistration");
		assertThat(before("AppointBoard", "SubmitRegistration")).isTrue();
		assertThat(before("AdoptGoverningDocuments", "SubmitRegistration")).isTrue();

		// when the new organisation sets itself up
		setUpAndPayIcoFee();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("EndEvent_LegalEntityFormed")
				.hasNotPassed("ChaseRegistration");
		assertThat(programme.value("icoRenewalDue")).isEqualTo(london(2027, 4, 11));
	}

	@Test
	void regulatedServiceAppliesToTheCqcAsSoonAsTheBodyExists() {
		// given a health care service
		start("england-wales", true);
		registered("community-interest-company");

		// then the CQC application opens with the new body's other set-up, long before go-live
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SetUpNewBody", "RegisterWithIco",
				"ApplyForCqcRegistration");

		// when the application is made on Friday 10 April
		applyToTheCqc(london(2026, 4, 10));

		// then the commissioners confirm it when the CQC's 10 weeks are up, at the end of Friday 19 June
		Task confirm = programme.waitingTask("ConfirmCqcRegistration");
		assertThat(groups(confirm)).containsExactly("commissioners");
		assertThat(confirm.getDueDate()).isEqualTo(london(2026, 6, 20));

		// when a notice of proposal sends it back, and the answer is accepted
		programme.decide("ConfirmCqcRegistration", "sendBack", "Answer the notice of proposal on staffing by 28 days.");
		applyToTheCqc(london(2026, 6, 1));
		programme.complete("ConfirmCqcRegistration", "decision", "approve", "cqcProviderId", "1-1234567890",
				"cqcRegistrationDate", london(2026, 7, 1));
		setUpAndPayIcoFee();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("Gateway_CqcDone");
		assertThat(programme.value("cqcProviderId")).isEqualTo("1-1234567890");
	}

	@Test
	void serviceRegulatedWithoutBeingHealthCareAlsoRegisters() {
		// given adult social care, which the CQC regulates but is not health care
		start("england-wales", false);
		programme.complete("RecommendLegalForm", recommendation("community-benefit-society", 5L, true, "regulatedActivity", true));
		programme.decide("ApproveLegalForm", "approve", null);
		prepareApplication();
		submit(london(2026, 3, 16));
		programme.complete("RecordRegistration", "registrarOutcome", "registered", "societyNumber", "31234R",
				"registeredName", "Care Together", "registrationDate", london(2026, 4, 2));

		// when
		programme.runJobs();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ApplyForCqcRegistration", "SetUpNewBody",
				"RegisterWithIco");
	}

	@Test
	void refusedApplicationComesBackToBeAmendedAndSentAgain() {
		// given
		start("england-wales", false);
		approvedSociety();
		prepareApplication();
		submit(london(2026, 3, 16));

		// when the FCA refuses it
		programme.complete("RecordRegistration", "registrarOutcome", "refused", "registrarRefusalReasons",
				"The rules do not say how the society's profits are applied (s14).");

		// then legal services amend and send it again, seeing why; nothing is announced
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SubmitRegistration")
				.hasNotPassed("AnnounceNewBody");
		assertThat(programme.taskVariable("SubmitRegistration", "registrarRefusalReasons")).asString().contains("s14");
		assertThat(deployedForm("SubmitRegistration")).contains("registrarRefusalReasons");

		// when sent again on Wednesday 1 April
		submit(london(2026, 4, 1));

		// then the registration clock starts again from it: 15 working days, past Easter, to the end of 24 April
		assertThat(timerEvent(programme.instance(), "Timer_RegistrationOverdue").getDuedate()).isEqualTo(london(2026, 4, 25));

		// when
		programme.complete("RecordRegistration", "registrarOutcome", "registered", "societyNumber", "31234R",
				"registeredName", "Explore Libraries", "registrationDate", london(2026, 4, 20));
		programme.runJobs();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("SetUpNewBody", "RegisterWithIco");
	}

	@Test
	void communityInterestCompanyIsIncorporatedAtCompaniesHouse() {
		// given
		start("england-wales", false);

		// when
		programme.complete("RecommendLegalForm", recommendation("community-interest-company", 1L, true,
				"communityInterestStatement", true, "communityInterestSummary", "Libraries run for the whole city."));
		programme.decide("ApproveLegalForm", "approve", null);
		prepareApplication();
		submit(london(2026, 3, 2));

		// then Companies House takes about 15 working days: chased from the end of Monday 23 March
		assertThat(programme.value("registrar")).isEqualTo("Companies House");
		assertThat(timerEvent(programme.instance(), "Timer_RegistrationOverdue").getDuedate()).isEqualTo(london(2026, 3, 24));
	}

	@Test
	void companyLimitedByGuaranteeHasNoServiceStandardToChase() {
		// given
		start("england-wales", false);
		programme.complete("RecommendLegalForm", recommendation("company-limited-by-guarantee", 1L, false));
		programme.decide("ApproveLegalForm", "approve", null);
		prepareApplication();

		// when
		submit(london(2026, 3, 2));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("RecordRegistration").hasPassed("EndEvent_NoServiceStandard");
		assertThat(BpmnAwareTests.managementService().createJobQuery().processInstanceId(programme.instance().getId())
				.activityId("Timer_RegistrationOverdue").count()).isZero();
	}

	@Test
	void scottishBankHolidaysMoveTheRegistrationChase() {
		// given an application on Monday 29 December 2025 in Scotland (1 and 2 January are holidays)
		clock.moveTo(london(2025, 12, 1, 9, 0));
		start("scotland", false);
		approvedSociety();
		prepareApplication();

		// when
		submit(london(2025, 12, 29));

		// then 15 working days: 30, 31 December, 5 to 9, 12 to 16, 19 to 21 January
		assertThat(timerEvent(programme.instance(), "Timer_RegistrationOverdue").getDuedate()).isEqualTo(london(2026, 1, 22));
	}

	@Test
	void recommendationThatMissesTheConditionsGoesBackWithTheReason() {
		// given
		start("england-wales", false);

		// when a society is recommended that would be run for its members
		programme.complete("RecommendLegalForm", recommendation("community-benefit-society", 5L, false));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("RecommendLegalForm").hasNotPassed("ApproveLegalForm");
		assertThat(programme.taskVariable("RecommendLegalForm", "legalFormConditionReason")).asString()
				.contains("benefit of the community");

		// when
		recommend("community-benefit-society", 5L, true);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ApproveLegalForm");
	}

	@Test
	void aCouncilOwnedCompanyApprovedAtTheOwnershipGateIsNotSentRoundAgain() {
		// given the ownership gate approved a model in which staff hold no control
		start("england-wales", false);

		// when legal services recommend a company for it
		programme.complete("RecommendLegalForm", recommendation("company-limited-by-guarantee", 1L, false,
				"staffControlPercent", 0.0));

		// then the sponsors decide it: legal formation does not repeat the ownership test
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ApproveLegalForm");
	}

	@Test
	void sponsorsSendBackButDoNotStopTheProgramme() {
		// given
		start("england-wales", false);
		recommend("community-benefit-society", 3L, true);

		// when
		programme.decide("ApproveLegalForm", "sendBack", "Compare with a company limited by guarantee");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("RecommendLegalForm");
		assertThat(programme.taskVariable("RecommendLegalForm", "decisionReason"))
				.isEqualTo("Compare with a company limited by guarantee");

		// and neither the gate's form nor its flows offer a stop
		recommend("community-benefit-society", 4L, true);
		assertThat(deployedForm("ApproveLegalForm")).contains("\"sendBack\"").doesNotContain("\"reject\"");
		assertThat(conditions()).noneMatch(condition -> condition.contains("reject"));
		Task gate = programme.waitingTask("ApproveLegalForm");
		assertThat(taskService().getVariable(gate.getId(), "decision")).isNull();
	}

	@Test
	void lateRegistrationIsChasedWhileTheWaitContinues() {
		// given
		start("england-wales", false);
		approvedSociety();
		prepareApplication();
		submit(london(2026, 3, 2));

		// when
		fire(timerEvent(programme.instance(), "Timer_RegistrationOverdue"));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("RecordRegistration", "ChaseRegistration");
		assertThat(groups(programme.waitingTask("ChaseRegistration"))).containsExactly("programme-managers");

		// when
		programme.complete("ChaseRegistration", "registrarChasedOn", london(2026, 3, 24), "registrarChaseNotes",
				"The FCA asked for the signed rules; sent the same day.");

		// then
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("EndEvent_RegistrarChased").isWaitingAt("RecordRegistration");
	}

	@Test
	void recordingTheAnswerWithdrawsAnOpenChase() {
		// given
		start("england-wales", false);
		approvedSociety();
		prepareApplication();
		submit(london(2026, 3, 2));
		Job chase = timerEvent(programme.instance(), "Timer_RegistrationOverdue");
		fire(chase);

		// when
		programme.complete("RecordRegistration", "registrarOutcome", "registered", "societyNumber", "31234R",
				"registeredName", "Explore Libraries", "registrationDate", london(2026, 3, 25));

		// then
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("EndEvent_RegistrationRecorded")
				.isWaitingAt("AnnounceNewBody");
		assertThat(taskService().createTaskQuery().processInstanceId(programme.instance().getId())
				.taskDefinitionKey("ChaseRegistration").count()).isZero();
	}

	private void start(String nation, boolean healthCare) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-3");
		variables.put("programmeName", "Explore the libraries");
		variables.put("nation", nation);
		variables.put("healthCare", healthCare);
		programme = JourneyInstance.start("legal-formation", "SO-2026-3", variables);
	}

	private void approvedSociety() {
		recommend("community-benefit-society", 3L, true);
		programme.decide("ApproveLegalForm", "approve", null);
	}

	private void registered(String legalForm) {
		programme.complete("RecommendLegalForm", recommendation(legalForm, 3L, true, "communityInterestStatement", true,
				"communityInterestSummary", "Community nursing for the whole borough."));
		programme.decide("ApproveLegalForm", "approve", null);
		prepareApplication();
		submit(london(2026, 3, 16));
		programme.complete("RecordRegistration", "registrarOutcome", "registered", "companyNumber", "12345678",
				"registeredName", "Wirral Community Health CIC", "registrationDate", london(2026, 4, 2));
		programme.runJobs();
	}

	private void recommend(String legalForm, long members, boolean communityBenefit) {
		programme.complete("RecommendLegalForm", recommendation(legalForm, members, communityBenefit));
	}

	private static Object[] recommendation(String legalForm, long members, boolean communityBenefit, Object... more) {
		Map<String, Object> answers = new HashMap<>();
		answers.put("legalForm", legalForm);
		answers.put("membersCount", members);
		answers.put("communityBenefit", communityBenefit);
		answers.put("assetLock", true);
		answers.put("regulatedActivity", false);
		answers.put("recommendationSummary", "Staff and community ownership with an asset lock.");
		for (int i = 0; i < more.length; i += 2) {
			answers.put((String) more[i], more[i + 1]);
		}
		return answers.entrySet().stream().flatMap(entry -> Stream.of(entry.getKey(), entry.getValue())).toArray();
	}

	private void prepareApplication() {
		programme.complete("AppointBoard", "chairName", "A. Chair", "boardMembersCount", 9L, "staffBoardMembersCount", 5L,
				"boardAppointedDate", london(2026, 3, 10));
		programme.complete("AdoptGoverningDocuments", "governingDocumentsAdoptedDate", london(2026, 3, 12),
				"governingDocumentsLocation", "Records/Founders/2026-03-12", "assetLockConfirmed", true, "minutesFiled", true);
	}

	private void submit(Date sent) {
		programme.complete("SubmitRegistration", "proposedName", "Explore Libraries", "registrationApplicationDate", sent);
	}

	private void applyToTheCqc(Date applied) {
		programme.complete("ApplyForCqcRegistration", "regulatedActivities", "treatment", "registeredManagerName",
				"D. Osei", "cqcApplicationDate", applied);
	}

	private void setUpAndPayIcoFee() {
		programme.complete("SetUpNewBody", "bankAccountOpened", true, "employersLiabilityInsuranceFrom", london(2026, 4, 6),
				"payeReference", "123/AB45678");
		programme.complete("RegisterWithIco", "icoRegistrationNumber", "ZB123456", "icoRegistrationDate",
				london(2026, 4, 10), "icoFeeTier", "tier-2");
	}

	/** Whether the first activity ended before the second began. */
	private boolean before(String first, String second) {
		List<HistoricActivityInstance> activities = historyService().createHistoricActivityInstanceQuery()
				.processInstanceId(programme.instance().getId()).finished().list();
		Date firstEnded = activities.stream().filter(activity -> activity.getActivityId().equals(first)).findFirst()
				.orElseThrow().getEndTime();
		Date secondStarted = activities.stream().filter(activity -> activity.getActivityId().equals(second)).findFirst()
				.orElseThrow().getStartTime();
		return !firstEnded.after(secondStarted);
	}

	private String deployedForm(String taskKey) {
		Task task = programme.waitingTask(taskKey);
		try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
			return new String(form.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<String> conditions() {
		String definitionId = programme.instance().getProcessDefinitionId();
		BpmnModelInstance model = repositoryService().getBpmnModelInstance(definitionId);
		return model.getModelElementsByType(ConditionExpression.class).stream().map(ConditionExpression::getTextContent)
				.toList();
	}
}
