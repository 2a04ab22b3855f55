package org.spinout.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Searches the main process instances of one process in the engine's history, with some of their
 * variables, filtered, sorted and paged by the database: one statement counts, one finds a page's
 * ids joining only the variables its filters and order need, one reads the variables of those ids
 * alone. So a page costs the same however many instances there are. The engine's query API cannot
 * join variables for sorting, nor say in one statement who may see an instance. Reads
 * {@code ACT_HI_PROCINST} and {@code ACT_HI_VARINST} (history level {@code audit}), and
 * {@code ACT_HI_IDENTITYLINK} for {@link Query#visibleTo} (level {@code full}). See
 * {@code docs/decisions/named-queries-on-the-engine-tables.md}.
 */
@Component
public class RootInstanceSearch {

	private static final String VARIABLE_NAME = "\\w+";

	private final NamedParameterJdbcTemplate jdbc;

	private final EngineTables tables;

	RootInstanceSearch(NamedParameterJdbcTemplate jdbc, EngineTables tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	/** A search of the main instances of the process, whose rows carry the given variables (as text). */
	public Query of(String processKey, List<String> variables) {
		return new Query(processKey, variables);
	}

	/** An instance's state in the history. */
	public enum State {
		ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED, INTERNALLY_TERMINATED
	}

	/** A condition on an instance's state and its variables' text (a missing variable reads as empty). */
	public static final class Condition {

		private final String sql;

		/** The variables the condition reads, to be joined. */
		private final Set<String> variables;

		private Condition(String sql, Set<String> variables) {
			this.sql = sql;
			this.variables = variables;
		}

		public static Condition variableIn(String variable, String... values) {
			requireName(variable);
			return new Condition("COALESCE(" + variableAlias(variable) + ".TEXT_, '') IN (" + literals(values) + ")",
					Set.of(variable));
		}

		public static Condition stateIn(State... states) {
			return new Condition("P.STATE_ IN ("
					+ literals(Arrays.stream(states).map(State::name).toArray(String[]::new)) + ")", Set.of());
		}

		public static Condition not(Condition condition) {
			return new Condition("NOT " + condition.sql, condition.variables);
		}

		public static Condition and(Condition... conditions) {
			return join(" AND ", conditions);
		}

		public static Condition or(Condition... conditions) {
			return join(" OR ", conditions);
		}

		private static Condition join(String operator, Condition... conditions) {
			return new Condition(Arrays.stream(conditions).map(condition -> condition.sql)
					.collect(Collectors.joining(operator, "(", ")")),
					Arrays.stream(conditions).flatMap(condition -> condition.variables.stream()).collect(Collectors.toSet()));
		}

		private static String literals(String... values) {
			// only names the caller writes in code, never input: checked all the same
			return Arrays.stream(values).map(value -> {
				if (!value.matches("[\\w-]*")) {
					throw new IllegalArgumentException("Not a plain value: " + value);
				}
				return "'" + value + "'";
			}).collect(Collectors.joining(", "));
		}
	}

	/** The order of a page; ties are broken by the instance id, so that pages never overlap. */
	public enum Order {
		NEWEST("P.START_TIME_ DESC, P.ID_"),
		OLDEST("P.START_TIME_ ASC, P.ID_"),
		BUSINESS_KEY("P.BUSINESS_KEY_ ASC, P.ID_");

		private final String sql;

		Order(String sql) {
			this.sql = sql;
		}
	}

	/** One instance: its id, business key, times, state and the variables the search reads (null where unset). */
	public record Row(String id, String businessKey, Instant started, Instant ended, String state,
			Map<String, String> variables) {
	}

	/** One search: filters added to it narrow it; it is used by one thread for one request. */
	public final class Query {

		private final String processKey;

		private final List<String> variables;

		private final TreeSet<String> joined = new TreeSet<>();

		private final StringBuilder where = new StringBuilder(" WHERE P.PROC_DEF_KEY_ = :processKey"
				+ " AND P.SUPER_PROCESS_INSTANCE_ID_ IS NULL");

		private final Map<String, Object> parameters = new HashMap<>();

		private Query(String processKey, List<String> variables) {
			variables.forEach(RootInstanceSearch::requireName);
			this.processKey = processKey;
			this.variables = List.copyOf(variables);
			parameters.put("processKey", processKey);
		}

		/**
		 * Only instances in which the person holds or held a task, as an identity of it (assignee,
		 * owner, candidate) or through one of their groups as a candidate group.
		 */
		public Query visibleTo(String userId, Collection<String> groups) {
			parameters.put("userId", userId);
			String inGroups = "";
			if (!groups.isEmpty()) {
				parameters.put("groups", new ArrayList<>(groups));
				inGroups = " OR (L.TYPE_ = 'candidate' AND L.GROUP_ID_ IN (:groups))";
			}
			where.append(" AND EXISTS (SELECT 1 FROM ")
					.append(tables.history("ACT_HI_IDENTITYLINK", HistoryLevel.HISTORY_LEVEL_FULL))
					.append(" L WHERE L.ROOT_PROC_INST_ID_ = P.ID_ AND L.TASK_ID_ IS NOT NULL AND (L.USER_ID_ = :userId")
					.append(inGroups).append("))");
			return this;
		}

		/** Only instances with a running instance of the called process somewhere below them. */
		public Query withOpenCalled(String calledProcessKey) {
			parameters.put("called", calledProcessKey);
			where.append(" AND EXISTS (SELECT 1 FROM ").append(instances())
					.append(" C WHERE C.ROOT_PROC_INST_ID_ = P.ID_ AND C.PROC_DEF_KEY_ = :called AND C.END_TIME_ IS NULL)");
			return this;
		}

		public Query where(Condition condition) {
			condition.variables.forEach(this::join);
			where.append(" AND ").append(condition.sql);
			return this;
		}

		public Query variableEquals(String variable, String value) {
			String alias = join(variable);
			parameters.put(alias, value);
			where.append(" AND ").append(alias).append(".TEXT_ = :").append(alias);
			return this;
		}

		/** Instances whose business key or one of the given variables contains the text, in any case. */
		public Query containing(String text, List<String> inVariables) {
			parameters.put("text", "%" + escapeLike(text.toUpperCase(Locale.ROOT)) + "%");
			StringBuilder any = new StringBuilder(" AND (UPPER(P.BUSINESS_KEY_) LIKE :text ESCAPE '!'");
			for (String variable : inVariables) {
				any.append(" OR UPPER(").append(join(variable)).append(".TEXT_) LIKE :text ESCAPE '!'");
			}
			where.append(any).append(")");
			return this;
		}

		public long count() {
			Long count = jdbc.queryForObject("SELECT COUNT(*)" + from(), parameters, Long.class);
			return count == null ? 0 : count;
		}

		/** A page of ids in the given order. */
		public List<String> ids(Order order, long offset, int limit) {
			return page(order.sql, offset, limit);
		}

		/** A page of ids in the order of a variable's text (in any case), then of the business key. */
		public List<String> idsByVariable(String variable, long offset, int limit) {
			String alias = join(variable);
			return page("UPPER(" + alias + ".TEXT_) ASC, P.BUSINESS_KEY_, P.ID_", offset, limit);
		}

		/** The values a variable takes among the instances found, each once, in order. */
		public List<String> distinct(String variable) {
			String alias = join(variable);
			return jdbc.queryForList("SELECT DISTINCT " + alias + ".TEXT_" + from() + " AND " + alias
					+ ".TEXT_ IS NOT NULL ORDER BY " + alias + ".TEXT_", parameters, String.class);
		}

		/** The rows of the given ids, in their order. */
		public List<Row> rows(List<String> ids) {
			if (ids.isEmpty()) {
				return List.of();
			}
			Map<String, Row> byId = new HashMap<>();
			jdbc.query(columns() + " FROM " + instances() + " P" + joins(variables) + " WHERE P.ID_ IN (:ids)",
					Map.of("ids", ids), row -> {
						Row found = row(row);
						byId.put(found.id(), found);
					});
			return ids.stream().map(byId::get).toList();
		}

		/** The instance with this business key, among all the process's main instances. */
		public Optional<Row> byBusinessKey(String businessKey) {
			Map<String, Object> byKey = Map.of("processKey", processKey, "businessKey", businessKey);
			return jdbc.query(columns() + " FROM " + instances() + " P" + joins(variables)
					+ " WHERE P.PROC_DEF_KEY_ = :processKey AND P.SUPER_PROCESS_INSTANCE_ID_ IS NULL"
					+ " AND P.BUSINESS_KEY_ = :businessKey", byKey, (row, number) -> row(row)).stream().findFirst();
		}

		private List<String> page(String order, long offset, int limit) {
			Map<String, Object> paged = new HashMap<>(parameters);
			paged.put("offset", offset);
			paged.put("limit", limit);
			return jdbc.queryForList("SELECT P.ID_" + from() + " ORDER BY " + order
					+ " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY", paged, String.class);
		}

		private String from() {
			return " FROM " + instances() + " P" + joins(joined) + where;
		}

		private String join(String variable) {
			requireName(variable);
			joined.add(variable);
			return variableAlias(variable);
		}

		private String columns() {
			StringBuilder columns = new StringBuilder(
					"SELECT P.ID_, P.BUSINESS_KEY_, P.START_TIME_, P.END_TIME_, P.STATE_");
			for (String variable : variables) {
				columns.append(", ").append(variableAlias(variable)).append(".TEXT_ AS ").append(variableAlias(variable))
						.append('_');
			}
			return columns.toString();
		}

		private Row row(ResultSet row) throws SQLException {
			Map<String, String> values = new LinkedHashMap<>();
			for (String variable : variables) {
				values.put(variable, row.getString(variableAlias(variable) + "_"));
			}
			return new Row(row.getString("ID_"), row.getString("BUSINESS_KEY_"), instant(row.getTimestamp("START_TIME_")),
					instant(row.getTimestamp("END_TIME_")), row.getString("STATE_"), values);
		}

		private String instances() {
			return tables.history("ACT_HI_PROCINST", HistoryLevel.HISTORY_LEVEL_AUDIT);
		}

		private String joins(Collection<String> names) {
			String table = tables.history("ACT_HI_VARINST", HistoryLevel.HISTORY_LEVEL_AUDIT);
			StringBuilder joins = new StringBuilder();
			for (String variable : names) {
				String alias = variableAlias(variable);
				joins.append(" LEFT JOIN ").append(table).append(' ').append(alias).append(" ON ").append(alias)
						.append(".PROC_INST_ID_ = P.ID_ AND ").append(alias).append(".NAME_ = '").append(variable)
						.append("' AND ").append(alias).append(".STATE_ = 'CREATED'");
			}
			return joins.toString();
		}
	}

	/** A variable's table alias, from its name, which {@link #requireName} keeps to letters, digits and _. */
	private static String variableAlias(String variable) {
		return "V_" + variable;
	}

	private static void requireName(String variable) {
		if (!variable.matches(VARIABLE_NAME)) {
			throw new IllegalArgumentException("Not a variable name: " + variable);
		}
	}

	private static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
