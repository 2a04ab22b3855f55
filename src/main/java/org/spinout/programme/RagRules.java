package org.spinout.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.spinout.deadline.Deadline;
import org.spinout.deadline.WorkingDays;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Component;

/**
 * Decides a running programme's RAG status from its deadlines. The rules are written out for the
 * portfolio page from the same thresholds that apply them, so the page never says one thing and
 * does another.
 */
@Component
public class RagRules {


	private final RagProperties properties;

	private final WorkingDays workingDays;

	RagRules(RagProperties properties, WorkingDays workingDays) {
		this.properties = properties;
		this.workingDays = workingDays;
	}

	/** The rules in words, red first. */
	public List<String> described() {
		return List.of(
				"Red: a statutory deadline has passed, or a task is overdue by more than "
						+ workingDays(properties.redOverdueWorkingDays()) + ".",
				"Amber: a statutory deadline falls within the next "
						+ workingDays(properties.amberDeadlineWorkingDays()) + ", or a task is overdue.",
				"Green: none of these.");
	}

	public Rag assess(List<Deadline> deadlines, String nation, Instant now) {
		List<String> red = new ArrayList<>();
		List<String> amber = new ArrayList<>();
		Instant soon = workingDays.add(Date.from(now), properties.amberDeadlineWorkingDays(), nation).toInstant();
		for (Deadline deadline : deadlines) {
			String due = " (due " + LondonTime.date(deadline.day()) + ")";
			if (deadline.isClock()) {
				if (deadline.breached()) {
					red.add("Statutory deadline passed: " + deadline.label() + due);
				}
				else if (!deadline.isWaitingPeriod() && deadline.due().isBefore(soon)) {
					amber.add("Statutory deadline within " + workingDays(properties.amberDeadlineWorkingDays()) + ": "
							+ deadline.label() + due);
				}
			}
			else if (!now.isBefore(deadline.due())) {
				if (now.isAfter(lateLimit(deadline, nation))) {
					red.add("‘" + deadline.label() + "’ is overdue by more than "
							+ workingDays(properties.redOverdueWorkingDays()) + due);
				}
				else {
					amber.add("‘" + deadline.label() + "’ is overdue" + due);
				}
			}
		}
		if (!red.isEmpty()) {
			return new Rag(Rag.Colour.RED, List.copyOf(red));
		}
		if (!amber.isEmpty()) {
			return new Rag(Rag.Colour.AMBER, List.copyOf(amber));
		}
		return new Rag(Rag.Colour.GREEN, List.of());
	}

	/** The end of the last working day a task may be late before it counts as red. */
	private Instant lateLimit(Deadline task, String nation) {
		LocalDate dueDay = task.day();
		return workingDays.add(WorkingDays.startOf(dueDay), properties.redOverdueWorkingDays(), nation).toInstant();
	}

	private static String workingDays(int days) {
		return days == 1 ? "1 working day" : days + " working days";
	}
}
