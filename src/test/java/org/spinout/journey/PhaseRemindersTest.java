package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.escalation;
import static org.spinout.journey.JourneyTimers.fire;
import static org.spinout.journey.JourneyTimers.london;
import static org.spinout.journey.JourneyTimers.reminder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinout.contract.CandidateGroups;
import org.spinout.engine.EngineClockExtension;

/**
 * Every phase process reminds the people its first task waits for before the task falls due and
 * escalates it to the programme office on the day, without leaving the task: the behaviour the
 * engine adds to every user task with a due date ({@code TaskPlumbing}), shown once for every phase
 * rather than copied into each phase's own test class. The phases are started as the main process
 * starts them, with a programme's variables, and run to their first user task (a phase that waits on
 * a timer first has it fired).
 *
 * <p>No coverage floor here: only the way to each first task is walked, which the phases' own test
 * classes cover in full.
 */
class PhaseRemindersTest {

	private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	/** Monday 2 March 2026, nine in the morning. */
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 0));

	@BeforeEach
	void deployTheJourney() throws IOException {
		DeploymentBuilder deployment = engine.getProcessEngine().getRepositoryService().createDeployment()
				.name("journey");
		for (String folder : List.of("processes", "forms")) {
			try (Stream<Path> files = Files.list(BASE.resolve(folder))) {
				for (Path file : files.sorted().toList()) {
					deployment.addString(folder + "/" + file.getFileName(), Files.readString(file));
				}
			}
		}
		engine.manageDeployment(deployment.deploy());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"business-case", "stakeholder-engagement", "spin-out-decision", "legal-formation",
			"contract-procurement", "staff-transfer", "go-live", "call-in", "stop-in-order"})
	void theFirstTaskOfEveryPhaseIsRemindedThenEscalatedWithoutLeavingIt(String phase) {
		// given the phase waiting at its first task
		ProcessInstance instance = runtimeService().startProcessInstanceByKey(phase, "SO-2026-5", programme());
		Task task = firstTask(instance);
		List<String> groups = JourneyTasks.groups(task);

		// when its reminder, then its escalation, fall due
		fire(reminder(instance, task.getTaskDefinitionKey()));
		fire(escalation(instance, task.getTaskDefinitionKey()));

		// then it is marked reminded and escalated, the programme office joins its groups, and it still waits
		assertThat(taskService().getVariableLocal(task.getId(), TaskReminder.REMINDED_AT)).isNotNull();
		assertThat(taskService().getVariableLocal(task.getId(), TaskEscalation.ESCALATED_AT)).isEqualTo(task.getDueDate());
		assertThat(JourneyTasks.groups(task)).containsAll(groups).contains(CandidateGroups.PROGRAMME_MANAGERS);
		assertThat(taskQuery().taskId(task.getId()).singleResult().getPriority())
				.isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
		BpmnAwareTests.assertThat(instance).isWaitingAt(task.getTaskDefinitionKey());
		assertThat(repositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey()).isEqualTo(phase);
	}

	/** What the main process hands a phase: the start form's answers and what earlier phases found. */
	private static Map<String, Object> programme() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeReference", "SO-2026-5");
		variables.put("programmeName", "Riverside Libraries");
		variables.put("parentBody", "Riverside Council");
		variables.put("parentBodyType", "council");
		variables.put("councilGovernance", "executive");
		variables.put("nation", "england-wales");
		variables.put("serviceName", "Library service");
		variables.put("healthCare", false);
		variables.put("staffCount", 120L);
		variables.put("transferringStaffCount", 110L);
		variables.put("targetTransferDate", london(2027, 4, 1));
		variables.put("serviceChanges", true);
		variables.put("preferredOption", "public-service-mutual");
		variables.put("annualContractValue", 2_400_000L);
		variables.put("proposedContractTermYears", 5L);
		variables.put("recognisedUnion", true);
		variables.put("representativesPresent", true);
		variables.put("ownershipModel", "public-service-mutual");
		variables.put("staffControlPercent", 100.0);
		variables.put("governanceRoute", "english-executive");
		variables.put("decisionTitle", "the in-principle decision");
		variables.put("decisionPublishedDate", london(2026, 3, 2));
		return variables;
	}

	/** The instance's first user task, once the timers it waits on first have fired. */
	private static Task firstTask(ProcessInstance instance) {
		for (int step = 0; step < 10; step++) {
			List<Task> tasks = taskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime().asc()
					.orderByTaskId().asc().list();
			if (!tasks.isEmpty()) {
				return tasks.get(0);
			}
			Job next = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
					.orderByJobDuedate().asc().list().stream()
					.filter(job -> !TimerTaskListenerJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType()))
					.findFirst()
					.orElseThrow(() -> new AssertionError(instance.getProcessDefinitionId() + " waits at no task or timer"));
			fire(next);
		}
		throw new AssertionError(instance.getProcessDefinitionId() + " reaches no user task");
	}
}
