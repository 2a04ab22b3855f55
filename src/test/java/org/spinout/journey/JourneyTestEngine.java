package org.spinout.journey;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.spinout.deadline.DeadlineConfiguration;
import org.spinout.deadline.StatutoryClocks;
import org.spinout.deadline.TaskDeadlines;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.ModelReadersPlugin;
import org.spinout.engine.TaskPlumbingPlugin;
import org.spinout.engine.TestClock;
import org.spinout.notification.TaskNotifications;

/**
 * The in-memory engine for process and decision tests, with the application's real beans
 * ({@code workingDays}, {@code clocks}, {@code taskDeadlines} and the delegates) built with their
 * default settings, so that expressions in the models resolve exactly as in the application.
 *
 * <p>A process test class:
 * <pre>{@code
 * @ClassDeployment(resources = {"processes/business-case.bpmn", "forms/prepare-business-case.form"})
 * class BusinessCaseProcessTest {
 *
 *   @RegisterExtension
 *   static final ProcessEngineCoverageExtension engine = JourneyTestEngine.withCoverage();
 *
 *   @RegisterExtension
 *   final EngineClockExtension clock = EngineClockExtension.at(engine, JourneyTimers.london(2026, 3, 2, 9, 0));
 * }
 * }</pre>
 * Building an engine is most of a process test's cost (the engine reads its database mappings
 * each time), so every class shares one of two engines, built on first use: one that measures
 * coverage, one that does not (a decision table has no flow nodes to cover). The two share one
 * database, and the mappings are read once for both. Test classes still
 * never see each other's data: {@link ClassDeployment} removes what each test started and checks
 * the tables after every test, and empties the engine after the class. A class that deploys models
 * itself hands them to the extension ({@code manageDeployment}), which removes them after each test
 * and then checks that the engine's tables are empty.
 */
public final class JourneyTestEngine {

	/** The build fails when a process test class covers less of its models' flow nodes than this. */
	public static final double MINIMUM_CLASS_COVERAGE = 0.9;

	/** The models' own behaviour is tested here; what people are told is tested with the application. */
	private static final TaskNotifications NO_NOTIFICATIONS = new TaskNotifications() {
		@Override
		public void reminded(DelegateTask task) {
		}

		@Override
		public void escalated(DelegateTask task) {
		}
	};

	/** Kept while the JVM runs, whether or not an engine holds a connection to it. */
	private static final String DATABASE = "jdbc:h2:mem:journey-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private JourneyTestEngine() {
	}

	/**
	 * A JUnit 5 engine extension that also measures flow node coverage, writes the report under
	 * {@code target/process-test-coverage/} and fails the class below {@link #MINIMUM_CLASS_COVERAGE}.
	 * Name the models in {@link ClassDeployment} so that every test counts towards one coverage.
	 */
	public static ProcessEngineCoverageExtension withCoverage() {
		return withCoverageExcluding();
	}

	/**
	 * {@link #withCoverage()} leaving out processes deployed only to stand in for others, such as
	 * stub phase processes that a test of the main process calls.
	 */
	public static ProcessEngineCoverageExtension withCoverageExcluding(String... processKeys) {
		ProcessEngineCoverageExtension extension = (ProcessEngineCoverageExtension) ProcessEngineCoverageExtension
				.builder(new AlreadyBuilt(CoverageEngine.ENGINE))
				.excludeProcessDefinitionKeys(processKeys)
				.assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE)
				.build();
		extension.ensureCleanAfterTest(true);
		return extension;
	}

	/** A JUnit 5 engine extension without coverage, for decision tables (they have no flow nodes). */
	public static ProcessEngineExtension withoutCoverage() {
		return ProcessEngineExtension.builder()
				.useProcessEngine(PlainEngine.ENGINE)
				.ensureCleanAfterTest(true)
				.build();
	}

	/** The application's beans as expressions in the models see them. */
	public static Map<Object, Object> beans() {
		WorkingDays workingDays = new WorkingDays(TestClock.clock());
		StatutoryClocks clocks = new StatutoryClocks(DeadlineConfiguration.defaultPeriods(), workingDays);
		Map<Object, Object> beans = new HashMap<>();
		beans.put("workingDays", workingDays);
		beans.put("clocks", clocks);
		beans.put("taskDeadlines", new TaskDeadlines(workingDays, TaskDeadlines.DEFAULT_REMINDER_WORKING_DAYS));
		beans.put("recordProgrammeStop", new RecordProgrammeStop());
		beans.put("taskReminder", new TaskReminder(NO_NOTIFICATIONS, TestClock.clock()));
		beans.put("taskEscalation", new TaskEscalation(NO_NOTIFICATIONS, TestClock.clock()));
		beans.put("checkTransferDate", new CheckTransferDate(clocks, TestClock.clock()));
		beans.put("newBodyRegistration", new NewBodyRegistration());
		beans.put("transferDateMove", new TransferDateMove());
		beans.put("transferDateClocks", new TransferDateClocks());
		return beans;
	}

	private static ProcessEngineConfigurationImpl configure(ProcessEngineConfigurationImpl configuration) {
		configuration.setProcessEngineName("journey-" + UUID.randomUUID());
		// Both engines work on one database, through one set of database mappings read by the first
		// built: reading them is most of building an engine. A class uses one engine at a time, and
		// leaves the tables empty.
		configuration.setJdbcUrl(DATABASE);
		configuration.setUseSharedSqlSessionFactory(true);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		// Tests drive every job themselves with execute(job()), after moving the engine clock.
		configuration.setJobExecutorActivate(false);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		// Task metrics count assignees for licence reports: no test reads them, and their rows would
		// outlive the test's deployment and fail the check that the engine is left clean.
		configuration.setTaskMetricsEnabled(false);
		configuration.setBeans(beans());
		// The models are read as the application reads them: with reminders, escalations and the decision mapping.
		configuration.getProcessEnginePlugins().add(new TaskPlumbingPlugin());
		configuration.getProcessEnginePlugins().add(new ModelReadersPlugin());
		return configuration;
	}

	/** The engine with coverage listeners, built when the first class asks for it. */
	private static final class CoverageEngine {
		static final ProcessEngine ENGINE = configure(new ProcessCoverageInMemProcessEngineConfiguration())
				.buildProcessEngine();
	}

	private static final class PlainEngine {
		static final ProcessEngine ENGINE = configure(new StandaloneInMemProcessEngineConfiguration())
				.buildProcessEngine();
	}

	/** Hands the coverage extension the shared engine: its builder takes a configuration and builds from it. */
	private static final class AlreadyBuilt extends ProcessEngineConfiguration {

		private final ProcessEngine engine;

		AlreadyBuilt(ProcessEngine engine) {
			this.engine = engine;
		}

		@Override
		public ProcessEngine buildProcessEngine() {
			return engine;
		}
	}
}
