package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The check that keeps process test classes apart on their shared engine: what a test started goes
 * with its history, and anything else it leaves fails it. The classes below are run here, not by
 * Maven (nested classes are not test classes of their own).
 */
class ClassDeploymentTest {

	@Test
	void aTestThatLeavesItsProgrammeRunningPasses() {
		// given a test that starts a programme and leaves it waiting at a task
		// when
		TestExecutionSummary summary = run(LeavesItsProgrammeRunning.class);

		// then
		assertThat(summary.getFailures()).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
		assertThat(rowsLeft()).isEmpty();
	}

	@Test
	void aTestThatLeavesATaskOfItsOwnFailsAndTheEngineIsStillEmptiedAfterTheClass() {
		// given a test that creates a task outside any process, which removing processes does not remove
		// when
		TestExecutionSummary summary = run(LeavesATaskOfItsOwn.class);

		// then
		assertThat(summary.getTestsFailedCount()).isEqualTo(1);
		assertThat(summary.getFailures().get(0).getException())
				.hasMessageContaining("beyond the class's deployment").hasMessageContaining("ACT_RU_TASK=1");
		assertThat(rowsLeft()).isEmpty();
	}

	private static TestExecutionSummary run(Class<?> testClass) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
				.build(), listener);
		return listener.getSummary();
	}

	/** The shared engine's tables that hold rows, but for its own properties. */
	private static Map<String, Long> rowsLeft() {
		Map<String, Long> rows = new TreeMap<>(JourneyTestEngine.withoutCoverage().getProcessEngine()
				.getManagementService().getTableCount());
		rows.keySet().removeIf(table -> table.startsWith("ACT_GE_PROPERTY") || table.startsWith("ACT_GE_SCHEMA_LOG"));
		rows.values().removeIf(count -> count == 0);
		return rows;
	}

	@ClassDeployment(resources = "org/spinout/journey/programme-stop.bpmn")
	static class LeavesItsProgrammeRunning {

		@RegisterExtension
		static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

		@Test
		void startsAProgramme() {
			engine.getRuntimeService().startProcessInstanceByKey("programme-stop");
		}
	}

	@ClassDeployment(resources = "org/spinout/journey/programme-stop.bpmn")
	static class LeavesATaskOfItsOwn {

		@RegisterExtension
		static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

		@Test
		void createsATask() {
			TaskService tasks = engine.getTaskService();
			tasks.saveTask(tasks.newTask());
		}
	}
}
