package org.spinout.task;

import java.util.Date;

/** One line of a task list. */
record TaskRow(String id, String name, String programmeReference, String programmeName, String phase, Date due,
		DueStatus dueStatus, String assignee, Date created) {
}
