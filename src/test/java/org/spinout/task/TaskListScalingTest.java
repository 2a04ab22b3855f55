package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.sql.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Rendering a task list takes as many SQL statements with 2,000 programmes as with 20. */
@SpinoutWebTest
@Import(SqlStatementCounter.class)
class TaskListScalingTest {

	@LocalServerPort
	int port;

	@Autowired
	SqlStatementCounter sql;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Test
	void theAvailableTasksPageDoesNotGrowWithTheNumberOfProgrammes() {
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		WebClient board = new WebClient(port);
		board.signIn("board", "demo");
		seed(programmes, 20);
		board.get("/tasks/available");

		long with20 = sql.count(() -> assertThat(board.get("/tasks/available").statusCode()).isEqualTo(200));
		seed(programmes, 2_000 - 20);
		long with2000 = sql.count(() -> assertThat(board.get("/tasks/available").body()).contains("2,000 tasks")
				.doesNotContain("2000 tasks"));

		assertThat(with2000).isEqualTo(with20);
	}

	private static void seed(TestProgrammes programmes, int count) {
		for (int i = 0; i < count; i++) {
			programmes.start("Scaling " + i);
		}
	}
}
