package org.spinout.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile seeds its six programmes when the application starts. A context of its own,
 * since the shared test contexts start without them; its own engine name and no web
 * applications, since Camunda registers both JVM-wide and the shared contexts use the default.
 */
@SpringBootTest(properties = { "spinout.demo.programmes=true", "camunda.bpm.process-engine-name=demoprogrammes",
		"camunda.bpm.webapp.enabled=false" })
@ActiveProfiles({ "demo", "test" })
class DemoProgrammesTest {

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
		assertThat(record.runningPhases(york)).containsExactly("business-case");
		assertThat(openTasks(york)).contains("TakeInPrincipleDecision");

		String devon = reference("Libraries Unlimited");
		assertThat(record.runningPhases(devon)).containsExactly("stakeholder-engagement");
		assertThat(openTasks(devon)).contains("ApproveOwnershipModel");
		assertThat(record.comments(devon)).anyMatch(comment -> comment.startsWith("Sent back for changes: "));

		assertThat(record.runningPhases(reference("Wirral Community Health Partnership")))
				.containsExactlyInAnyOrder("legal-formation", "contract-procurement", "staff-transfer");

		String argyll = reference("Live Argyll");
		assertThat(record.runningPhases(argyll)).containsExactly("go-live");
		assertThat(openTasks(argyll)).contains("ConfirmGoLive");

		String causeway = reference("Causeway Coast Leisure");
		assertThat(record.variable(causeway, "programmeStatus")).isEqualTo("stopped");
		assertThat(record.variable(causeway, "stoppedAt")).isEqualTo("Approve the spin-out (G2)");
		assertThat(record.variable(causeway, "stopReason")).asString().startsWith("The business plan needs");
		assertThat(record.comments(causeway)).last().asString().startsWith("Rejected: The business plan needs");

		String thrive = reference("Thrive Together Children's Services");
		assertThat(record.variable(thrive, "programmeStatus")).isEqualTo("live");
		assertThat(record.isRunning(thrive)).isFalse();
	}

	@Test
	void theirHistoryGoesBackMonthsAndTheClockIsBackToNow() {
		Instant now = Instant.now();
		List<Instant> started = programmes().stream().map(programme -> programme.getStartTime().toInstant())
				.sorted().toList();

		assertThat(Duration.between(started.get(0), now)).isGreaterThan(Duration.ofDays(700));
		assertThat(Duration.between(started.get(started.size() - 1), now)).isGreaterThan(Duration.ofDays(150));
		assertThat(ClockUtil.getCurrentTime().toInstant()).isBetween(now.minusSeconds(60), now.plusSeconds(60));
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
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProgrammeStarter.PROCESS_KEY)
				.list();
	}

	private String reference(String name) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProgrammeStarter.PROCESS_KEY)
				.variableValueEquals("programmeName", name).singleResult().getBusinessKey();
	}

	private List<String> openTasks(String reference) {
		return tasks.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
				.map(Task::getTaskDefinitionKey).toList();
	}
}
