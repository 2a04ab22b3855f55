package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.postgres.PostgresTestDatabase;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.sql.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Rendering a page takes as many SQL statements with 2,000 programmes as with 20: the task lists,
 * the portfolio and a programme's page. The programmes are seeded once for all the pages, as
 * seeding is slow: each page is measured with 20 new programmes, then again with 2,000.
 * <p>
 * On PostgreSQL the same proof runs with 200: a statement for each row, or for each programme,
 * shows at any number past a page (25), and the statements are the application's own, the same on
 * both databases. The 2,000 stay on the embedded database, whose searches slow most as
 * programmes grow; seeding them again on PostgreSQL cost CI close to two minutes.
 */
@SpinoutWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class TaskListScalingTest {

	private static final Pattern PROGRAMMES = Pattern.compile("([\\d,]+) programmes?\\s*<span");

	private static final int SEEDED = PostgresTestDatabase.isOn() ? 200 : 2_000;

	/** Programmes named for the search on the task list: four pages of 25, the last not full. */
	private static final int FOUND_BY_SEARCH = 91;

	@LocalServerPort
	int port;

	@Autowired
	SqlStatementCounter sql;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	final List<String> seeded = new ArrayList<>();

	WebClient board;

	WebClient manager;

	String firstProgramme;

	long programmesWith20;

	long availableTasksWith20;

	long availableTasksWith2000;

	long portfolioWith20;

	long portfolioWith2000;

	long portfolioOfParticipantWith20;

	long portfolioOfParticipantWith2000;

	long programmePageWith20;

	long programmePageWith2000;

	@BeforeAll
	void measureWith20And2000Programmes() {
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		board = new WebClient(port);
		board.signIn("board", "demo");
		manager = new WebClient(port);
		manager.signIn("manager", "demo");
		firstProgramme = programmes.start("Scaling first");
		seeded.add(firstProgramme);
		seed(programmes, 19);
		warmUp();

		availableTasksWith20 = sql.count(() -> assertThat(board.get("/tasks/available").statusCode()).isEqualTo(200));
		portfolioWith20 = sql.count(() -> assertThat(manager.get("/programmes").statusCode()).isEqualTo(200));
		portfolioOfParticipantWith20 = sql.count(() -> assertThat(board.get("/programmes").statusCode())
				.isEqualTo(200));
		programmePageWith20 = sql.count(() -> assertThat(manager.get("/programmes/" + firstProgramme).statusCode())
				.isEqualTo(200));
		programmesWith20 = count(PROGRAMMES, manager.get("/programmes").body());

		seed(programmes, SEEDED - 20);

		availableTasksWith2000 = sql.count(() -> assertThat(board.get("/tasks/available").statusCode())
				.isEqualTo(200));
		portfolioWith2000 = sql.count(() -> assertThat(manager.get("/programmes").statusCode()).isEqualTo(200));
		portfolioOfParticipantWith2000 = sql.count(() -> assertThat(board.get("/programmes").statusCode())
				.isEqualTo(200));
		programmePageWith2000 = sql.count(() -> assertThat(manager.get("/programmes/" + firstProgramme).statusCode())
				.isEqualTo(200));
	}

	@Test
	void theAvailableTasksPageDoesNotGrowWithTheNumberOfProgrammes() {
		assertThat(board.get("/tasks/available").body()).contains("Tasks 1 to 25, more on the next page")
				.contains("rel=\"next\"");
		assertThat(availableTasksWith2000).isEqualTo(availableTasksWith20).isPositive();
	}

	@Test
	void theTaskListSaysHowManyTasksThereAreOnItsLastPageAndPagesOnUntilThen() {
		String first = board.get("/tasks/available?q=Scaling+found").body();
		String third = board.get("/tasks/available?q=Scaling+found&page=3").body();
		String last = board.get("/tasks/available?q=Scaling+found&page=4").body();
		String beyond = board.get("/tasks/available?q=Scaling+found&page=5").body();

		assertThat(first).contains("Tasks 1 to 25, more on the next page").contains("page=2\"");
		assertThat(third).contains("Tasks 51 to 75, more on the next page").contains("rel=\"prev\"");
		assertThat(last).contains(FOUND_BY_SEARCH + " tasks").doesNotContain("rel=\"next\"");
		assertThat(beyond).contains("No task available to your groups matches these filters.");
	}

	@Test
	void thePortfolioPageDoesNotGrowWithTheNumberOfProgrammes() {
		assertThat(count(PROGRAMMES, manager.get("/programmes").body())).isEqualTo(programmesWith20 + SEEDED - 20);
		assertThat(portfolioWith2000).isEqualTo(portfolioWith20).isPositive();
	}

	@Test
	void thePortfolioOfSomeoneWhoSeesProgrammesThroughTheirTasksDoesNotGrowEither() {
		assertThat(board.get("/programmes").body()).contains("data-reference=\"");
		assertThat(portfolioOfParticipantWith2000).isEqualTo(portfolioOfParticipantWith20).isPositive();
	}

	@Test
	void aProgrammePageDoesNotGrowWithTheNumberOfProgrammes() {
		assertThat(programmePageWith2000).isEqualTo(programmePageWith20).isPositive();
	}

	/** Loads what is read once and kept (the models), so that the first measurement counts only the page. */
	private void warmUp() {
		board.get("/tasks/available");
		manager.get("/programmes");
		board.get("/programmes");
		manager.get("/programmes/" + firstProgramme);
	}

	/** The number a page's table caption gives (other tests share this database). */
	private static long count(Pattern caption, String page) {
		Matcher matcher = caption.matcher(page);
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1).replace(",", ""));
	}

	/**
	 * Takes the seeded programmes out again, with their history and notifications: every application
	 * test shares this database, and 2,000 programmes would crowd others' lists and outbox.
	 */
	@AfterAll
	void removeTheSeededProgrammes() {
		for (int i = 0; i < seeded.size(); i += 500) {
			List<String> references = seeded.subList(i, Math.min(seeded.size(), i + 500));
			List<String> instances = history.createHistoricProcessInstanceQuery()
					.processInstanceBusinessKeyIn(references.toArray(String[]::new)).list().stream()
					.map(HistoricProcessInstance::getId).toList();
			List<String> running = runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(instances))
					.rootProcessInstances().list().stream().map(ProcessInstance::getId).toList();
			runtime.deleteProcessInstances(running, "Scaling test finished", true, true);
			history.deleteHistoricProcessInstances(instances);
			jdbc.update("DELETE FROM spinout_notification WHERE programme_reference IN (:references)",
					Map.of("references", references));
			jdbc.update("DELETE FROM spinout_clock_alert WHERE programme_id IN (:instances)",
					Map.of("instances", instances));
		}
	}

	private void seed(TestProgrammes programmes, int count) {
		for (int i = 0; i < count; i++) {
			String found = seeded.size() <= FOUND_BY_SEARCH ? "found " : "";
			seeded.add(programmes.start("Scaling " + found + seeded.size()));
		}
	}
}
