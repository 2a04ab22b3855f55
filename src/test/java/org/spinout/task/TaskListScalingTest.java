package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.sql.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Rendering a task list takes as many SQL statements with 2,000 programmes as with 20. */
@SpinoutWebTest
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
		long tasksWith20 = available(board);
		seed(programmes, 2_000 - 20);
		long with2000 = sql.count(() -> assertThat(board.get("/tasks/available").statusCode()).isEqualTo(200));

		assertThat(available(board)).isEqualTo(tasksWith20 + 1_980);
		assertThat(with2000).isEqualTo(with20);
	}

	/** The number of tasks the page says there are (other tests share this database). */
	private static long available(WebClient board) {
		Matcher caption = Pattern.compile("([\\d,]+) tasks?\\s*</caption>").matcher(board.get("/tasks/available").body());
		assertThat(caption.find()).isTrue();
		return Long.parseLong(caption.group(1).replace(",", ""));
	}

	private static void seed(TestProgrammes programmes, int count) {
		for (int i = 0; i < count; i++) {
			programmes.start("Scaling " + i);
		}
	}
}
