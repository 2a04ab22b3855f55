package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each RAG rule, with a programme built for it: the engine clock moved past a task's due date, or a
 * statutory clock started at the right distance from today.
 */
@SpinoutWebTest
class RagStatusTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ProgrammePage page;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	ProgrammeActions actions;

	@Autowired
	RuntimeService runtime;

	String reference;

	Task prepare;

	@BeforeEach
	void aProgrammeWaitingForItsBusinessCase() {
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("RAG " + System.nanoTime());
		prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
	}


	@Test
	void withNothingOverdueNorDueSoonItIsGreen() {
		Rag rag = rag();

		assertThat(rag.colour()).isEqualTo(Rag.Colour.GREEN);
		assertThat(rag.reasons()).isEmpty();
		assertThat(portfolioRow()).contains("govuk-tag--green\">Green");
	}

	@Test
	void aTaskPastItsDueDateMakesItAmber() {
		// when the clock passes the task's due date by an hour
		clock.moveTo(due().plus(Duration.ofHours(1)));

		// then
		Rag rag = rag();
		assertThat(rag.colour()).isEqualTo(Rag.Colour.AMBER);
		assertThat(rag.reasons()).containsExactly("‘" + TestProgrammes.FIRST_TASK_NAME + "’ is overdue (due "
				+ dueDay() + ")");
		assertThat(portfolioRow()).contains("govuk-tag--orange\">Amber", "is overdue (due " + dueDay() + ")");
	}

	@Test
	void aTaskStillWithinFiveWorkingDaysOfItsDueDateIsAmberNotRed() {
		// when five whole working days after the due day have nearly passed
		clock.moveTo(fiveWorkingDaysLate().minus(Duration.ofMinutes(1)));

		assertThat(rag().colour()).isEqualTo(Rag.Colour.AMBER);
	}

	@Test
	void aTaskOverdueByMoreThanFiveWorkingDaysMakesItRed() {
		// when five whole working days after the due day have passed
		clock.moveTo(fiveWorkingDaysLate().plus(Duration.ofMinutes(1)));

		// then
		Rag rag = rag();
		assertThat(rag.colour()).isEqualTo(Rag.Colour.RED);
		assertThat(rag.reasons()).containsExactly("‘" + TestProgrammes.FIRST_TASK_NAME + "’ is overdue by more "
				+ "than 5 working days (due " + dueDay() + ")");
		assertThat(portfolioRow()).contains("govuk-tag--red\">Red");
	}

	@Test
	void aStatutoryDeadlineWithinTenWorkingDaysMakesItAmber() {
		// given a CQC application made so that its 10-week service standard ends in three working days
		LocalDate due = workingDays.addDays(today(), 3, "england-wales");
		applyToCqcOn(due.minusWeeks(10));

		// then
		Rag rag = rag();
		assertThat(rag.colour()).isEqualTo(Rag.Colour.AMBER);
		assertThat(rag.reasons()).containsExactly("Statutory deadline within 10 working days: CQC registration (due "
				+ DAY.format(due) + ")");
		String page = programmePage();
		assertThat(page.substring(page.indexOf("id=\"clocks\""))).contains("CQC registration", "CQC service standard",
				"Due by the end of " + DAY.format(due));
	}

	@Test
	void aStatutoryDeadlineFurtherAwayLeavesItGreen() {
		applyToCqcOn(workingDays.addDays(today(), 11, "england-wales").minusWeeks(10));

		assertThat(rag().colour()).isEqualTo(Rag.Colour.GREEN);
	}

	@Test
	void aPassedStatutoryDeadlineMakesItRed() {
		// given a CQC application whose 10-week service standard ended yesterday, without a registration
		LocalDate due = today().minusDays(1);
		applyToCqcOn(due.minusWeeks(10));

		// then
		Rag rag = rag();
		assertThat(rag.colour()).isEqualTo(Rag.Colour.RED);
		assertThat(rag.reasons()).containsExactly("Statutory deadline passed: CQC registration (due " + DAY.format(due)
				+ ")");
		assertThat(programmePage()).contains("govuk-tag--red\">Passed");
	}

	@Test
	void aStoppedProgrammeHasNoRagStatus() {
		// when the programme is stopped long after its first task was due
		clock.moveTo(fiveWorkingDaysLate().plus(Duration.ofDays(1)));
		actions.stop(reference, "The council withdrew its support.", TestProgrammes.MANAGER);

		// then
		ProgrammeRow row = page.summary(reference).orElseThrow();
		assertThat(row.status()).isEqualTo(ProgrammeStatus.STOPPED);
		assertThat(row.rag()).isNull();
		assertThat(portfolioRow()).contains("govuk-tag--red\">Stopped").doesNotContain("Amber");
	}

	/** The programme records the day its application to the CQC was validated. */
	private void applyToCqcOn(LocalDate day) {
		runtime.setVariable(prepare.getProcessInstanceId(), "cqcApplicationDate", WorkingDays.startOf(day));
	}

	private LocalDate today() {
		return WorkingDays.toLocalDate(clock.now());
	}

	private String programmePage() {
		WebClient manager = new WebClient(port);
		manager.signIn("manager", "demo");
		return manager.get("/programmes/" + reference).body();
	}

	private Rag rag() {
		return page.summary(reference).orElseThrow().rag();
	}

	private String portfolioRow() {
		WebClient manager = new WebClient(port);
		manager.signIn("manager", "demo");
		String body = manager.get("/programmes?q=" + reference).body();
		return body.substring(body.indexOf("data-reference=\"" + reference + "\""));
	}

	private Instant due() {
		return prepare.getDueDate().toInstant();
	}

	/** The due date falls at midnight ending the due day; five working days later is the end of the fifth. */
	private Instant fiveWorkingDaysLate() {
		return workingDays.add(Date.from(due().minusMillis(1)), 5, "england-wales").toInstant();
	}

	private String dueDay() {
		return DAY.format(WorkingDays.toLocalDate(Date.from(due().minusMillis(1))));
	}
}
