package org.spinout.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	static final String PROGRAMME_NAME = "programmeName";

	static final String PARENT_BODY = "parentBody";

	static final String SERVICE_NAME = "serviceName";

	static final String NATION = "nation";

	private static final String TERMINATED = "('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED')";

	private static final String RECORDED = "COALESCE(S.TEXT_, '')";

	private static final Map<ProgrammeStatus, String> STATUS_CONDITIONS = Map.of(
			ProgrammeStatus.STOPPED, "(" + RECORDED + " = 'stopped' OR P.STATE_ IN " + TERMINATED + ")",
			ProgrammeStatus.LIVE, "(" + RECORDED + " <> 'stopped' AND P.STATE_ NOT IN " + TERMINATED + " AND ("
					+ RECORDED + " = 'live' OR P.STATE_ = 'COMPLETED'))",
			ProgrammeStatus.SUSPENDED, "(P.STATE_ = 'SUSPENDED' AND " + RECORDED + " NOT IN ('stopped', 'live'))",
			ProgrammeStatus.ACTIVE, "(P.STATE_ = 'ACTIVE' AND " + RECORDED + " NOT IN ('stopped', 'live'))");

	private static final String FROM = """
			FROM ACT_HI_PROCINST P
			LEFT JOIN ACT_HI_VARINST N ON N.PROC_INST_ID_ = P.ID_ AND N.NAME_ = 'programmeName' AND N.STATE_ = 'CREATED'
			LEFT JOIN ACT_HI_VARINST B ON B.PROC_INST_ID_ = P.ID_ AND B.NAME_ = 'parentBody' AND B.STATE_ = 'CREATED'
			LEFT JOIN ACT_HI_VARINST V ON V.PROC_INST_ID_ = P.ID_ AND V.NAME_ = 'serviceName' AND V.STATE_ = 'CREATED'
			LEFT JOIN ACT_HI_VARINST T ON T.PROC_INST_ID_ = P.ID_ AND T.NAME_ = 'nation' AND T.STATE_ = 'CREATED'
			LEFT JOIN ACT_HI_VARINST S ON S.PROC_INST_ID_ = P.ID_ AND S.NAME_ = 'programmeStatus' AND S.STATE_ = 'CREATED'
			WHERE P.PROC_DEF_KEY_ = :processKey AND P.SUPER_PROCESS_INSTANCE_ID_ IS NULL
			""";

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
		Map<String, Object> parameters = new HashMap<>();
		String sql = "SELECT COUNT(*) " + FROM + conditions(user, query, parameters);
		Long count = jdbc.queryForObject(sql, parameters, Long.class);
		return count == null ? 0 : count;
	}

	List<Found> find(SpinoutUser user, PortfolioQuery query, long offset, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		String sql = COLUMNS + FROM + conditions(user, query, parameters) + " ORDER BY " + order(query.sort())
				+ " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY";
		parameters.put("offset", offset);
		parameters.put("limit", limit);
		return jdbc.query(sql, parameters, ProgrammeSearch::found);
	}

	/** The parent bodies of the programmes the user may see, for the filter. */
	List<String> parentBodies(SpinoutUser user) {
		Map<String, Object> parameters = new HashMap<>();
		String sql = "SELECT DISTINCT B.TEXT_ " + FROM + visibility(user, parameters)
				+ " AND B.TEXT_ IS NOT NULL ORDER BY B.TEXT_";
		return jdbc.queryForList(sql, parameters, String.class);
	}

	/** The programme with this reference, whoever may see it: callers check {@link ProgrammeAccess}. */
	Optional<Found> byReference(String reference) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("processKey", ProgrammeStarter.PROCESS_KEY);
		parameters.put("reference", reference);
		List<Found> found = jdbc.query(COLUMNS + FROM + " AND P.BUSINESS_KEY_ = :reference", parameters,
				ProgrammeSearch::found);
		return found.stream().findFirst();
	}

	private String conditions(SpinoutUser user, PortfolioQuery query, Map<String, Object> parameters) {
		StringBuilder where = new StringBuilder(visibility(user, parameters));
		if (query.status() != null) {
			where.append(" AND ").append(STATUS_CONDITIONS.get(query.status()));
		}
		if (query.phase() != null) {
			where.append(IN_PHASE);
			parameters.put("phase", query.phase());
		}
		if (query.parentBody() != null) {
			where.append(" AND B.TEXT_ = :parentBody");
			parameters.put("parentBody", query.parentBody());
		}
		if (query.text() != null) {
			where.append(" AND (UPPER(P.BUSINESS_KEY_) LIKE :text ESCAPE '!' OR UPPER(N.TEXT_) LIKE :text ESCAPE '!'"
					+ " OR UPPER(B.TEXT_) LIKE :text ESCAPE '!' OR UPPER(V.TEXT_) LIKE :text ESCAPE '!')");
			parameters.put("text", "%" + escapeLike(query.text().toUpperCase(java.util.Locale.ROOT)) + "%");
		}
		return where.toString();
	}

	private String visibility(SpinoutUser user, Map<String, Object> parameters) {
		parameters.put("processKey", ProgrammeStarter.PROCESS_KEY);
		if (access.seesEveryProgramme(user)) {
			return "";
		}
		parameters.put("userId", user.id());
		if (user.groups().isEmpty()) {
			return VISIBLE.formatted("");
		}
		parameters.put("groups", new ArrayList<>(user.groups()));
		return VISIBLE.formatted(IN_GROUPS);
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
