package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinout.journey.JourneyTasks.groups;
import static org.spinout.journey.JourneyTimers.london;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.contract.Variables;
import org.spinout.engine.EngineClockExtension;

/**
 * Phase 6, go-live: the asset transfer with its valuation, consent (none for a short tenancy or the best
 * consideration, the general consent, or the Secretary of State's, whose refusal the decision-makers
 * answer) and subsidy control; data and IT; the go-live; contract monitoring and, for a reserved
 * contract, its re-procurement plan. A programme whose legal formation ran on an earlier version pays the
 * ICO fee and registers with the CQC here, since that version did not.
 */
@ClassDeployment(resources = {"processes/go-live.bpmn", "processes/asset-disposal-consent.dmn", "forms/plan-go-live.form",
		"forms/register-with-ico.form", "forms/apply-for-cqc-registration.form", "forms/confirm-cqc-registration.form",
		"forms/migrate-data-and-it.form", "forms/transfer-assets.form", "forms/assess-subsidy-control.form",
		"forms/obtain-disposal-consent.form", "forms/decide-on-refused-disposal.form", "forms/confirm-go-live.form",
		"forms/set-up-contract-monitoring.form", "forms/plan-reprocurement.form"})
class GoLiveProcessTest {

	@RegisterExtension
	static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();

	// Monday 2 March 2026, mid-morning
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 30));

	private JourneyInstance programme;

	@Test
	void serviceGoesLiveWithItsEquipmentAtMarketValue() {
		// given
		start("council", null);

		// when
		transferAssets(false, null, 80_000L, 80_000L, false, false);
		migrate();
		goLive();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded().hasPassed("EndEvent_Live")
				.hasNotPassed("AssessSubsidyControl", "ObtainDisposalConsent", "PlanReprocurement");
		assertThat(programme.value("disposalConsent")).isEqualTo("not-needed");
	}

	@Test
	void shortTenancyNeedsNoConsentButItsUndervalueIsAssessedAsASubsidy() {
		// given a 5-year lease of the central library at a peppercorn rent
		start("council", null);

		// when
		transferAssets(true, 5.0, 200_000L, 0L, false, false);

		// then finance assesses the subsidy, and no consent is needed
		assertThat(groups(programme.waitingTask("AssessSubsidyControl"))).containsExactly("finance");
		assertThat(programme.value("disposalConsent")).isEqualTo("not-needed");
		assessSubsidy("approve");
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("Gateway_AssetsTransferred")
				.hasNotPassed("ObtainDisposalConsent");
	}

	@Test
	void pensionGuaranteeAloneIsAssessedAsASubsidy() {
		// given
		start("council", null);

		// when the assets go at market value, but the council guarantees the pension liabilities
		transferAssets(false, null, 80_000L, 80_000L, false, true);

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("AssessSubsidyControl");
	}

	@Test
	void financeSendsTermsThatAreNotCompliantBack() {
		// given
		start("council", null);
		transferAssets(true, null, 900_000L, 100_000L, true, false);

		// when
		assessSubsidy("sendBack");

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("TransferAssets");
		assertThat(programme.taskVariable("TransferAssets", "decisionReason")).asString().contains("market");
	}

	@Test
	void undervalueOfTwoMillionForTheAreasWellBeingHasTheGeneralConsent() {
		// given
		start("council", null);

		// when the freehold goes £2 million under its value
		transferAssets(true, null, 2_500_000L, 500_000L, true, false);
		assessSubsidy("approve");

		// then
		assertThat(programme.value("disposalConsent")).isEqualTo("general-consent");
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("Gateway_AssetsTransferred")
				.hasNotPassed("ObtainDisposalConsent");
	}

	@Test
	void undervalueOverTwoMillionNeedsTheSecretaryOfStatesConsent() {
		// given
		start("council", null);

		// when
		disposedAtAnUndervalueOfThreeMillion();

		// then
		assertThat(groups(programme.waitingTask("ObtainDisposalConsent"))).containsExactly("legal");

		// when consent is given
		programme.complete("ObtainDisposalConsent", "disposalConsentAppliedDate", london(2026, 3, 10),
				"disposalConsentOutcome", "granted", "disposalConsentDate", london(2026, 5, 1),
				"disposalConsentReference", "DLUHC/2026/123");

		// then
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("Gateway_AssetsTransferred");
	}

	@Test
	void refusedConsentIsAnsweredByTheDecisionMakersWhoAmendTheDisposal() {
		// given
		start("council", null);
		disposedAtAnUndervalueOfThreeMillion();

		// when the Secretary of State refuses
		refuseConsent();

		// then the decision-makers decide what happens instead
		assertThat(groups(programme.waitingTask("DecideOnRefusedDisposal"))).containsExactly("decision-makers");

		// when they amend the disposal to a 7-year lease
		decideAfterRefusal("amend");
		transferAssets(true, 7.0, 3_500_000L, 500_000L, true, false);
		assessSubsidy("approve");

		// then no consent is needed for a short tenancy
		assertThat(programme.value("disposalConsent")).isEqualTo("not-needed");
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("Gateway_AssetsTransferred");
	}

	@Test
	void refusedConsentCanLeadToADisposalAtTheBestConsideration() {
		// given
		start("council", null);
		disposedAtAnUndervalueOfThreeMillion();
		refuseConsent();

		// when
		decideAfterRefusal("best-consideration");
		transferAssets(true, null, 3_500_000L, 3_500_000L, true, false);

		// then no consent and no subsidy: the asset goes at its value
		assertThat(programme.value("disposalConsent")).isEqualTo("not-needed");
		assertThat(programme.value("undervalue")).isEqualTo(0L);
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("Gateway_AssetsTransferred");
	}

	@Test
	void refusedConsentCanLeadTheCouncilToKeepTheAsset() {
		// given
		start("council", null);
		disposedAtAnUndervalueOfThreeMillion();
		refuseConsent();

		// when
		decideAfterRefusal("keep");

		// then the programme goes on without the disposal
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("Gateway_AssetsTransferred");
	}

	@Test
	void nhsTrustsLandIsNotUnderSection123() {
		// given
		start("nhs-trust", null);

		// when
		transferAssets(true, null, 3_500_000L, 500_000L, false, false);
		assessSubsidy("approve");

		// then
		assertThat(programme.value("disposalConsent")).isEqualTo("not-needed");
		BpmnAwareTests.assertThat(programme.instance()).hasNotPassed("ObtainDisposalConsent");
	}

	@Test
	void reservedContractPlansItsReprocurementAYearBeforeItEnds() {
		// given a reserved contract ending as 1 April 2029 begins
		start("council", london(2029, 4, 1));
		transferAssets(false, null, 80_000L, 80_000L, false, false);
		migrate();

		// when
		goLive();

		// then the commissioners plan the re-procurement, to start by 1 April 2028
		assertThat(groups(programme.waitingTask("PlanReprocurement"))).containsExactly("commissioners");
		assertThat(programme.taskVariable("PlanReprocurement", "reprocurementDue")).isEqualTo(london(2028, 4, 1));

		// when
		programme.complete("PlanReprocurement", "reprocurementPlan", "A light-touch competition open to all.",
				"reprocurementStartDate", london(2028, 1, 10));

		// then
		BpmnAwareTests.assertThat(programme.instance()).isEnded();
	}

	private void start(String parentBodyType, Date reservedContractEnd) {
		startFormedBy(parentBodyType, reservedContractEnd, true);
		programme.complete("PlanGoLive", "goLiveDate", london(2026, 10, 1));
	}

	/** A programme whose legal formation announced the new organisation, or one that ran on an earlier version. */
	private void startFormedBy(String parentBodyType, Date reservedContractEnd, boolean currentLegalFormation) {
		Map<String, Object> variables = new HashMap<>();
		if (currentLegalFormation) {
			variables.put(Variables.NEW_BODY_REGISTERED, true);
		}
		variables.put("healthCare", false);
		variables.put("programmeReference", "SO-2026-6");
		variables.put("programmeName", "Riverside Libraries");
		variables.put("nation", "england-wales");
		variables.put("parentBodyType", parentBodyType);
		variables.put("targetTransferDate", london(2026, 10, 1));
		variables.put("reservedContractEnd", reservedContractEnd);
		programme = JourneyInstance.start("go-live", "SO-2026-6", variables);
	}

	@Test
	void programmeFormedUnderTheEarlierLegalFormationMakesItsRegistrationsHere() {
		// given a programme whose legal formation ran before the ICO fee and CQC registration moved there
		startFormedBy("council", null, false);

		// when its regulated service is planned to go live
		programme.complete("PlanGoLive", "goLiveDate", london(2026, 10, 1), "regulatedActivity", true);

		// then the new organisation pays its ICO fee and registers with the CQC before going live
		programme.complete("RegisterWithIco", "icoRegistrationNumber", "ZB123456", "icoRegistrationDate",
				london(2026, 3, 10), "icoFeeTier", "tier-2");
		programme.complete("ApplyForCqcRegistration", "regulatedActivities", "personal-care", "registeredManagerName",
				"D. Osei", "cqcApplicationDate", london(2026, 3, 12));
		programme.decide("ConfirmCqcRegistration", "sendBack", "Answer the notice of proposal.");
		programme.complete("ApplyForCqcRegistration", "regulatedActivities", "personal-care", "registeredManagerName",
				"D. Osei", "cqcApplicationDate", london(2026, 4, 12));
		programme.complete("ConfirmCqcRegistration", "decision", "approve", "cqcProviderId", "1-1234567890",
				"cqcRegistrationDate", london(2026, 6, 1));
		transferAssets(false, null, 80_000L, 80_000L, false, false);
		migrate();

		// then
		BpmnAwareTests.assertThat(programme.instance()).isWaitingAt("ConfirmGoLive");
		assertThat(programme.value("icoRenewalDue")).isEqualTo(london(2027, 3, 11));
	}

	@Test
	void unregulatedServiceFormedUnderTheEarlierLegalFormationOnlyPaysTheIcoFee() {
		// given
		startFormedBy("council", null, false);
		programme.complete("PlanGoLive", "goLiveDate", london(2026, 10, 1), "regulatedActivity", false);

		// when
		programme.complete("RegisterWithIco", "icoRegistrationNumber", "ZB123456", "icoRegistrationDate",
				london(2026, 3, 10), "icoFeeTier", "tier-2");

		// then
		BpmnAwareTests.assertThat(programme.instance()).hasPassed("Gateway_RegistrationsDone")
				.hasNotPassed("ApplyForCqcRegistration");
	}

	private void transferAssets(boolean land, Double leaseYears, long value, long price, boolean wellBeing,
			boolean otherSupport) {
		Map<String, Object> answers = new HashMap<>();
		answers.put("assetsSummary", "The central library and its equipment.");
		answers.put("leasesCount", 1L);
		answers.put("assetTransferDate", london(2026, 9, 30));
		answers.put("landDisposal", land);
		answers.put("leaseTermYears", leaseYears);
		answers.put("marketValue", value);
		answers.put("consideration", price);
		answers.put("valuationDate", london(2026, 3, 1));
		answers.put("wellBeingPromoted", wellBeing);
		answers.put("otherSupportGiven", otherSupport);
		programme.complete("TransferAssets", answers.entrySet().stream()
				.flatMap(entry -> Stream.of(entry.getKey(), entry.getValue())).toArray());
	}

	private void assessSubsidy(String decision) {
		programme.complete("AssessSubsidyControl", "subsidyAssessment", "approve".equals(decision) ? "principles-met"
				: "not-compliant", "subsidyAssessmentNotes", "Tested against the subsidy control principles.",
				"decision", decision, "decisionReason", "approve".equals(decision) ? null : "Charge a market rent.");
	}

	private void disposedAtAnUndervalueOfThreeMillion() {
		transferAssets(true, null, 3_500_000L, 500_000L, true, false);
		assessSubsidy("approve");
		assertThat(programme.value("disposalConsent")).isEqualTo("secretary-of-state");
	}

	private void refuseConsent() {
		programme.complete("ObtainDisposalConsent", "disposalConsentAppliedDate", london(2026, 3, 10),
				"disposalConsentOutcome", "refused", "disposalConsentDate", london(2026, 5, 1),
				"disposalConsentRefusalReasons", "The undervalue is not justified by the benefits set out.");
	}

	private void decideAfterRefusal(String outcome) {
		programme.complete("DecideOnRefusedDisposal", "refusedDisposalOutcome", outcome, "refusedDisposalReasons",
				"The cabinet prefers to keep the service going in the building.");
	}

	private void migrate() {
		programme.complete("MigrateDataAndIt", "dataSharingAgreementSigned", true, "dpiaCompleted", true,
				"itCutoverDate", london(2026, 9, 28));
	}

	private void goLive() {
		programme.complete("ConfirmGoLive", "readinessConfirmed", true, "goLiveDate", london(2026, 10, 1));
		programme.complete("SetUpContractMonitoring", "contractManager", "A. Commissioner", "kpiCount", 6L,
				"reportingFrequency", "quarterly", "firstReportDue", london(2026, 12, 31));
	}
}
