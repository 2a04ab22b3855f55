package org.spinout.programme;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spinout.deadline.WorkingDays;

/**
 * The facts of a programme that its pages list, with one label for each variable, so that a fact
 * reads the same on the programme's page and on its tasks' pages.
 */
public final class ProgrammeFacts {

	/** A fact as a page shows it: dates as days in London, yes or no, coded answers in words. */
	public record Fact(String label, Object value) {
	}

	private static final Map<String, String> LABELS = labels();

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

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("programmeReference", "Reference");
		labels.put("programmeName", "Programme");
		labels.put("parentBody", "Parent body");
		labels.put("parentBodyType", "Type of parent body");
		labels.put("serviceName", "Service");
		labels.put("nation", "Nation");
		labels.put("staffCount", "Staff");
		labels.put("transferringStaffCount", "Staff transferring");
		labels.put("targetTransferDate", "Target transfer date");
		labels.put("healthCare", "Health care service");
		labels.put("legalForm", "Legal form");
		labels.put("awardRoute", "Award route");
		labels.put("goLiveDate", "Go-live date");
		return Map.copyOf(labels);
	}
}
