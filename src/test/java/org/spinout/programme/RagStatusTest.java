package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.deadline.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each RAG rule, with a programme built for it and the engine clock moved to where the rule applies. */
@SpinoutWebTest
class RagStatusTest {

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

	String reference;

	Task prepare;

	@BeforeEach
	void aProgrammeWaitingForItsBusinessCase() {
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("RAG " + System.nanoTime());
		prepare = programmes.task(reference, "PrepareBusinessCase");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
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
		ClockUtil.setCurrentTime(Date.from(due().plus(Duration.ofHours(1))));

		// then
		Rag rag = rag();
		assertThat(rag.colour()).isEqualTo(Rag.Colour.AMBER);
		assertThat(rag.reasons()).containsExactly("‘Prepare options appraisal and business case’ is overdue (due "
				+ dueDay() + ")");
		assertThat(portfolioRow()).contains("govuk-tag--orange\">Amber", "is overdue (due " + dueDay() + ")");
	}

	@Test
	void aTaskStillWithinFiveWorkingDaysOfItsDueDateIsAmberNotRed() {
		// when five whole working days after the due day have nearly passed
		ClockUtil.setCurrentTime(Date.from(fiveWorkingDaysLate().minus(Duration.ofMinutes(1))));

		assertThat(rag().colour()).isEqualTo(Rag.Colour.AMBER);
	}

	@Test
	void aTaskOverdueByMoreThanFiveWorkingDaysMakesItRed() {
		// when five whole working days after the due day have passed
		ClockUtil.setCurrentTime(Date.from(fiveWorkingDaysLate().plus(Duration.ofMinutes(1))));

		// then
		Rag rag = rag();
		assertThat(rag.colour()).isEqualTo(Rag.Colour.RED);
		assertThat(rag.reasons()).containsExactly("‘Prepare options appraisal and business case’ is overdue by more "
				+ "than 5 working days (due " + dueDay() + ")");
		assertThat(portfolioRow()).contains("govuk-tag--red\">Red");
	}

	@Test
	void aStoppedProgrammeHasNoRagStatus() {
		// when the programme is stopped long after its first task was due
		ClockUtil.setCurrentTime(Date.from(fiveWorkingDaysLate().plus(Duration.ofDays(1))));
		actions.stop(reference, "The council withdrew its support.", TestProgrammes.MANAGER);

		// then
		ProgrammeRow row = page.summary(reference).orElseThrow();
		assertThat(row.status()).isEqualTo(ProgrammeStatus.STOPPED);
		assertThat(row.rag()).isNull();
		assertThat(portfolioRow()).contains("govuk-tag--red\">Stopped").doesNotContain("Amber");
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
		return WorkingDays.toLocalDate(Date.from(due().minusMillis(1)))
				.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
	}
}
