package org.spinout.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;

@SpinoutWebTest
class JourneyDriverTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	@Autowired
	JourneyDriver driver;

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
	void drivesAProgrammeToTheEndAsItsPeopleWould() {
		String reference = driver.start(Map.of("programmeName", "Riverside Children's Services", "healthCare", true,
				"parentBodyType", "joint"));

		driver.runToEnd(reference);

		assertThat(record.isRunning(reference)).isFalse();
		assertThat(record.variable(reference, "programmeStatus")).isEqualTo("live");
		assertThat(record.completedBy(reference, "SubmitExpressionOfInterest")).containsOnly("board");
		assertThat(record.completedBy(reference, "PrepareBusinessCase")).containsOnly("manager");
		assertThat(record.completedBy(reference, "ApproveBusinessCase")).containsOnly("sponsor");
		assertThat(record.completedBy(reference, "TakeInPrincipleDecision")).containsOnly("cabinet");
		assertThat(record.completedBy(reference, "AssessEqualityImpact")).containsOnly("manager");
		assertThat(record.completedBy(reference, "SignOffFinancialCase")).containsOnly("finance");
		assertThat(record.completedBy(reference, "ApproveSpinOut")).containsOnly("cabinet");
		assertThat(record.completedBy(reference, "ConsultRepresentatives")).containsOnly("hr");
		assertThat(record.completedBy(reference, "SecureLgpsAdmission")).containsOnly("pensions");
		assertThat(record.completedBy(reference, "ArrangeNhsPensionAccess")).containsOnly("pensions");
		assertThat(record.completedBy(reference, "ConfirmCqcRegistration")).containsOnly("commissioner");
		assertThat(record.variable(reference, "awardRoute")).isEqualTo("psr");
		assertThat(record.comments(reference)).isNotEmpty().allMatch("Approved"::equals);
	}

	@Test
	void firesTimersByMovingTheEngineClockToThem() {
		String reference = driver.start(Map.of("programmeName", "Timed Libraries"));

		driver.advanceUntil(reference, "TakeInPrincipleDecision");

		Date noticePublished = finished(reference, "PublishInPrincipleDecisionNotice").getEndTime();
		Date decisionOpened = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
				.taskDefinitionKey("TakeInPrincipleDecision").singleResult().getStartTime();
		assertThat(Duration.between(noticePublished.toInstant(), decisionOpened.toInstant()))
				.isGreaterThanOrEqualTo(Duration.ofDays(28));
		assertThat(clock.now()).isEqualTo(decisionOpened);
	}

	@Test
	void stopsAProgrammeRejectedAtAGateAndRecordsWhy() {
		String reference = driver.start(Map.of("programmeName", "Stopped Libraries"));
		driver.advanceUntil(reference, "TakeInPrincipleDecision");

		driver.decide(reference, "TakeInPrincipleDecision", "reject", "The savings do not cover the set-up costs.");
		assertThat(record.variable(reference, "programmeStatus")).as("not before it is stopped in order")
				.isEqualTo("active");
		driver.runToEnd(reference);

		assertThat(record.isRunning(reference)).isFalse();
		assertThat(record.completedBy(reference, "TellStaffTheProgrammeStopped")).containsOnly("hr");
		assertThat(record.completedBy(reference, "WithdrawPublishedNotices")).containsOnly("manager");
		assertThat(record.variable(reference, "programmeStatus")).isEqualTo("stopped");
		assertThat(record.variable(reference, "stopReason")).isEqualTo("The savings do not cover the set-up costs.");
		assertThat(record.variable(reference, "stoppedAt")).isEqualTo("Take the in-principle decision (G1)");
		assertThat(record.comments(reference)).endsWith("Rejected: The savings do not cover the set-up costs.");
		assertThat(record.completedBy(reference, "TakeInPrincipleDecision")).containsOnly("cabinet");
	}

	@Test
	void aSendBackReturnsThePreparingTaskWithTheComments() {
		String reference = driver.start(Map.of("programmeName", "Revised Libraries"));
		driver.advanceUntil(reference, "ApproveBusinessCase");

		driver.decide(reference, "ApproveBusinessCase", "sendBack", "Add the pension costs to the financial case.");

		assertThat(driver.openTaskKeys(reference)).containsExactly("PrepareBusinessCase");
		String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
		assertThat(tasks.getVariable(taskId, "decisionReason")).isEqualTo("Add the pension costs to the financial case.");
		assertThat(record.comments(reference))
				.containsExactly("Sent back for changes: Add the pension costs to the financial case.");
	}

	@Test
	void givenAnswersWinOverPlausibleOnes() {
		String reference = driver.start(Map.of("programmeName", "Chosen Libraries"));
		driver.advanceUntil(reference, "PrepareBusinessCase");

		driver.complete(reference, "PrepareBusinessCase", Map.of("preferredOption", "mutual-joint-venture",
				"serviceChanges", true));

		String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
		assertThat(tasks.getVariable(taskId, "preferredOption")).isEqualTo("mutual-joint-venture");
		assertThat(tasks.getVariable(taskId, "serviceChanges")).isEqualTo(true);
		assertThat(tasks.getVariable(taskId, "optionsAppraisalSummary")).asString().startsWith("Four options");
	}

	@Test
	void anAnswerTheFormRefusesIsNotGiven() {
		String reference = driver.start(Map.of("programmeName", "Refused Libraries"));
		driver.advanceUntil(reference, "PrepareBusinessCase");

		assertThatThrownBy(() -> driver.complete(reference, "PrepareBusinessCase",
				Map.of("businessCaseLink", "not a web address")))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("businessCaseLink");
		assertThat(driver.openTaskKeys(reference)).containsExactly("PrepareBusinessCase");
	}

	@Test
	void takesTimeOverTasksInWorkingHoursButNeverPassesItsLimit() {
		Instant start = Instant.parse("2030-03-04T10:00:00Z");
		clock.moveTo(start);
		String reference = driver.start(Map.of("programmeName", "Paced Libraries"));
		Steering steering = Steering.DEFAULT.withPace(Duration.ofDays(7)).withLimit(start.plus(30, ChronoUnit.DAYS));

		driver.advanceUntil(reference, steering, "ApproveBusinessCase");

		HistoricTaskInstance prepared = finished(reference, "PrepareBusinessCase");
		assertThat(Duration.between(prepared.getStartTime().toInstant(), prepared.getEndTime().toInstant()))
				.isBetween(Duration.ofDays(5), Duration.ofDays(12));
		assertThat(prepared.getEndTime().toInstant().atZone(WorkingDays.LONDON).getHour())
				.isBetween(9, 17);
		assertThatThrownBy(() -> driver.advanceUntil(reference, steering, "TakeInPrincipleDecision"))
				.isInstanceOf(JourneyNotReached.class);
		assertThat(clock.now().toInstant()).isBeforeOrEqualTo(start.plus(30, ChronoUnit.DAYS));
	}

	private HistoricTaskInstance finished(String reference, String taskKey) {
		return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
				.taskDefinitionKey(taskKey).finished().singleResult();
	}
}
