package org.spinout.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.spinout.deadline.WorkingDays;
import org.spinout.form.ComponentType;
import org.spinout.form.FormComponent;
import org.spinout.form.Option;
import org.spinout.form.Rules;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the people of a spin-out would plausibly answer on each form, field by field, from what
 * the programme knows so far: the demo data reads like a real programme, and each answer steers
 * the journey the way a sensible programme goes (a mutual, not "stop"; an award route the regime
 * allows; votes that pass). Fields not named here are left to their stored value or default, and
 * any answer a form refuses is replaced by {@link #withinRules}.
 */
@Component
@Profile("demo")
class PlausibleAnswers {

	/** Samples for fields with a pattern, tried in turn; the first that the pattern accepts is used. */
	private static final List<String> PATTERNED = List.of("1-1000012345", "31207R", "14876023", "ZB123456",
			"E10000008", "ABC12");

	private final DeployedAwardRoutes routes;

	PlausibleAnswers(DeployedAwardRoutes routes) {
		this.routes = routes;
	}

	/** The questions being answered: the programme's reference, today on the engine clock, what is known. */
	record Asked(String reference, LocalDate today, Function<String, Object> seen) {

		String text(String name, String otherwise) {
			Object value = seen.apply(name);
			return value == null || value.toString().isBlank() ? otherwise : value.toString();
		}

		long number(String name, long otherwise) {
			return seen.apply(name) instanceof Number number ? number.longValue() : otherwise;
		}

		boolean yes(String name) {
			Object value = seen.apply(name);
			return Boolean.TRUE.equals(value) || "true".equals(value);
		}

		LocalDate date(String name) {
			return seen.apply(name) instanceof Date date ? WorkingDays.toLocalDate(date) : null;
		}

		/** The date, or today when it has passed or is unknown. */
		LocalDate dateFromToday(String name, int daysAfterToday) {
			LocalDate date = date(name);
			LocalDate earliest = today.plusDays(daysAfterToday);
			return date == null || date.isBefore(earliest) ? earliest : date;
		}

		String nation() {
			return text("nation", "england-wales");
		}

		/** A number the programme keeps for itself, different for each programme. */
		long serial(int digits) {
			long bound = (long) Math.pow(10, digits);
			return bound / 10 + Math.floorMod(reference.hashCode() * 7919L, bound - bound / 10);
		}

		String link(String key) {
			String document = key.replaceAll("Link$", "").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
			String body = text("parentBody", "spinout").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
					.replaceAll("(^-|-$)", "");
			return "https://" + body + ".example/spin-out/" + reference + "/" + document;
		}
	}

	/** A plausible answer to the field, or null to leave it to its stored value or default. */
	Object answer(FormComponent field, Asked asked) {
		String key = field.key();
		if (key.endsWith("Link") && field.type() == ComponentType.TEXT_FIELD) {
			return asked.link(key);
		}
		String service = asked.text("serviceName", "the service").toLowerCase(Locale.UK);
		String programme = asked.text("programmeName", "the programme");
		long transferring = asked.number("transferringStaffCount", 100);
		return switch (key) {
		// Starting a programme
		case "programmeName" -> "Riverside Community Services";
		case "parentBody" -> "Riverside Borough Council";
		case "parentBodyType" -> "council";
		case "councilGovernance" -> "executive";
		case "nation" -> "england-wales";
		case "serviceName" -> "Community library service";
		case "staffCount" -> 120L;
		case "transferringStaffCount" -> Math.max(1, asked.number("staffCount", 120) * 9 / 10);
		case "targetTransferDate" -> asked.today().plusMonths(15).withDayOfMonth(1);
		case "transferDateRiskResponse" -> "keep";
		case "transferDateRiskNotes" -> "The programme board accepts the risk: HR will send the employee liability "
				+ "information early and consult the unions from the start of the engagement phase.";
		// Options and the in-principle decision
		case "interestRoute" -> asked.yes("healthCare") ? "right-to-provide" : "staff-expression-of-interest";
		case "staffSupport" -> "most-staff";
		case "expressionOfInterestSummary" -> "The staff of " + service + " want to run it as an organisation of "
				+ "their own, with the people who use it as members, and to keep every site open.";
		case "preferredOption" -> "public-service-mutual";
		case "optionsAppraisalSummary" -> "Four options were appraised for " + service + ": keeping it in house, "
				+ "outsourcing it, a staff-led public service mutual and a mutual joint venture. The mutual scores "
				+ "best on quality, staff engagement and long-term cost, and keeps the service's public purpose.";
		case "serviceChanges", "decisionInPrivate", "calledIn", "pensionBondRequired", "substantialVariation",
				"representationsReceived", "disposalAtUndervalue", "healthScrutinyRecommendations",
				"stakeholderParticipation", "claimIssued", "landDisposal", "otherSupportGiven" -> false;
		case "callInDate", "staffToldDate", "healthScrutinyConsultedDate" -> asked.today();
		case "callInMeetingDate" -> asked.today().plusDays(1);
		case "callInMeetingOutcome" -> "no-action";
		case "councilResolution" -> "no-objection";
		case "staffToldHow" -> "A briefing for each team, a letter to every member of staff and a meeting with the "
				+ "unions, with the decision-makers' reasons.";
		case "healthScrutinyCommentsDue" -> asked.today().plusWeeks(6);
		case "proposedDecisionDate" -> asked.today().plusMonths(4);
		case "healthScrutinyResponse" -> "The committee supports the change provided clinics stay in the same "
				+ "places and waiting times are reported to it each quarter.";
		case "annualContractValue", "agreedAnnualValue", "estimatedAnnualValue" ->
			asked.number("annualContractValue", Math.round(transferring * 41_500 / 10_000.0) * 10_000);
		case "estimatedContractValue" -> asked.number("estimatedAnnualValue", Math.round(transferring * 41_500 / 10_000.0) * 10_000)
				* asked.number("proposedContractTermYears", 5);
		case "proposedContractTermYears" -> 5L;
		// Engagement and consultation
		case "publicConsultationScope" -> "How " + service + " is run after the transfer, its opening hours and "
				+ "the part users and the community play in the new organisation.";
		case "publicConsultationResponses" -> transferring * 6;
		case "publicConsultationSummary" -> "Most respondents support the spin-out provided the service stays free "
				+ "at the point of use and local sites stay open; users asked for a seat on the board.";
		case "unionNames" -> switch (asked.nation()) {
		case "scotland" -> "UNISON Scotland and Unite";
		case "northern-ireland" -> "NIPSA and UNISON";
		default -> "UNISON and GMB";
		};
		case "recognisedUnion", "representativesPresent", "measuresEnvisaged", "assetLock", "communityBenefit",
				"communityInterestStatement", "nhsPensionAccessConfirmed", "assetLockConfirmed",
				"councilPensionArrangementSigned", "bankAccountOpened", "observeStandstill", "wellBeingPromoted" -> true;
		case "unionPosition" -> "supportive";
		case "unionConcerns" -> "Pension protection for transferring staff and the terms offered to new starters.";
		case "staffEngagementSummary" -> "Twelve drop-in sessions across the sites, a staff reference group and a "
				+ "weekly newsletter; questions and answers are published on the intranet before the vote.";
		case "indicativeVoteCloses" -> asked.today().plusWeeks(3);
		case "eligibleVoters" -> transferring;
		case "votesCast" -> Math.round(asked.number("eligibleVoters", transferring) * 0.78);
		case "votesInFavour" -> Math.round(asked.number("votesCast", transferring) * 0.81);
		case "ownershipModel" -> "mutual-joint-venture".equals(asked.text("preferredOption", ""))
				? "mutual-joint-venture" : "public-service-mutual";
		case "staffControlPercent" -> 60.0;
		case "staffSignificantRole", "mainlyReservableServices", "unionsTold", "decisionPapersComplete" -> true;
		case "profitDistribution" -> "reinvested";
		case "equalityImpactSummary" -> "Older and disabled people use " + service + " most; the spin-out keeps "
				+ "every site, opening hours and the home service, so no group is worse off.";
		case "equalityImpactMitigations" -> "Keep every site and the home service; the new board includes users.";
		case "pensionSchemeRoute" -> asked.text("parentBodyType", "council").equals("nhs-trust")
				|| asked.text("parentBodyType", "council").equals("icb") ? "nhs-pension-direction" : "lgps-admission";
		case "employerContributionPercent" -> 18.5;
		case "pensionSecurity" -> "guarantee";
		case "pensionCostSummary" -> "Employer contributions of 18.5% of pay, with a guarantee from the parent body "
				+ "in place of a bond; the transfer adds no deficit.";
		case "marketEngagementSummary" -> "Two charities and a company said they could deliver " + service
				+ "; the mutual meets the tests for a reserved contract, which the route will use.";
		case "fullBusinessCaseSummary" -> "The mutual keeps " + service + " whole, saves about 4% a year from the "
				+ "second year and carries the pension guarantee the actuary costed.";
		case "jointVenturePartner" -> asked.text("parentBody", "The parent body");
		case "ownershipModelSummary" -> "Staff and service users become members; staff elect a majority of the "
				+ "board and hold 60% of the votes at general meetings, the community the rest.";
		case "withdrawalNotes" -> "The programme pages now say the spin-out will not go ahead, and why.";
		// Legal formation
		case "legalForm" -> "community-benefit-society";
		case "membersCount" -> transferring;
		case "communityInterestSummary" -> "The company will run " + service + " for the benefit of the people "
				+ "who use it and reinvest any surplus in the service.";
		case "charitable" -> "company-limited-by-guarantee".equals(asked.text("legalForm", ""));
		case "recommendationSummary" -> "Legal services recommend this form: it suits a staff-led mutual with "
				+ "community members, gives limited liability and an asset lock, and is familiar to commissioners.";
		case "proposedName", "registeredName" -> registeredName(programme, asked.text("legalForm", ""));
		case "societyNumber" -> asked.serial(5) + "R";
		case "companyNumber" -> switch (asked.nation()) {
		case "scotland" -> "SC" + asked.serial(6);
		case "northern-ireland" -> "NI" + asked.serial(6);
		default -> "1" + asked.serial(7);
		};
		case "registrarOutcome" -> "registered";
		case "payeReference" -> "%03d/SP%05d".formatted(asked.serial(3), asked.serial(5));
		case "registrarExpectedDate" -> asked.today().plusWeeks(2);
		case "registrarChaseNotes" -> "Called the registrar: the application is with a case officer and no "
				+ "further information is needed.";
		case "chairName" -> "Margaret Ellison";
		case "boardMembersCount" -> 9L;
		case "staffBoardMembersCount" -> 4L;
		case "governingDocumentsLocation" -> "Registered office, with copies in the board's shared workspace";
		case "minutesFiled", "readinessConfirmed", "dataSharingAgreementSigned", "dpiaCompleted" -> true;
		// Contract and procurement
		case "serviceSpecificationSummary" -> "Outcomes, standards and reporting for " + service + ", based on "
				+ "the current service with the changes agreed in the business case.";
		case "awardRoute" -> routes.preferredFor(asked.seen()).map(DeployedAwardRoutes.Limits::route).orElse(null);
		case "evaluationOutcome" -> "new-body-won";
		case "contractTermYears" -> contractTerm(asked);
		case "psrProcess" -> "direct-award-c";
		case "reservedConditions" -> String.join(",", field.options().stream().map(Option::value).toList());
		case "routeJustification" -> "The route fits the regime and the service: the provider is a staff-led "
				+ "mutual set up to deliver this public service, and the term stays within the route's limit.";
		case "kpiCount" -> 12L;
		case "section75Agreement" -> asked.yes("healthCare");
		case "termsSummary" -> "Block contract with an annual uplift, quarterly performance reviews against the "
				+ "key performance indicators and a shared risk register.";
		case "noticeReference", "transparencyNoticeReference" -> "%06d-%d".formatted(asked.serial(5),
				asked.today().getYear());
		case "contractStartDate" -> asked.dateFromToday("targetTransferDate", 0);
		// Staff transfer and pensions
		case "employerStaffCount" -> Math.max(asked.number("staffCount", 120) * 25, 1_000);
		case "proposedRedundancies" -> 0L;
		case "employeeLiabilityInformationEmployees" -> transferring;
		case "measuresDescription" -> "A move to the new organisation's payroll and HR system and new rotas "
				+ "across the sites; no change to pay or terms and conditions.";
		case "electedRepresentatives" -> "Three representatives, one for each site, elected by secret ballot.";
		case "consultationMeetings" -> 6L;
		case "consultationSummary" -> "Six meetings with the representatives on the measures; the rota changes "
				+ "were phased in response, and no objections remain.";
		case "councilPensionRoute" -> "lgps-admission";
		case "nhsPensionAccessRoute" -> "direction";
		// Go-live
		case "goLiveDate", "assetTransferDate", "itCutoverDate" -> asked.dateFromToday(
				key.equals("goLiveDate") ? "targetTransferDate" : "goLiveDate", 1);
		case "icoRegistrationNumber" -> "ZB" + asked.serial(6);
		case "icoFeeTier" -> transferring > 250 ? "tier-3" : "tier-2";
		case "regulatedActivities" -> "treatment,diagnostic";
		case "registeredManagerName" -> "Daniel Osei";
		case "cqcProviderId" -> "1-" + asked.serial(10);
		case "assetsSummary" -> "Equipment, vehicles and the leases of the service's buildings.";
		case "marketValue", "consideration" -> 250_000L;
		case "leasesCount" -> 6L;
		case "contractManager" -> "Joanne Pritchard";
		case "reportingFrequency" -> "quarterly";
		case "firstReportDue" -> asked.today().plusMonths(3);
		case "disposalConsentReference" -> "DC/" + asked.today().getYear() + "/" + asked.serial(4);
		default -> null;
		};
	}

	/**
	 * An answer that keeps the field's rules, for a field nothing else answered or whose answer the
	 * form refused: today for a date (a month ahead when it may not be in the past), the first
	 * option, a number within its range, a text of the right length or pattern.
	 */
	Object withinRules(FormComponent field, Asked asked) {
		Rules rules = field.rules();
		return switch (field.type()) {
		case DATE -> field.disallowPassedDates() ? asked.today().plusMonths(1) : asked.today();
		case CHECKBOX -> rules.required();
		case RADIO, SELECT -> field.options().isEmpty() ? null : field.options().get(0).value();
		case CHECKLIST -> field.options().isEmpty() ? null : field.options().get(0).value();
		case NUMBER -> {
			BigDecimal value = BigDecimal.ONE;
			if (rules.min() != null && value.compareTo(rules.min()) < 0) {
				value = rules.min();
			}
			if (rules.max() != null && value.compareTo(rules.max()) > 0) {
				value = rules.max();
			}
			yield field.isWholeNumber() ? (Object) value.longValue() : (Object) value.doubleValue();
		}
		case TEXT_FIELD, TEXT_AREA -> text(field, asked);
		case FILE, TEXT -> null;
		};
	}

	private static String text(FormComponent field, Asked asked) {
		Rules rules = field.rules();
		if (rules.pattern() != null) {
			String link = asked.link(field.key());
			return rules.pattern().matcher(link).find() ? link
					: PATTERNED.stream().filter(sample -> rules.pattern().matcher(sample).find()).findFirst()
							.orElseThrow(() -> new IllegalArgumentException(
									"No answer is known to fit the pattern of " + field.key() + ": give one"));
		}
		String label = field.label() == null ? field.key() : field.label();
		StringBuilder text = new StringBuilder(label).append(" for ").append(asked.text("programmeName", "the programme"));
		while (rules.minLength() != null && text.length() < rules.minLength()) {
			text.append(", as agreed by the programme board");
		}
		String answer = text.toString();
		return rules.maxLength() != null && answer.length() > rules.maxLength() ? answer.substring(0, rules.maxLength())
				: answer;
	}

	private static String registeredName(String programme, String legalForm) {
		return switch (legalForm) {
		case "community-interest-company" -> programme.endsWith(" CIC") ? programme : programme + " CIC";
		case "company-limited-by-guarantee" -> programme + " Limited";
		default -> programme;
		};
	}

	/** The proposed term, cut to the chosen route's limit. */
	private Long contractTerm(Asked asked) {
		long proposed = asked.number("proposedContractTermYears", 5);
		Object route = asked.seen().apply("awardRoute");
		DeployedAwardRoutes.Limits limits = route == null ? null : routes.of(route.toString(), asked.seen());
		return limits == null || limits.maxTermYears() == null ? proposed : Math.min(proposed, limits.maxTermYears());
	}
}
