package org.spinout.task;

import java.util.Map;

/**
 * What a task list page asks for: whose tasks, filtered, sorted and paged. Values come from the
 * request and are checked here, so a hand-made URL gets a clear answer rather than an error.
 *
 * @param assignee {@link #UNASSIGNED} for tasks nobody has taken, a user id, or null for anyone's
 * @param group a candidate group the tasks are offered to, or null for any
 */
record TaskListQuery(View view, String programme, String phase, String assignee, String group, boolean overdueOnly,
		String text, Sort sort, int page) {

	static final int PAGE_SIZE = 25;

	/** The assignee filter's value for tasks that nobody has taken. */
	static final String UNASSIGNED = "none";

	enum View {
		MINE, AVAILABLE, ALL
	}

	enum Sort {
		DUE, CREATED, PROGRAMME;

		static Sort parse(String value) {
			if (value == null || value.isBlank()) {
				return DUE;
			}
			return switch (value) {
				case "due" -> DUE;
				case "created" -> CREATED;
				case "programme" -> PROGRAMME;
				default -> throw new IllegalArgumentException("Sort by due, created or programme");
			};
		}
	}

	/** The query a list's request parameters ask for. */
	static TaskListQuery of(View view, Map<String, String> params) {
		String phase = limited(params.get("phase"), 64, "A phase has 64 characters or fewer");
		String text = limited(params.get("q"), 100, "Search for 100 characters or fewer");
		String programme = limited(params.get("programme"), 40, "A programme reference has 40 characters or fewer");
		String assignee = limited(params.get("assignee"), 64, "A user name has 64 characters or fewer");
		String group = limited(params.get("group"), 64, "A group has 64 characters or fewer");
		int pageNumber = 1;
		String page = params.get("page");
		if (page != null && !page.isBlank()) {
			try {
				pageNumber = Integer.parseInt(page.strip());
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("The page must be a whole number");
			}
			if (pageNumber < 1 || pageNumber > 100_000) {
				throw new IllegalArgumentException("The page must be between 1 and 100,000");
			}
		}
		return new TaskListQuery(view, programme, phase, view == View.ALL ? assignee : null, group,
				"true".equals(params.get("overdue")), text, Sort.parse(params.get("sort")), pageNumber);
	}

	int firstResult() {
		return (page - 1) * PAGE_SIZE;
	}

	/** Whether the person narrowed the list, so that its filters stay in view. */
	public boolean isFiltered() {
		return programme != null || phase != null || assignee != null || group != null || overdueOnly
				|| text != null;
	}

	private static String limited(String value, int length, String message) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > length) {
			throw new IllegalArgumentException(message);
		}
		return value.strip();
	}
}
