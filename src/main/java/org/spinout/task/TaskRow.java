package org.spinout.task;

import java.util.Date;
import java.util.List;

import org.spinout.identity.People;

/**
 * One line of a task list, with what the person may do from it: claim the task, or assign it to
 * one of {@code assignable} (the members of its groups).
 */
record TaskRow(String id, String name, String programmeReference, String programmeName, String phase, Date due,
		DueStatus dueStatus, String assigneeId, String assignee, Date created, boolean canClaim,
		List<People.Person> assignable) {

	public boolean canAssign() {
		return !assignable.isEmpty();
	}
}
