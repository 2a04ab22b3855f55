package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spinout.deadline.Deadline;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.TestClock;

/** The RAG thresholds come from configuration, and the rules written on the page follow them. */
class RagRulesTest {

	private final WorkingDays workingDays = new WorkingDays(TestClock.clock());

	/** Monday 2 March 2026, 09:00 in London. */
	private final Instant monday = LocalDate.of(2026, 3, 2).atTime(9, 0).atZone(WorkingDays.LONDON).toInstant();

	@Test
	void theWordsOnThePageFollowTheConfiguredThresholds() {
		RagRules rules = new RagRules(new RagProperties(3, 15), workingDays);

		assertThat(rules.described()).containsExactly(
				"Red: a statutory deadline has passed, or a task is overdue by more than 3 working days.",
				"Amber: a statutory deadline falls within the next 15 working days, or a task is overdue.",
				"Green: none of these.");
	}

	@Test
	void aTaskOverdueByMoreThanTheConfiguredWorkingDaysIsRed() {
		// given a task due by the end of Tuesday 24 February, four working days before Monday 2 March
		Deadline task = Deadline.task("t1", "Approve the business case", endOf(LocalDate.of(2026, 2, 24)), monday);

		// when the red threshold is 3 working days, and when it is 5
		Rag strict = new RagRules(new RagProperties(3, 10), workingDays).assess(List.of(task), "england-wales", monday);
		Rag lenient = new RagRules(new RagProperties(5, 10), workingDays).assess(List.of(task), "england-wales", monday);

		// then
		assertThat(strict.colour()).isEqualTo(Rag.Colour.RED);
		assertThat(strict.reasons()).containsExactly(
				"‘Approve the business case’ is overdue by more than 3 working days (due 24 February 2026)");
		assertThat(lenient.colour()).isEqualTo(Rag.Colour.AMBER);
		assertThat(lenient.reasons()).containsExactly("‘Approve the business case’ is overdue (due 24 February 2026)");
	}

	@Test
	void aClockEndingWithinTheConfiguredWorkingDaysIsAmberAndAPassedOneRed() {
		Deadline soon = clock(Deadline.Kind.DEADLINE, "cqc", "CQC registration",
				endOf(LocalDate.of(2026, 3, 9)), "CQC service standard", false);
		Deadline passed = clock(Deadline.Kind.DEADLINE, "eli", "Employee liability information",
				endOf(LocalDate.of(2026, 2, 27)), "TUPE reg 11", true);

		Rag within = new RagRules(new RagProperties(5, 10), workingDays).assess(List.of(soon), null, monday);
		Rag beyond = new RagRules(new RagProperties(5, 3), workingDays).assess(List.of(soon), null, monday);
		Rag breached = new RagRules(new RagProperties(5, 10), workingDays).assess(List.of(soon, passed), null, monday);

		assertThat(within.colour()).isEqualTo(Rag.Colour.AMBER);
		assertThat(within.reasons()).containsExactly(
				"Statutory deadline within 10 working days: CQC registration (due 9 March 2026)");
		assertThat(beyond.colour()).isEqualTo(Rag.Colour.GREEN);
		assertThat(breached.colour()).isEqualTo(Rag.Colour.RED);
		assertThat(breached.reasons())
				.containsExactly("Statutory deadline passed: Employee liability information (due 27 February 2026)");
	}

	@Test
	void aWaitingPeriodEndingSoonIsNoRisk() {
		Deadline standstill = clock(Deadline.Kind.WAITING_PERIOD, "standstill", "PA 2023 standstill",
				endOf(LocalDate.of(2026, 3, 4)), "PA 2023 s51", false);

		Rag rag = new RagRules(new RagProperties(5, 10), workingDays).assess(List.of(standstill), null, monday);

		assertThat(rag.colour()).isEqualTo(Rag.Colour.GREEN);
	}

	private static Deadline clock(Deadline.Kind kind, String key, String label, Instant due, String source,
			boolean breached) {
		return new Deadline(kind, "p1", "SO-2026-0001", "Libraries", key, key, label, source, due, null,
				breached ? Deadline.Status.BREACHED : Deadline.Status.UPCOMING, null);
	}

	private static Instant endOf(LocalDate day) {
		return WorkingDays.endOf(day).toInstant();
	}
}
