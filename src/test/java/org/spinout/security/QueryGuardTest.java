package org.spinout.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Findings 3 and 5 of the security review: any signed-in person made the server evaluate an
 * expression through a query's orQueries, and a LIKE pattern full of wildcards held a CPU for
 * minutes. Expressions in queries are refused with 400 everywhere, for everyone; LIKE patterns
 * are limited; and every statement has a timeout, which the database keeps.
 */
@SpinoutWebTest
class QueryGuardTest {

	/** What the review sent: seconds of CPU, more for a bigger number. */
	private static final String OR_QUERY = "{\"orQueries\": [{\"dueAfterExpression\": "
			+ "\"${workingDays.fromNow(4000000, 'england-wales')}\"}]}";

	/** As application.yml sets it for the engine and for Spinout's own SQL. */
	private static final int STATEMENT_TIMEOUT_SECONDS = 30;

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	FilterService filters;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void anExpressionInOrQueriesIsRefusedThroughEitherApi() {
		// given union signed in to Camunda's web applications as well
		WebClient tasklist = new WebClient(port);
		tasklist.signIn("union", "demo");
		tasklist.get("/camunda/app/tasklist/default/");
		Instant start = Instant.now();

		// when
		HttpResponse<String> rest = new WebClient(port).postJsonWithBasic("/engine-rest/task?maxResults=10", OR_QUERY,
				"union", "demo");
		HttpResponse<String> webapp = tasklist.send("POST", "/camunda/api/engine/engine/default/task?maxResults=10",
				Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN")),
				HttpRequest.BodyPublishers.ofString(OR_QUERY));

		// then
		assertThat(rest.statusCode()).isEqualTo(400);
		assertThat(rest.body()).contains("dueAfterExpression is an expression, and queries may not hold expressions");
		assertThat(webapp.statusCode()).isEqualTo(400);
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void anExpressionAnywhereInAQueryIsRefusedForAdministratorsToo() {
		// when
		HttpResponse<String> parameter = new WebClient(port).getWithBasic(
				"/engine-rest/task?dueAfterExpression=%24%7Bnow()%7D", "admin", "demo");
		HttpResponse<String> filter = new WebClient(port).postJsonWithBasic("/engine-rest/filter/create",
				"{\"resourceType\": \"Task\", \"name\": \"Mine\", \"query\": {\"assigneeExpression\": "
						+ "\"${currentUser()}\"}}", "admin", "demo");

		// then
		assertThat(parameter.statusCode()).isEqualTo(400);
		assertThat(filter.statusCode()).isEqualTo(400);
	}

	@Test
	void aStoredQueryDoesNotEvaluateExpressions() {
		// given a filter whose query holds an expression, as saved by any way round the API
		Filter filter = filters.newTaskFilter("Expression").setQuery(tasks.createTaskQuery()
				.taskAssigneeExpression("${currentUser()}"));

		// when / then
		assertThatThrownBy(() -> filters.saveFilter(filter)).isInstanceOf(BadUserRequestException.class);
	}

	@Test
	void aWildcardHeavyLikeIsRefusedAtOnce() {
		// given
		Instant start = Instant.now();

		// when the review's pattern, and the same in a variable filter and in a body's orQueries
		HttpResponse<String> parameter = new WebClient(port).getWithBasic(
				"/engine-rest/task?maxResults=10&descriptionLike=%25e%25e%25e%25e%25e%25e%25e%25e%25e%25e!", "union",
				"demo");
		HttpResponse<String> variable = new WebClient(port).getWithBasic(
				"/engine-rest/task?maxResults=10&processVariables=programmeName_like_%25a%25b%25", "union", "demo");
		HttpResponse<String> body = new WebClient(port).postJsonWithBasic("/engine-rest/task?maxResults=10",
				"{\"orQueries\": [{\"nameLike\": \"%e%e%e!\"}], \"processVariables\": [{\"name\": \"programmeName\", "
						+ "\"operator\": \"like\", \"value\": \"%a%b%\"}]}", "union", "demo");

		// then
		assertThat(parameter.statusCode()).isEqualTo(400);
		assertThat(parameter.body()).contains("the pattern of descriptionLike has % in its middle");
		assertThat(variable.statusCode()).isEqualTo(400);
		assertThat(body.statusCode()).isEqualTo(400);
		assertThat(body.body()).contains("nameLike").contains("the variable filter on 'programmeName'");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void aLongPatternIsRefusedAndAPlainSearchRuns() {
		// when
		HttpResponse<String> search = new WebClient(port).getWithBasic(
				"/engine-rest/task?maxResults=10&nameLike=%25Approve%25", "union", "demo");
		HttpResponse<String> tooLong = new WebClient(port).getWithBasic(
				"/engine-rest/task?maxResults=10&nameLike=" + "a".repeat(101), "union", "demo");

		// then
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("is longer than 100 characters");
	}

	@Test
	void everyStatementHasATimeout() {
		// when / then: the engine's statements and Spinout's own
		assertThat(engine.getProcessEngineConfiguration().getJdbcStatementTimeout()).isEqualTo(STATEMENT_TIMEOUT_SECONDS);
		assertThat(jdbc.getQueryTimeout()).isEqualTo(STATEMENT_TIMEOUT_SECONDS);
	}

	@Test
	void aStatementPastItsTimeoutIsStoppedAndGivesItsConnectionBack() throws SQLException {
		// given a query that would run for minutes, on this database, with a timeout of one second
		String slow = isPostgres() ? "SELECT 1 FROM pg_sleep(60)"
				: "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) A, SYSTEM_RANGE(1, 100000) B";
		JdbcTemplate impatient = new JdbcTemplate(dataSource);
		impatient.setQueryTimeout(1);
		Instant start = Instant.now();

		// when / then
		assertThatThrownBy(() -> impatient.queryForObject(slow, Long.class)).isInstanceOf(DataAccessException.class);
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
		assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isOne();
	}

	private boolean isPostgres() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
	}
}
