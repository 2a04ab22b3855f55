package org.spinout.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.spinout.access.ProgrammeAccess;
import org.spinout.contract.Processes;
import org.spinout.contract.Variables;
import org.spinout.security.SpinoutUser;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds programmes for the portfolio in the engine's history: the main process instances with the
 * programme's own variables, filtered, sorted and paged by the database, so that a page costs the
 * same however many programmes there are. Read-only SQL on the history tables, which Camunda 7 and
 * Operaton share; the engine's query API cannot join variables for sorting nor express who may see
 * a programme in one statement.
 *
 * <p>Who may see what follows {@link ProgrammeAccess}: programme managers and sponsors see every
 * programme; anyone else those in which they hold or held a task, as an identity of it (assignee,
 * owner, candidate) or through one of their groups as a candidate group.
 */
@Component
class ProgrammeSearch {

	private static final String TERMINATED = "('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED')";

	private static final String RECORDED = "COALESCE(S.TEXT_, '')";

	private static final Map<ProgrammeStatus, String> STATUS_CONDITIONS = Map.of(
			ProgrammeStatus.STOPPED, "(" + RECORDED + " = 'stopped' OR P.STATE_ IN " + TERMINATED + ")",
			ProgrammeStatus.LIVE, "(" + RECORDED + " <> 'stopped' AND P.STATE_ NOT IN " + TERMINATED + " AND ("
					+ RECORDED + " = 'live' OR P.STATE_ = 'COMPLETED'))",
			ProgrammeStatus.SUSPENDED, "(P.STATE_ = 'SUSPENDED' AND " + RECORDED + " NOT IN ('stopped', 'live'))",
			ProgrammeStatus.ACTIVE, "(P.STATE_ = 'ACTIVE' AND " + RECORDED + " NOT IN ('stopped', 'live'))");

	/** The programme variables a search may join, by the alias its SQL uses for each. */
	private static final Map<String, String> VARIABLES = Map.of("N", Variables.PROGRAMME_NAME, "B",
			Variables.PARENT_BODY, "V", Variables.SERVICE_NAME, "T", Variables.NATION, "S", Variables.PROGRAMME_STATUS);

	private static final String MAIN_INSTANCES = " WHERE P.PROC_DEF_KEY_ = :processKey"
			+ " AND P.SUPER_PROCESS_INSTANCE_ID_ IS NULL";

	private static final String COLUMNS = "SELECT P.ID_, P.BUSINESS_KEY_, P.START_TIME_, P.END_TIME_, P.STATE_, "
			+ "N.TEXT_ AS NAME_, B.TEXT_ AS PARENT_BODY_, V.TEXT_ AS SERVICE_, T.TEXT_ AS NATION_, S.TEXT_ AS STATUS_ ";

	private static final String VISIBLE = """
			 AND EXISTS (SELECT 1 FROM ACT_HI_IDENTITYLINK L
			   WHERE L.ROOT_PROC_INST_ID_ = P.ID_ AND L.TASK_ID_ IS NOT NULL
			   AND (L.USER_ID_ = :userId%s))
			""";

	private static final String IN_GROUPS = " OR (L.TYPE_ = 'candidate' AND L.GROUP_ID_ IN (:groups))";

	private static final String IN_PHASE = """
			 AND EXISTS (SELECT 1 FROM ACT_HI_PROCINST C
			   WHERE C.ROOT_PROC_INST_ID_ = P.ID_ AND C.PROC_DEF_KEY_ = :phase AND C.END_TIME_ IS NULL)
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ProgrammeAccess access;

	ProgrammeSearch(NamedParameterJdbcTemplate jdbc, ProgrammeAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** A programme as the portfolio first finds it: its main process instance and key variables. */
	record Found(String id, String reference, String name, String parentBody, String serviceName, String nation,
			Instant started, Instant ended, ProgrammeStatus status) {
	}

	long count(SpinoutUser user, PortfolioQuery query) {
		Search search = new Search(user, query);
		Long count = jdbc.queryForObject("SELECT COUNT(*)" + search.from(), search.parameters, Long.class);
		return count == null ? 0 : count;
	}

	/**
	 * A page of programmes in two steps: the page's ids, joining only the variables the filters and
	 * the order need, then the variables of those ids alone. Joining every variable of every
	 * programme before paging would read five variables a programme for programmes not shown.
	 */
	List<Found> find(SpinoutUser user, PortfolioQuery query, long offset, int limit) {
		Search search = new Search(user, query);
		search.orderBy(query.sort());
		search.parameters.put("offset", offset);
		search.parameters.put("limit", limit);
		List<String> ids = jdbc.queryForList("SELECT P.ID_" + search.from() + " ORDER BY " + search.order
				+ " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY", search.parameters, String.class);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Found> byId = new HashMap<>();
		jdbc.query(COLUMNS + " FROM ACT_HI_PROCINST P" + joins(VARIABLES.keySet()) + " WHERE P.ID_ IN (:ids)",
				Map.of("ids", ids), row -> {
					Found found = found(row, 0);
					byId.put(found.id(), found);
				});
		return ids.stream().map(byId::get).toList();
	}

	/** The parent bodies of the programmes the user may see, for the filter. */
	List<String> parentBodies(SpinoutUser user) {
		Search search = new Search(user, null);
		search.join("B");
		return jdbc.queryForList("SELECT DISTINCT B.TEXT_" + search.from() + " AND B.TEXT_ IS NOT NULL ORDER BY B.TEXT_",
				search.parameters, String.class);
	}

	/** The programme with this reference, whoever may see it: callers check {@link ProgrammeAccess}. */
	Optional<Found> byReference(String reference) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("processKey", Processes.PROGRAMME);
		parameters.put("reference", reference);
		List<Found> found = jdbc.query(COLUMNS + " FROM ACT_HI_PROCINST P" + joins(VARIABLES.keySet())
				+ MAIN_INSTANCES + " AND P.BUSINESS_KEY_ = :reference", parameters, ProgrammeSearch::found);
		return found.stream().findFirst();
	}

	/** The joins, conditions and parameters of one search, joining only the variables it uses. */
	private final class Search {

		private final Set<String> joined = new TreeSet<>();

		private final StringBuilder where = new StringBuilder(MAIN_INSTANCES);

		private final Map<String, Object> parameters = new HashMap<>();

		private String order;

		Search(SpinoutUser user, PortfolioQuery query) {
			parameters.put("processKey", Processes.PROGRAMME);
			visibleTo(user);
			if (query != null) {
				filter(query);
			}
		}

		String from() {
			return " FROM ACT_HI_PROCINST P" + joins(joined) + where;
		}

		void join(String alias) {
			joined.add(alias);
		}

		private void visibleTo(SpinoutUser user) {
			if (access.seesEveryProgramme(user)) {
				return;
			}
			parameters.put("userId", user.id());
			if (user.groups().isEmpty()) {
				where.append(VISIBLE.formatted(""));
				return;
			}
			parameters.put("groups", new ArrayList<>(user.groups()));
			where.append(VISIBLE.formatted(IN_GROUPS));
		}

		private void filter(PortfolioQuery query) {
			if (query.status() != null) {
				join("S");
				where.append(" AND ").append(STATUS_CONDITIONS.get(query.status()));
			}
			if (query.phase() != null) {
				where.append(IN_PHASE);
				parameters.put("phase", query.phase());
			}
			if (query.parentBody() != null) {
				join("B");
				where.append(" AND B.TEXT_ = :parentBody");
				parameters.put("parentBody", query.parentBody());
			}
			if (query.text() != null) {
				List.of("N", "B", "V").forEach(this::join);
				where.append(" AND (UPPER(P.BUSINESS_KEY_) LIKE :text ESCAPE '!' OR UPPER(N.TEXT_) LIKE :text ESCAPE '!'"
						+ " OR UPPER(B.TEXT_) LIKE :text ESCAPE '!' OR UPPER(V.TEXT_) LIKE :text ESCAPE '!')");
				parameters.put("text", "%" + escapeLike(query.text().toUpperCase(java.util.Locale.ROOT)) + "%");
			}
		}

		private void orderBy(PortfolioQuery.Sort sort) {
			switch (sort) {
				case NAME -> join("N");
				case PARENT_BODY -> join("B");
				default -> {
				}
			}
			order = order(sort);
		}
	}

	private static String joins(Collection<String> aliases) {
		StringBuilder joins = new StringBuilder();
		for (String alias : aliases) {
			joins.append(" LEFT JOIN ACT_HI_VARINST ").append(alias).append(" ON ").append(alias)
					.append(".PROC_INST_ID_ = P.ID_ AND ").append(alias).append(".NAME_ = '")
					.append(VARIABLES.get(alias)).append("' AND ").append(alias).append(".STATE_ = 'CREATED'");
		}
		return joins.toString();
	}

	private static String order(PortfolioQuery.Sort sort) {
		return switch (sort) {
			case NEWEST -> "P.START_TIME_ DESC, P.ID_";
			case OLDEST -> "P.START_TIME_ ASC, P.ID_";
			case REFERENCE -> "P.BUSINESS_KEY_ ASC, P.ID_";
			case NAME -> "UPPER(N.TEXT_) ASC, P.BUSINESS_KEY_, P.ID_";
			case PARENT_BODY -> "UPPER(B.TEXT_) ASC, P.BUSINESS_KEY_, P.ID_";
		};
	}

	private static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static Found found(ResultSet row, int number) throws SQLException {
		return new Found(row.getString("ID_"), row.getString("BUSINESS_KEY_"), row.getString("NAME_"),
				row.getString("PARENT_BODY_"), row.getString("SERVICE_"), row.getString("NATION_"),
				instant(row.getTimestamp("START_TIME_")), instant(row.getTimestamp("END_TIME_")),
				ProgrammeStatus.of(row.getString("STATUS_"), row.getString("STATE_")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
