package org.spinout.programme;

import java.util.Map;

/**
 * What the portfolio page asks for: filters, search, sort and page. Values come from the request
 * and are checked here, so a hand-made address gets a clear answer rather than an error.
 */
record PortfolioQuery(ProgrammeStatus status, String phase, String parentBody, String text, Sort sort, int page) {

	static final int PAGE_SIZE = 25;

	enum Sort {
		NEWEST("newest", "Newest first"),
		OLDEST("oldest", "Oldest first"),
		REFERENCE("reference", "Reference"),
		NAME("name", "Programme name"),
		PARENT_BODY("parent-body", "Parent body");

		private final String value;

		private final String label;

		Sort(String value, String label) {
			this.value = value;
			this.label = label;
		}

		public String value() {
			return value;
		}

		public String label() {
			return label;
		}

		static Sort parse(String value) {
			if (value == null || value.isBlank()) {
				return NEWEST;
			}
			for (Sort sort : values()) {
				if (sort.value.equals(value)) {
					return sort;
				}
			}
			throw new IllegalArgumentException("Sort by newest, oldest, reference, name or parent-body");
		}
	}

	/** Reads the request's parameters; an {@link IllegalArgumentException} says what is wrong. */
	static PortfolioQuery of(Map<String, String> params) {
		String status = blankToNull(params.get("status"));
		ProgrammeStatus parsedStatus = null;
		if (status != null) {
			parsedStatus = ProgrammeStatus.parse(status).orElseThrow(() -> new IllegalArgumentException(
					"The status must be active, suspended, stopped or live"));
		}
		String phase = blankToNull(params.get("phase"));
		if (phase != null && phase.length() > 64) {
			throw new IllegalArgumentException("A phase has 64 characters or fewer");
		}
		String parentBody = blankToNull(params.get("parentBody"));
		if (parentBody != null && parentBody.length() > 255) {
			throw new IllegalArgumentException("A parent body has 255 characters or fewer");
		}
		String text = blankToNull(params.get("q"));
		if (text != null && text.length() > 100) {
			throw new IllegalArgumentException("Search for 100 characters or fewer");
		}
		return new PortfolioQuery(parsedStatus, phase, parentBody, text, Sort.parse(params.get("sort")),
				page(params.get("page")));
	}

	long offset() {
		return (long) (page - 1) * PAGE_SIZE;
	}

	boolean isFiltered() {
		return status != null || phase != null || parentBody != null || text != null;
	}

	private static int page(String value) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		int page;
		try {
			page = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("The page must be a whole number");
		}
		if (page < 1 || page > 100_000) {
			throw new IllegalArgumentException("The page must be between 1 and 100,000");
		}
		return page;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
