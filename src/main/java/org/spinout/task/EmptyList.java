package org.spinout.task;

/**
 * What an empty task list says: that nothing is here, and where work waits instead, so that
 * someone whose own list is empty is not left thinking there is nothing to do.
 *
 * @param message why the list is empty
 * @param elsewhere how many tasks wait in the other list, as a sentence; null when none do
 * @param link the other list, with the same filter of overdue tasks; null when none wait there
 * @param linkText the words of the link
 */
record EmptyList(String message, String elsewhere, String link, String linkText) {

	static EmptyList of(TaskListQuery query, TaskLists.Counts counts) {
		boolean onlyOverdue = query.overdueOnly() && query.programme() == null && query.phase() == null
				&& query.assignee() == null && query.group() == null && query.text() == null;
		boolean filtered = query.isFiltered() && !onlyOverdue;
		String overdue = query.overdueOnly() ? "?overdue=true" : "";
		return switch (query.view()) {
			case MINE -> {
				long waiting = query.overdueOnly() ? counts.availableOverdue() : counts.available();
				yield new EmptyList(filtered ? "No task assigned to you matches these filters."
						: onlyOverdue ? "None of the tasks assigned to you is overdue." : "Nothing is assigned to you.",
						waiting == 0 ? null : tasks(waiting, query.overdueOnly()) + (waiting == 1 ? " waits" : " wait")
								+ " for your groups.",
						waiting == 0 ? null : "/tasks/available" + overdue, "See the tasks available to your groups");
			}
			case AVAILABLE -> {
				long assigned = query.overdueOnly() ? counts.mineOverdue() : counts.mine();
				yield new EmptyList(filtered ? "No task available to your groups matches these filters."
						: onlyOverdue ? "No overdue task waits for your groups." : "No task waits for your groups.",
						assigned == 0 ? null : tasks(assigned, query.overdueOnly()) + (assigned == 1 ? " is" : " are")
								+ " assigned to you.",
						assigned == 0 ? null : "/tasks" + overdue, "See your tasks");
			}
			case ALL -> new EmptyList(query.isFiltered() ? "No open task matches these filters."
					: "There are no open tasks.", null, null, null);
		};
	}

	private static String tasks(long count, boolean overdue) {
		return count + (overdue ? " overdue" : "") + (count == 1 ? " task" : " tasks");
	}
}
