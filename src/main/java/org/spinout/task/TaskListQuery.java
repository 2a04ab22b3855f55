package org.spinout.task;

/**
 * What a task list page asks for: whose tasks, filtered, sorted and paged. Values come from the
 * request and are checked here, so a hand-made URL gets a clear answer rather than an error.
 */
record TaskListQuery(View view, String programme, String phase, boolean overdueOnly, String text, Sort sort,
		int page) {

	static final int PAGE_SIZE = 25;

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

	static TaskListQuery of(View view, String programme, String phase, String overdue, String text, String sort,
			String page) {
		if (phase != null && phase.length() > 64) {
			throw new IllegalArgumentException("A phase has 64 characters or fewer");
		}
		if (text != null && text.length() > 100) {
			throw new IllegalArgumentException("Search for 100 characters or fewer");
		}
		if (programme != null && programme.length() > 40) {
			throw new IllegalArgumentException("A programme reference has 40 characters or fewer");
		}
		int pageNumber = 1;
		if (page != null && !page.isBlank()) {
			try {
				pageNumber = Integer.parseInt(page);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("The page must be a whole number");
			}
			if (pageNumber < 1 || pageNumber > 100_000) {
				throw new IllegalArgumentException("The page must be between 1 and 100,000");
			}
		}
		return new TaskListQuery(view, blankToNull(programme), blankToNull(phase), "true".equals(overdue),
				blankToNull(text), Sort.parse(sort), pageNumber);
	}

	int firstResult() {
		return (page - 1) * PAGE_SIZE;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
