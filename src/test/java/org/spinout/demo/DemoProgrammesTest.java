package org.spinout.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.Slow;
import org.spinout.contract.Processes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile seeds its six programmes when the application starts. A context of its own,
 * since the shared test contexts start without them; its own engine name and no web
 * applications, since Camunda registers both JVM-wide and the shared contexts use the default.
 */
@Slow
@SpringBootTest(properties = { "spinout.demo.programmes=true", "camunda.bpm.process-engine-name=demoprogrammes",
		"camunda.bpm.webapp.enabled=false" })
@ActiveProfiles({ "demo", "test" })
class DemoProgrammesTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	@Autowired
	DemoProgrammes demoProgrammes;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	ProcessEngine engine;

	ProgrammeRecord record;

	@BeforeEach
	void readRecords() {
		record = new ProgrammeRecord(engine);
	}

	@Test
	void theSixProgrammesStandAtTheirPointsOfTheJourney() {
		assertThat(programmes()).extracting(programme -> record.variable(programme.getBusinessKey(), "programmeName"))
				.containsExactlyInAnyOrder("Thrive Together Children's Services", "Causeway Coast Leisure",
						"Live Argyll", "Wirral Community Health Partnership", "Libraries Unlimited",
						"Explore York Libraries and Archives");

		String york = reference("Explore York Libraries and Archives");
		assertThat(record.runningPhases(york)).containsExactly("stakeholder-engagement");
		assertThat(openTasks(york)).contains("ApproveOwnershipModel");
		assertThat(record.anyVariable(york, "governanceRoute")).isEqualTo("english-executive");
		assertThat(record.completedBy(york, "HoldCallInMeeting")).containsOnly("scrutiny");
		assertThat(record.completedBy(york, "TakeInPrincipleDecision")).as("taken, called in, reconsidered").hasSize(2);
		assertThat(record.anyVariable(york, "meetsMutualPolicyTest")).isEqualTo(true);
		assertThat(record.anyVariable(york, "meetsPaReservedTest")).isEqualTo(false);

		String devon = reference("Libraries Unlimited");
		assertThat(record.runningPhases(devon)).containsExactly("stakeholder-engagement");
		assertThat(openTasks(devon)).contains("ApproveOwnershipModel");
		assertThat(record.comments(devon)).anyMatch(comment -> comment.startsWith("Sent back for changes: "));

		String wirral = reference("Wirral Community Health Partnership");
		assertThat(record.runningPhases(wirral))
				.containsExactlyInAnyOrder("legal-formation", "contract-procurement", "staff-transfer");
		assertThat(record.anyVariable(wirral, "governanceRoute")).isEqualTo("nhs-trust");
		assertThat(record.completedBy(wirral, "RecordHealthScrutinyResponse")).containsOnly("scrutiny");
		assertThat(record.completedBy(wirral, "ApproveSpinOut")).as("the board's decision").containsOnly("cabinet");
		assertThat(record.anyVariable(wirral, "procurementRegime")).isEqualTo("PSR");

		String argyll = reference("Live Argyll");
		assertThat(record.runningPhases(argyll)).containsExactly("go-live");
		assertThat(openTasks(argyll)).contains("ConfirmGoLive");
		assertThat(record.anyVariable(argyll, "governanceRoute")).isEqualTo("scottish-council");
		assertThat(record.completedBy(argyll, "HoldCallInMeeting")).isEmpty();
		assertThat(record.anyVariable(argyll, "procurementRegime")).as("Scottish procurement law").isEqualTo("PCSR2015");

		String causeway = reference("Causeway Coast Leisure");
		assertThat(record.variable(causeway, "programmeStatus")).isEqualTo("stopped");
		assertThat(record.variable(causeway, "stoppedAt")).isEqualTo("Decide whether the service spins out (G2)");
		assertThat(record.anyVariable(causeway, "governanceRoute")).isEqualTo("ni-council");
		assertThat(record.completedBy(causeway, "TellStaffTheProgrammeStopped")).containsOnly("hr");
		assertThat(record.variable(causeway, "stopReason")).asString().startsWith("The business plan needs");
		assertThat(record.comments(causeway)).last().asString().startsWith("Rejected: The business plan needs");

		String thrive = reference("Thrive Together Children's Services");
		assertThat(record.variable(thrive, "programmeStatus")).isEqualTo("live");
		assertThat(record.isRunning(thrive)).isFalse();
	}

	@Test
	void nobodyApprovedAPaperTheyPrepared() {
		// given every approval of the deployed journey and the tasks whose paper it approves
		Map<String, List<String>> approvals = new HashMap<>();
		RepositoryService repository = engine.getRepositoryService();
		repository.createProcessDefinitionQuery().latestVersion().list().forEach(definition -> repository
				.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
				.forEach(task -> approvedBy(task).ifPresent(approved -> approvals.put(task.getId(), approved))));
		assertThat(approvals).containsKeys("ApproveBusinessCase", "TakeInPrincipleDecision", "ApproveSpinOut",
				"SignOffFinancialCase", "ConfirmStaffSupport", "ApproveOwnershipModel");

		// then in no demo programme did one person do both
		for (HistoricProcessInstance programme : programmes()) {
			String reference = programme.getBusinessKey();
			approvals.forEach((approval, prepared) -> {
				List<String> preparers = prepared.stream()
						.flatMap(taskKey -> record.completedBy(reference, taskKey).stream()).toList();
				assertThat(record.completedBy(reference, approval)).as("%s in %s", approval, reference)
						.noneMatch(preparers::contains);
			});
		}
	}

	private static Optional<List<String>> approvedBy(UserTask task) {
		ExtensionElements extensions = task.getExtensionElements();
		if (extensions == null) {
			return Optional.empty();
		}
		return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
				.flatMap(properties -> properties.getCamundaProperties().stream())
				.filter(property -> "approves".equals(property.getCamundaName()))
				.map(property -> Arrays.stream(property.getCamundaValue().split(",")).map(String::trim)
						.toList())
				.findFirst();
	}

	@Test
	void theirHistoryGoesBackMonthsAndTheClockIsBackToNow() {
		Instant now = Instant.now();
		List<Instant> started = programmes().stream().map(programme -> programme.getStartTime().toInstant())
				.sorted().toList();

		assertThat(Duration.between(started.get(0), now)).isGreaterThan(Duration.ofDays(700));
		assertThat(Duration.between(started.get(started.size() - 1), now)).isGreaterThan(Duration.ofDays(150));
		assertThat(clock.now().toInstant()).isBetween(now.minusSeconds(60), now.plusSeconds(60));
		assertThat(tasks.createTaskQuery().dueBefore(Date.from(now)).count()).as("overdue tasks").isPositive();
		assertThat(tasks.createTaskQuery().dueAfter(Date.from(now)).count()).as("tasks not yet due").isPositive();
	}

	@Test
	void seedingAgainCreatesNothingNew() {
		long before = history.createHistoricProcessInstanceQuery().count();

		List<String> seeded = demoProgrammes.seed();

		assertThat(seeded).isEmpty();
		assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
	}

	private List<HistoricProcessInstance> programmes() {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.list();
	}

	private String reference(String name) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.variableValueEquals("programmeName", name).singleResult().getBusinessKey();
	}

	private List<String> openTasks(String reference) {
		return tasks.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
				.map(Task::getTaskDefinitionKey).toList();
	}
}
