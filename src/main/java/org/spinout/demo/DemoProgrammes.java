package org.spinout.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.contract.Processes;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.EngineClock;
import org.spinout.engine.JobExecutorPause;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds six sample programmes at different points of the journey when the demo profile starts,
 * so that a newcomer finds task lists, history, overdue work and decisions to look at. Each is
 * started through the start form and driven by {@link JourneyDriver} as its people would, with
 * the engine clock set back to when it began, so its history has realistic dates. A programme
 * whose name exists already is left alone, so a restart (even one in the middle of seeding)
 * adds only what is missing. Off with {@code spinout.demo.programmes=false}.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "spinout.demo.programmes", havingValue = "true", matchIfMissing = true)
public class DemoProgrammes implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoProgrammes.class);

	/** How far a demo programme has got: the driver's work on it after it started. */
	interface Progress {
		void drive(JourneyDriver driver, String reference, Steering steering);
	}

	/**
	 * A sample programme: its start form, when it started and when its staff transfer, how long its
	 * people take over a task, its own choices and how far it has got.
	 */
	record DemoProgramme(String name, String parentBody, String parentBodyType, String nation, String serviceName,
			boolean healthCare, long staffCount, long transferringStaffCount, Period startedAgo,
			Period transferFromToday, Duration pace, Map<String, Object> choices, Progress progress) {

		Map<String, Object> startForm(LocalDate today) {
			return Map.of("programmeName", name, "parentBody", parentBody, "parentBodyType", parentBodyType,
					"nation", nation, "serviceName", serviceName, "healthCare", healthCare, "staffCount", staffCount,
					"transferringStaffCount", transferringStaffCount, "targetTransferDate",
					today.plus(transferFromToday));
		}
	}

	/** Oldest first, so that their references run in the order they started. */
	static final List<DemoProgramme> PROGRAMMES = List.of(
			new DemoProgramme("Thrive Together Children's Services",
					"Hertfordshire County Council and Hertfordshire and West Essex ICB", "joint", "england-wales",
					"Children's therapies and family support", true, 280, 240, Period.ofMonths(24),
					Period.ofMonths(-7), Duration.ofDays(12),
					Map.of("serviceChanges", true, "substantialVariation", true, "legalForm",
							"community-interest-company"),
					(driver, reference, steering) -> driver.runToEnd(reference, steering)),
			new DemoProgramme("Causeway Coast Leisure", "Causeway Coast and Glens Borough Council", "council",
					"northern-ireland", "Leisure centres and sports development", false, 210, 185,
					Period.ofMonths(20), Period.ofMonths(4), Duration.ofDays(14), Map.of(),
					(driver, reference, steering) -> {
						driver.advanceUntil(reference, steering, "ApproveSpinOut");
						driver.decide(reference, "ApproveSpinOut", "reject", "The business plan needs a management "
								+ "fee the council cannot commit to beyond 2027. The service stays in house and the "
								+ "savings will come from the leisure review instead.", steering);
						// The staff are told and the notices withdrawn before the stop is recorded.
						driver.runToEnd(reference, steering);
					}),
			new DemoProgramme("Live Argyll", "Argyll and Bute Council", "council", "scotland",
					"Leisure, libraries and community halls", false, 380, 350, Period.ofMonths(16),
					Period.ofDays(21), Duration.ofDays(6), Map.of("legalForm", "company-limited-by-guarantee"),
					(driver, reference, steering) -> driver.advanceUntil(reference, steering, "ConfirmGoLive")),
			new DemoProgramme("Wirral Community Health Partnership",
					"Wirral Community Health and Care NHS Foundation Trust", "nhs-trust", "england-wales",
					"Community nursing and therapy services", true, 1150, 1040, Period.ofMonths(12),
					Period.ofDays(75), Duration.ofDays(9), Map.of("legalForm", "community-interest-company",
							"serviceChanges", true, "substantialVariation", true),
					(driver, reference, steering) -> driver.advanceUntil(reference, steering, "ConfirmCqcRegistration",
							"NegotiateContractTerms", "ProvideEmployeeLiabilityInformation")),
			new DemoProgramme("Libraries Unlimited", "Devon County Council", "council", "england-wales",
					"Library service", false, 230, 205, Period.ofMonths(11), Period.ofMonths(10),
					Duration.ofDays(7), Map.of("serviceChanges", true),
					(driver, reference, steering) -> {
						// The ownership model runs beside the staff engagement: it waits for the sponsors too.
						driver.advanceUntil(reference, steering, "ConfirmStaffSupport", "ApproveOwnershipModel");
						driver.decide(reference, "ConfirmStaffSupport", "sendBack", "Turnout was under half in the "
								+ "rural branches. Hold drop-in sessions there and run the vote again.", steering);
					}),
			new DemoProgramme("Explore York Libraries and Archives", "City of York Council", "council",
					"england-wales", "Libraries and archives", false, 120, 105, Period.ofMonths(10),
					Period.ofMonths(12), Duration.ofDays(8),
					Map.of("ownershipModel", "multi-stakeholder-mutual", "staffControlPercent", 33.3,
							"stakeholderParticipation", true),
					(driver, reference, steering) -> {
						driver.advanceUntil(reference, steering, "ConsiderCallIn");
						// Scrutiny calls the key decision in within the window, meets and refers it back once.
						Steering promptly = steering.withPace(Duration.ofDays(1));
						driver.complete(reference, "ConsiderCallIn", Map.of("calledIn", true, "callInReasons",
								"The decision was taken before the archive volunteers were asked about the "
										+ "membership of the new body."), promptly);
						driver.complete(reference, "HoldCallInMeeting", Map.of("callInMeetingOutcome", "refer-back",
								"referralReasons", "Meet the volunteers and the Friends groups, and report what "
										+ "they said, before confirming the decision."), steering);
						driver.decide(reference, "TakeInPrincipleDecision", "approve", "The volunteers and Friends "
								+ "groups were met; they will be community members of the new body.", steering);
						driver.advanceUntil(reference, steering, "ApproveOwnershipModel");
					}));

	/** The time of day a programme is started, London time. */
	private static final LocalTime STARTED_AT = LocalTime.of(10, 0);

	private final JourneyDriver driver;

	private final HistoryService history;

	private final JobExecutorPause jobExecutor;

	private final EngineClock clock;

	private final WorkingDays workingDays;

	DemoProgrammes(JourneyDriver driver, HistoryService history, JobExecutorPause jobExecutor, EngineClock clock,
			WorkingDays workingDays) {
		this.driver = driver;
		this.history = history;
		this.jobExecutor = jobExecutor;
		this.clock = clock;
		this.workingDays = workingDays;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	/**
	 * Seeds the demo programmes that do not exist yet, with the job executor paused (it must not
	 * fire timers against the moved clock) and the engine clock reset before and after.
	 *
	 * @return the references of the programmes seeded now
	 */
	public List<String> seed() {
		List<DemoProgramme> missing = PROGRAMMES.stream().filter(programme -> !exists(programme.name())).toList();
		if (missing.isEmpty()) {
			log.info("The demo programmes are there already");
			return List.of();
		}
		long began = System.nanoTime();
		List<String> seeded = jobExecutor.during(() -> {
			List<String> references = new ArrayList<>();
			try {
				clock.reset();
				Instant now = clock.instant();
				for (DemoProgramme programme : missing) {
					seed(programme, now).ifPresent(references::add);
				}
			}
			finally {
				clock.reset();
			}
			return references;
		});
		log.info("Seeded {} demo programme{} in {} ms", seeded.size(), seeded.size() == 1 ? "" : "s",
				Duration.ofNanos(System.nanoTime() - began).toMillis());
		return seeded;
	}

	private Optional<String> seed(DemoProgramme programme, Instant now) {
		LocalDate today = WorkingDays.toLocalDate(Date.from(now));
		clock.moveTo(startOf(programme, today));
		String reference = null;
		try {
			reference = driver.start(programme.startForm(today));
			Steering steering = Steering.DEFAULT.answering(programme.choices()).withPace(programme.pace())
					.withLimit(now);
			programme.progress().drive(driver, reference, steering);
			// Time has passed since: reminders and escalations fall due as they would have.
			driver.passTime(reference, now);
			log.info("Seeded the demo programme {} {}: {}", reference, programme.name(),
					driver.openTaskKeys(reference).isEmpty() ? "ended" : "open " + driver.openTaskKeys(reference));
		}
		catch (RuntimeException e) {
			// A demo programme that did not get as far is still worth looking at; the others go on.
			log.warn("The demo programme {} {} stopped short: {}", reference, programme.name(), e.getMessage(), e);
		}
		return Optional.ofNullable(reference);
	}

	/** Ten in the morning of a working day, as long ago as the programme started. */
	private Instant startOf(DemoProgramme programme, LocalDate today) {
		LocalDate day = today.minus(programme.startedAgo());
		while (!workingDays.isWorkingDay(day, programme.nation())) {
			day = day.plusDays(1);
		}
		return ZonedDateTime.of(day, STARTED_AT, WorkingDays.LONDON).toInstant();
	}

	private boolean exists(String name) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.variableValueEquals("programmeName", name).count() > 0;
	}
}
