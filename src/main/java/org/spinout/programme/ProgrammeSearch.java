package org.spinout.programme;

import static org.spinout.engine.RootInstanceSearch.Condition.and;
import static org.spinout.engine.RootInstanceSearch.Condition.not;
import static org.spinout.engine.RootInstanceSearch.Condition.or;
import static org.spinout.engine.RootInstanceSearch.Condition.stateIn;
import static org.spinout.engine.RootInstanceSearch.Condition.variableIn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spinout.access.ProgrammeAccess;
import org.spinout.contract.Processes;
import org.spinout.contract.Variables;
import org.spinout.engine.RootInstanceSearch;
import org.spinout.engine.RootInstanceSearch.Condition;
import org.spinout.engine.RootInstanceSearch.Row;
import org.spinout.engine.RootInstanceSearch.State;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;

/**
 * Finds programmes for the portfolio in the engine's history: the main process instances with the
 * programme's own variables, filtered, sorted and paged by the database ({@link RootInstanceSearch}),
 * so that a page costs the same however many programmes there are.
 *
 * <p>Who may see what follows {@link ProgrammeAccess}: programme managers and sponsors see every
 * programme; anyone else those in which they hold or held a task, as an identity of it (assignee,
 * owner, candidate) or through one of their groups as a candidate group.
 */
@Component
class ProgrammeSearch {

	/** The programme variables a row carries. */
	private static final List<String> VARIABLES = List.of(Variables.PROGRAMME_NAME, Variables.PARENT_BODY,
			Variables.SERVICE_NAME, Variables.NATION, Variables.PROGRAMME_STATUS);

	private static final State[] TERMINATED = {State.EXTERNALLY_TERMINATED, State.INTERNALLY_TERMINATED};

	/** Each status as the recorded {@code programmeStatus} and the main instance's state decide it. */
	private static final Map<ProgrammeStatus, Condition> STATUS_CONDITIONS = Map.of(
			ProgrammeStatus.STOPPED, or(variableIn(Variables.PROGRAMME_STATUS, "stopped"), stateIn(TERMINATED)),
			ProgrammeStatus.LIVE, and(not(variableIn(Variables.PROGRAMME_STATUS, "stopped")), not(stateIn(TERMINATED)),
					or(variableIn(Variables.PROGRAMME_STATUS, "live"), stateIn(State.COMPLETED))),
			ProgrammeStatus.SUSPENDED, and(stateIn(State.SUSPENDED),
					not(variableIn(Variables.PROGRAMME_STATUS, "stopped", "live"))),
			ProgrammeStatus.ACTIVE, and(stateIn(State.ACTIVE),
					not(variableIn(Variables.PROGRAMME_STATUS, "stopped", "live"))));

	private final RootInstanceSearch programmes;

	private final ProgrammeAccess access;

	ProgrammeSearch(RootInstanceSearch programmes, ProgrammeAccess access) {
		this.programmes = programmes;
		this.access = access;
	}

	/** A programme as the portfolio first finds it: its main process instance and key variables. */
	record Found(String id, String reference, String name, String parentBody, String serviceName, String nation,
			Instant started, Instant ended, ProgrammeStatus status) {
	}

	long count(SpinoutUser user, PortfolioQuery query) {
		return search(user, query).count();
	}

	/**
	 * A page of programmes in two steps: the page's ids, joining only the variables the filters and
	 * the order need, then the variables of those ids alone. Joining every variable of every
	 * programme before paging would read five variables a programme for programmes not shown.
	 */
	List<Found> find(SpinoutUser user, PortfolioQuery query, long offset, int limit) {
		RootInstanceSearch.Query search = search(user, query);
		List<String> ids = switch (query.sort()) {
			case NEWEST -> search.ids(RootInstanceSearch.Order.NEWEST, offset, limit);
			case OLDEST -> search.ids(RootInstanceSearch.Order.OLDEST, offset, limit);
			case REFERENCE -> search.ids(RootInstanceSearch.Order.BUSINESS_KEY, offset, limit);
			case NAME -> search.idsByVariable(Variables.PROGRAMME_NAME, offset, limit);
			case PARENT_BODY -> search.idsByVariable(Variables.PARENT_BODY, offset, limit);
		};
		return search.rows(ids).stream().map(ProgrammeSearch::found).toList();
	}

	/** The parent bodies of the programmes the user may see, for the filter. */
	List<String> parentBodies(SpinoutUser user) {
		return search(user, null).distinct(Variables.PARENT_BODY);
	}

	/** The programme with this reference, whoever may see it: callers check {@link ProgrammeAccess}. */
	Optional<Found> byReference(String reference) {
		return programmes.of(Processes.PROGRAMME, VARIABLES).byBusinessKey(reference)
				.map(ProgrammeSearch::found);
	}

	private RootInstanceSearch.Query search(SpinoutUser user, PortfolioQuery query) {
		RootInstanceSearch.Query search = programmes.of(Processes.PROGRAMME, VARIABLES);
		if (!access.seesEveryProgramme(user)) {
			search.visibleTo(user.id(), user.groups());
		}
		if (query == null) {
			return search;
		}
		if (query.status() != null) {
			search.where(STATUS_CONDITIONS.get(query.status()));
		}
		if (query.phase() != null) {
			search.withOpenCalled(query.phase());
		}
		if (query.parentBody() != null) {
			search.variableEquals(Variables.PARENT_BODY, query.parentBody());
		}
		if (query.text() != null) {
			search.containing(query.text(),
					List.of(Variables.PROGRAMME_NAME, Variables.PARENT_BODY, Variables.SERVICE_NAME));
		}
		return search;
	}

	private static Found found(Row row) {
		Map<String, String> values = row.variables();
		return new Found(row.id(), row.businessKey(), values.get(Variables.PROGRAMME_NAME),
				values.get(Variables.PARENT_BODY), values.get(Variables.SERVICE_NAME), values.get(Variables.NATION),
				row.started(), row.ended(),
				ProgrammeStatus.of(values.get(Variables.PROGRAMME_STATUS), row.state()));
	}
}
