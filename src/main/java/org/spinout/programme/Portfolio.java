package org.spinout.programme;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.spinout.access.ProgrammeAccess;
import org.spinout.security.SpinoutUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The programmes a person may see, filtered, sorted and paged, as the portfolio and its export show
 * them. The parent bodies for the filter are read from every programme the person may see, so they
 * are kept for {@code spinout.portfolio.parent-bodies-refresh} (a minute unless set): a programme
 * for a new parent body appears in the filter within that time.
 */
@Component
class Portfolio {

	/** The key of the parent bodies of everyone who sees every programme. */
	private static final String EVERY_PROGRAMME = "";

	private final ProgrammeSearch search;

	private final ProgrammeSummaries summaries;

	private final ProgrammeAccess access;

	private final Cache<String, List<String>> parentBodies;

	Portfolio(ProgrammeSearch search, ProgrammeSummaries summaries, ProgrammeAccess access,
			@Value("${spinout.portfolio.parent-bodies-refresh:1m}") Duration parentBodiesRefresh) {
		this.search = search;
		this.summaries = summaries;
		this.access = access;
		this.parentBodies = Caffeine.newBuilder().expireAfterWrite(parentBodiesRefresh).maximumSize(10_000).build();
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
		String whose = access.seesEveryProgramme(user) ? EVERY_PROGRAMME : user.id();
		return parentBodies.get(whose, key -> List.copyOf(search.parentBodies(user)));
	}
}
