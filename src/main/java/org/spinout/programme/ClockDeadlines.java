package org.spinout.programme;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The statutory clocks of programmes, as deadlines with their legal sources, for many programmes at once. */
@Component
class ClockDeadlines {

	Map<String, List<Deadline>> of(Collection<String> programmeIds, Instant now) {
		return Map.of();
	}
}
