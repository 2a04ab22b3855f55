package org.spinout.programme;

import java.util.ArrayList;
import java.util.List;

import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;

/** The programmes a person may see, filtered, sorted and paged, as the portfolio and its export show them. */
@Component
class Portfolio {

	private final ProgrammeSearch search;

	private final ProgrammeSummaries summaries;

	Portfolio(ProgrammeSearch search, ProgrammeSummaries summaries) {
		this.search = search;
		this.summaries = summaries;
	}

	record Page(List<ProgrammeRow> rows, long total, PortfolioQuery query) {

		public long pages() {
			return Math.max(1, (total + PortfolioQuery.PAGE_SIZE - 1) / PortfolioQuery.PAGE_SIZE);
		}
	}

	Page page(SpinoutUser user, PortfolioQuery query) {
		long total = search.count(user, query);
		List<ProgrammeSearch.Found> found = query.offset() < total
				? search.find(user, query, query.offset(), PortfolioQuery.PAGE_SIZE)
				: List.of();
		return new Page(summaries.of(found), total, query);
	}

	/** Every programme that matches, in the page's order, for the export: read a chunk at a time. */
	List<ProgrammeRow> all(SpinoutUser user, PortfolioQuery query) {
		List<ProgrammeRow> rows = new ArrayList<>();
		long offset = 0;
		while (true) {
			List<ProgrammeSearch.Found> found = search.find(user, query, offset, ProgrammeSummaries.CHUNK);
			rows.addAll(summaries.of(found));
			if (found.size() < ProgrammeSummaries.CHUNK) {
				return rows;
			}
			offset += found.size();
		}
	}

	List<String> parentBodies(SpinoutUser user) {
		return search.parentBodies(user);
	}
}
