package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A hand-made portfolio address gets a clear answer, not an error. */
class PortfolioQueryTest {

	@Test
	void readsFiltersSortAndPage() {
		PortfolioQuery query = PortfolioQuery.of(Map.of("status", "suspended", "phase", "go-live", "parentBody",
				" Devon County Council ", "q", "libraries", "sort", "parent-body", "page", "3"));

		assertThat(query).isEqualTo(new PortfolioQuery(ProgrammeStatus.SUSPENDED, "go-live", "Devon County Council",
				"libraries", PortfolioQuery.Sort.PARENT_BODY, 3));
		assertThat(query.offset()).isEqualTo(50);
	}

	@Test
	void blankValuesMeanNoFilter() {
		PortfolioQuery query = PortfolioQuery.of(Map.of("status", "", "q", "  ", "sort", ""));

		assertThat(query).isEqualTo(new PortfolioQuery(null, null, null, null, PortfolioQuery.Sort.NEWEST, 1));
		assertThat(query.isFiltered()).isFalse();
	}

	@Test
	void saysWhatIsWrong() {
		assertThatThrownBy(() -> PortfolioQuery.of(Map.of("status", "asleep")))
				.hasMessage("The status must be active, suspended, stopped or live");
		assertThatThrownBy(() -> PortfolioQuery.of(Map.of("sort", "sideways")))
				.hasMessage("Sort by newest, oldest, reference, name or parent-body");
		assertThatThrownBy(() -> PortfolioQuery.of(Map.of("page", "two"))).hasMessage("The page must be a whole number");
		assertThatThrownBy(() -> PortfolioQuery.of(Map.of("page", "0")))
				.hasMessage("The page must be between 1 and 100,000");
		assertThatThrownBy(() -> PortfolioQuery.of(Map.of("q", "x".repeat(101))))
				.hasMessage("Search for 100 characters or fewer");
	}
}
