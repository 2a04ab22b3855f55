package org.spinout.programme;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.spinout.contract.Variables;
import org.spinout.deadline.WorkingDays;

/**
 * The facts of a programme that its pages list, with one label for each variable, so that a fact
 * reads the same on the programme's page and on its tasks' pages.
 */
public final class ProgrammeFacts {

	/** A fact as a page shows it: dates as days in London, yes or no, coded answers in words. */
	public record Fact(String label, Object value) {
	}

	private static final Map<String, String> LABELS = Map.ofEntries(
			entry("programmeReference", "Reference"),
			entry(Variables.PROGRAMME_NAME, "Programme"),
			entry(Variables.PARENT_BODY, "Parent body"),
			entry(Variables.PARENT_BODY_TYPE, "Type of parent body"),
			entry(Variables.SERVICE_NAME, "Service"),
			entry(Variables.NATION, "Nation"),
			entry(Variables.STAFF_COUNT, "Staff"),
			entry(Variables.TRANSFERRING_STAFF_COUNT, "Staff transferring"),
			entry(Variables.TARGET_TRANSFER_DATE, "Target transfer date"),
			entry(Variables.HEALTH_CARE, "Health care service"),
			entry(Variables.LEGAL_FORM, "Legal form"),
			entry(Variables.AWARD_ROUTE, "Award route"),
			entry(Variables.GO_LIVE_DATE, "Go-live date"));

	/** The start form's words for the coded answers the pages show. */
	private static final Map<String, String> ANSWERS = Map.of("england-wales", "England and Wales", "scotland",
			"Scotland", "northern-ireland", "Northern Ireland", "council", "Council", "nhs-trust", "NHS trust", "icb",
			"Integrated care board", "joint", "Joint (council and NHS)");

	private ProgrammeFacts() {
	}

	/** The named facts that have a value, in the order of the names. */
	public static List<Fact> of(List<String> names, Map<String, Object> values) {
		List<Fact> facts = new ArrayList<>();
		for (String name : names) {
			Object value = values.get(name);
			String label = LABELS.getOrDefault(name, name);
			if (value instanceof Boolean yes) {
				facts.add(new Fact(label, yes ? "Yes" : "No"));
			}
			else if (value instanceof Date date) {
				facts.add(new Fact(label, WorkingDays.toLocalDate(date)));
			}
			else if (value != null) {
				facts.add(new Fact(label, ANSWERS.getOrDefault(value.toString(), value.toString())));
			}
		}
		return facts;
	}
}
