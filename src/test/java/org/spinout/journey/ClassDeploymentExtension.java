package org.spinout.journey;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Does what {@link ClassDeployment} says. */
final class ClassDeploymentExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
			.create(ClassDeploymentExtension.class);

	/** What the class deployed, on which engine, and how many rows each engine table then held. */
	private record Deployed(ProcessEngine engine, String deploymentId, Map<String, Long> rows) {
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		ProcessEngineExtension engineExtension = engineExtensionOf(testClass);
		// This extension checks the tables after each test; Camunda's check would find the deployment.
		engineExtension.setEnsureCleanAfterTest(false);
		ProcessEngine engine = engineExtension.getProcessEngine();
		DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
				.name(testClass.getSimpleName());
		for (String resource : AnnotationSupport.findAnnotation(testClass, ClassDeployment.class).orElseThrow()
				.resources()) {
			deployment.addClasspathResource(resource);
		}
		String deploymentId = deployment.deploy().getId();
		context.getStore(NAMESPACE).put(Deployed.class,
				new Deployed(engine, deploymentId, rows(engine)));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Deployed deployed = context.getStore(NAMESPACE).get(Deployed.class, Deployed.class);
		removeWhatTheTestStarted(deployed.engine());
		Map<String, Long> now = rows(deployed.engine());
		if (!now.equals(deployed.rows())) {
			throw new AssertionError("The test left rows in the engine's tables beyond the class's deployment: "
					+ "after the deployment " + changed(deployed.rows(), now) + "; now " + changed(now, deployed.rows()));
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Deployed deployed = context.getStore(NAMESPACE).remove(Deployed.class, Deployed.class);
		if (deployed != null) {
			deployed.engine().getRepositoryService().deleteDeployment(deployed.deploymentId(), true, true, true);
			TestHelper.assertAndEnsureCleanDbAndCache(deployed.engine());
		}
	}

	/** The class's {@code static ProcessEngineExtension} field, as {@link JourneyTestEngine} makes them. */
	private static ProcessEngineExtension engineExtensionOf(Class<?> testClass) {
		List<Field> fields = ReflectionSupport.findFields(testClass,
				field -> Modifier.isStatic(field.getModifiers())
						&& ProcessEngineExtension.class.isAssignableFrom(field.getType()),
				HierarchyTraversalMode.TOP_DOWN);
		if (fields.size() != 1) {
			throw new IllegalStateException(testClass.getSimpleName() + " has " + fields.size()
					+ " static engine extensions; @ClassDeployment needs exactly one, from JourneyTestEngine");
		}
		return (ProcessEngineExtension) ReflectionSupport.tryToReadFieldValue(fields.get(0), null)
				.getOrThrow(IllegalStateException::new);
	}

	/**
	 * Ends every process instance, then deletes the history of every instance and of every decision
	 * evaluated on its own, and what its users did: the engine cascades to tasks, variables, jobs,
	 * incidents and their logs, as it does when a deployment is removed.
	 */
	private static void removeWhatTheTestStarted(ProcessEngine engine) {
		// Removed as nobody: as the test's user, the engine would log each removal.
		engine.getIdentityService().clearAuthentication();
		RuntimeService runtime = engine.getRuntimeService();
		List<String> running = runtime.createProcessInstanceQuery().rootProcessInstances().list().stream()
				.map(ProcessInstance::getId).toList();
		if (!running.isEmpty()) {
			// Without listeners and output mappings: they would read variables the test never set.
			runtime.deleteProcessInstances(running, "test ended", true, true, false, true);
		}
		HistoryService history = engine.getHistoryService();
		List<String> finished = history.createHistoricProcessInstanceQuery().list().stream()
				.map(HistoricProcessInstance::getId).toList();
		if (!finished.isEmpty()) {
			history.deleteHistoricProcessInstances(finished);
		}
		List<String> decisions = history.createHistoricDecisionInstanceQuery().list().stream()
				.map(HistoricDecisionInstance::getId).toList();
		if (!decisions.isEmpty()) {
			history.deleteHistoricDecisionInstancesBulk(decisions);
		}
		// What the test's users did is logged apart from the instances, and outlives them.
		history.createUserOperationLogQuery().list()
				.forEach(entry -> history.deleteUserOperationLogEntry(entry.getId()));
	}

	private static Map<String, Long> rows(ProcessEngine engine) {
		return new TreeMap<>(engine.getManagementService().getTableCount());
	}

	/** The entries of {@code rows} that {@code other} holds differently. */
	private static Map<String, Long> changed(Map<String, Long> rows, Map<String, Long> other) {
		Map<String, Long> changed = new TreeMap<>(rows);
		changed.entrySet().removeIf(entry -> entry.getValue().equals(other.get(entry.getKey())));
		return changed;
	}
}
