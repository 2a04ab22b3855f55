package org.spinout.contract;

/**
 * The process variables that the models and the code share: every variable that a model in
 * {@code processes/} reads (in a condition, a timer or due date, a listener, a call activity's
 * mapping or a decision table's input), and every variable the code reads or writes that a
 * model or form also uses. A form field that no model and no code reads is the form's own
 * business and is not named here; nor is a variable only the code writes and reads (a task's
 * {@code remindedAt}, say), which stays with the class that owns it.
 * <p>
 * {@code JourneyContractTest} holds this list against the models and forms both ways.
 */
public final class Variables {

	public static final String ANNUAL_CONTRACT_VALUE = "annualContractValue";

	public static final String ASSET_LOCK = "assetLock";

	public static final String AWARD_ROUTE = "awardRoute";

	public static final String AWARD_ROUTE_LIMITS = "awardRouteLimits";

	public static final String BUSINESS_CASE_LINK = "businessCaseLink";

	public static final String BUSINESS_PLAN_LINK = "businessPlanLink";

	public static final String CALL_IN_APPLIES = "callInApplies";

	public static final String CALL_IN_DATE = "callInDate";

	public static final String CALL_IN_MEETING_OUTCOME = "callInMeetingOutcome";

	public static final String CALL_IN_OUTCOME = "callInOutcome";

	public static final String CALL_IN_REASONS = "callInReasons";

	public static final String CALLED_IN = "calledIn";

	public static final String CHALLENGE_OUTCOME = "challengeOutcome";

	public static final String CLAIM_ISSUED = "claimIssued";

	public static final String COLLECTIVE_CONSULTATION = "collectiveConsultation";

	public static final String COLLECTIVE_CONSULTATION_CLOCK = "collectiveConsultationClock";

	public static final String COLLECTIVE_CONSULTATION_REQUIRED = "collectiveConsultationRequired";

	public static final String COMMISSIONER_TYPE = "commissionerType";

	public static final String COMMUNITY_BENEFIT = "communityBenefit";

	public static final String COMMUNITY_INTEREST_STATEMENT = "communityInterestStatement";

	public static final String COMPANY_NUMBER = "companyNumber";

	public static final String COMPETITION = "competition";

	public static final String CONSIDERATION = "consideration";

	public static final String CONSULTATION_ROUTE = "consultationRoute";

	public static final String CONTRACT_END_DATE = "contractEndDate";

	public static final String CONTRACT_KIND = "contractKind";

	public static final String CONTRACT_NOTICE_CLOCK = "contractNoticeClock";

	public static final String CONTRACT_SIGNED_DATE = "contractSignedDate";

	public static final String CONTRACT_START_DATE = "contractStartDate";

	public static final String CONTRACT_TERM_YEARS = "contractTermYears";

	public static final String COUNCIL_GOVERNANCE = "councilGovernance";

	public static final String COUNCIL_PENSION_ARRANGEMENT_SIGNED = "councilPensionArrangementSigned";

	public static final String COUNCIL_PENSION_ROUTE = "councilPensionRoute";

	public static final String COUNCIL_RESOLUTION = "councilResolution";

	public static final String CQC_APPLICATION_DATE = "cqcApplicationDate";

	public static final String CQC_PROVIDER_ID = "cqcProviderId";

	public static final String DECISION = "decision";

	public static final String DECISION_BODY = "decisionBody";

	public static final String DECISION_NOTICE_CLOCK = "decisionNoticeClock";

	public static final String DECISION_PUBLISHED_DATE = "decisionPublishedDate";

	public static final String DECISION_REASON = "decisionReason";

	public static final String DECISION_TITLE = "decisionTitle";

	public static final String DISPOSAL_CONSENT = "disposalConsent";

	public static final String DISPOSAL_CONSENT_OUTCOME = "disposalConsentOutcome";

	public static final String DISPOSAL_CONSENT_RESULT = "disposalConsentResult";

	public static final String ELIGIBLE_VOTERS = "eligibleVoters";

	public static final String EMPLOYEE_LIABILITY_INFORMATION_SENT_DATE = "employeeLiabilityInformationSentDate";

	public static final String EMPLOYER_CONTRIBUTION_PERCENT = "employerContributionPercent";

	public static final String EMPLOYER_STAFF_COUNT = "employerStaffCount";

	public static final String EQUALITY_IMPACT_LINK = "equalityImpactLink";

	public static final String EQUALITY_IMPACT_SUMMARY = "equalityImpactSummary";

	public static final String ESTIMATED_CONTRACT_VALUE = "estimatedContractValue";

	public static final String EVALUATION_OUTCOME = "evaluationOutcome";

	public static final String FIRST_DISMISSAL_DATE = "firstDismissalDate";

	public static final String FULL_BUSINESS_CASE_LINK = "fullBusinessCaseLink";

	public static final String FULL_REGIME_APPLIES = "fullRegimeApplies";

	public static final String GO_LIVE_DATE = "goLiveDate";

	public static final String GOVERNANCE = "governance";

	public static final String GOVERNANCE_ROUTE = "governanceRoute";

	public static final String HEALTH_CARE = "healthCare";

	public static final String HEALTH_SCRUTINY_COMMENTS_DUE = "healthScrutinyCommentsDue";

	public static final String HEALTH_SCRUTINY_RESPONSE = "healthScrutinyResponse";

	public static final String ICO_REGISTRATION_DATE = "icoRegistrationDate";

	public static final String ICO_RENEWAL_DUE = "icoRenewalDue";

	public static final String IN_PRINCIPLE_CALL_IN_OUTCOME = "inPrincipleCallInOutcome";

	public static final String IN_PRINCIPLE_CALL_IN_REASONS = "inPrincipleCallInReasons";

	public static final String IN_PRINCIPLE_DECISION_NOTICE_DATE = "inPrincipleDecisionNoticeDate";

	public static final String IN_PRINCIPLE_DECISION_PUBLISHED_DATE = "inPrincipleDecisionPublishedDate";

	public static final String IN_PRINCIPLE_DECISION_RECONSIDERED = "inPrincipleDecisionReconsidered";

	public static final String IN_PRINCIPLE_REFERRAL_REASONS = "inPrincipleReferralReasons";

	public static final String LAND_DISPOSAL = "landDisposal";

	public static final String LEASE_TERM_YEARS = "leaseTermYears";

	public static final String LEGAL_FORM = "legalForm";

	public static final String LEGAL_FORM_CONDITIONS = "legalFormConditions";

	public static final String LEGAL_FORM_ELIGIBLE = "legalFormEligible";

	public static final String MAINLY_RESERVABLE_SERVICES = "mainlyReservableServices";

	public static final String MARKET_ENGAGEMENT_SUMMARY = "marketEngagementSummary";

	public static final String MARKET_VALUE = "marketValue";

	public static final String MAX_TERM_YEARS = "maxTermYears";

	public static final String MEASURES_ENVISAGED = "measuresEnvisaged";

	public static final String MEETS_MUTUAL_POLICY_TEST = "meetsMutualPolicyTest";

	public static final String MEETS_PA_RESERVED_TEST = "meetsPaReservedTest";

	public static final String MEETS_PCR_RESERVED_TEST = "meetsPcrReservedTest";

	public static final String MEMBERS_COUNT = "membersCount";

	public static final String MUTUAL_OWNERSHIP_CHECK = "mutualOwnershipCheck";

	public static final String NATION = "nation";

	public static final String NEW_BODY_REGISTERED = "newBodyRegistered";

	public static final String NHS_INVOLVEMENT_DUTY = "nhsInvolvementDuty";

	public static final String NHS_PENSION_ACCESS_CONFIRMED = "nhsPensionAccessConfirmed";

	public static final String NHS_PENSION_ACCESS_ROUTE = "nhsPensionAccessRoute";

	public static final String NOTICE_DATE = "noticeDate";

	public static final String OBSERVE_STANDSTILL = "observeStandstill";

	public static final String OTHER_SUPPORT_GIVEN = "otherSupportGiven";

	public static final String OWNERSHIP_MODEL = "ownershipModel";

	public static final String PARENT_BODY = "parentBody";

	public static final String PARENT_BODY_TYPE = "parentBodyType";

	public static final String PENSION_AGREEMENTS_SIGNED = "pensionAgreementsSigned";

	public static final String PENSION_COST_SUMMARY = "pensionCostSummary";

	public static final String PENSION_SCHEME_ROUTE = "pensionSchemeRoute";

	public static final String PREFERRED_OPTION = "preferredOption";

	public static final String PROCUREMENT_REGIME = "procurementRegime";

	public static final String PROCUREMENT_REGIME_RESULT = "procurementRegimeResult";

	public static final String PROCUREMENT_START_DATE = "procurementStartDate";

	public static final String PROFIT_DISTRIBUTION = "profitDistribution";

	public static final String PROGRAMME_NAME = "programmeName";

	public static final String PROGRAMME_STATUS = "programmeStatus";

	public static final String PROPOSED_CONTRACT_TERM_YEARS = "proposedContractTermYears";

	public static final String PROPOSED_REDUNDANCIES = "proposedRedundancies";

	public static final String PSR_PROCESS = "psrProcess";

	public static final String PUBLIC_CONSULTATION_START_DATE = "publicConsultationStartDate";

	public static final String PUBLIC_CONSULTATION_SUMMARY = "publicConsultationSummary";

	public static final String RECOGNISED_UNION = "recognisedUnion";

	public static final String REFERRAL_REASONS = "referralReasons";

	public static final String REFUSED_DISPOSAL_OUTCOME = "refusedDisposalOutcome";

	public static final String REGISTERED_NAME = "registeredName";

	public static final String REGISTRAR_OUTCOME = "registrarOutcome";

	public static final String REGISTRATION_APPLICATION_DATE = "registrationApplicationDate";

	public static final String REGISTRATION_CLOCK = "registrationClock";

	public static final String REGISTRATION_DATE = "registrationDate";

	public static final String REGULATED_ACTIVITY = "regulatedActivity";

	public static final String REPRESENTATIONS_RECEIVED = "representationsReceived";

	public static final String REPRESENTATIVES_PRESENT = "representativesPresent";

	public static final String RESERVED_CONTRACT_END = "reservedContractEnd";

	public static final String REVIEW_DECISION_DATE = "reviewDecisionDate";

	public static final String ROUTE_ALLOWED = "routeAllowed";

	public static final String SERVICE_CHANGES = "serviceChanges";

	public static final String SERVICE_NAME = "serviceName";

	public static final String SOCIETY_NUMBER = "societyNumber";

	public static final String SPIN_OUT_CALL_IN_OUTCOME = "spinOutCallInOutcome";

	public static final String SPIN_OUT_CALL_IN_REASONS = "spinOutCallInReasons";

	public static final String SPIN_OUT_DECISION_NOTICE_DATE = "spinOutDecisionNoticeDate";

	public static final String SPIN_OUT_DECISION_PUBLISHED_DATE = "spinOutDecisionPublishedDate";

	public static final String SPIN_OUT_DECISION_RECONSIDERED = "spinOutDecisionReconsidered";

	public static final String SPIN_OUT_REFERRAL_REASONS = "spinOutReferralReasons";

	public static final String STAFF_CONTROL_PERCENT = "staffControlPercent";

	public static final String STAFF_COUNT = "staffCount";

	public static final String STAFF_SIGNIFICANT_ROLE = "staffSignificantRole";

	public static final String STAKEHOLDER_PARTICIPATION = "stakeholderParticipation";

	public static final String STANDSTILL_CLOCK = "standstillClock";

	public static final String STANDSTILL_VOLUNTARY = "standstillVoluntary";

	public static final String SUBSTANTIAL_VARIATION = "substantialVariation";

	public static final String SUPPORT_PERCENT = "supportPercent";

	public static final String SUPPORT_THRESHOLD_PERCENT = "supportThresholdPercent";

	public static final String TARGET_TRANSFER_DATE = "targetTransferDate";

	public static final String TERM_WITHIN_LIMIT = "termWithinLimit";

	public static final String TRANSFER_DATE_AT_RISK = "transferDateAtRisk";

	public static final String TRANSFER_DATE_RISK = "transferDateRisk";

	public static final String TRANSFER_DATE_RISK_RESPONSE = "transferDateRiskResponse";

	public static final String TRANSFERRING_STAFF_COUNT = "transferringStaffCount";

	public static final String TUPE_CLAIMS_DEADLINE = "tupeClaimsDeadline";

	public static final String TUPE_CONSULTATION_ROUTE = "tupeConsultationRoute";

	public static final String TURNOUT_PERCENT = "turnoutPercent";

	public static final String TURNOUT_THRESHOLD_PERCENT = "turnoutThresholdPercent";

	public static final String UNDERVALUE = "undervalue";

	public static final String UNION_NAMES = "unionNames";

	public static final String UNION_POSITION = "unionPosition";

	public static final String VOTE_THRESHOLDS_MET = "voteThresholdsMet";

	public static final String VOTES_CAST = "votesCast";

	public static final String VOTES_IN_FAVOUR = "votesInFavour";

	public static final String WELL_BEING_PROMOTED = "wellBeingPromoted";

	private Variables() {
	}
}
