package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.RepeatedTest;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two people complete the same task at once: one completion counts, the other is told who did it. */
@SpinoutWebTest
class ConcurrentCompletionTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@RepeatedTest(10)
	void exactlyOneCompletionCounts() throws Exception {
		TestProgrammes.ensureUser(identity, "board2", "shadow-board");
		String reference = new TestProgrammes(starter, tasks).start("Concurrent " + System.nanoTime());
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference)
				.taskDefinitionKey(TestProgrammes.FIRST_TASK).singleResult();
		List<WebClient> people = List.of(new WebClient(port), new WebClient(port));
		people.get(0).signIn("board", "demo");
		people.get(1).signIn("board2", "demo");
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (WebClient person : people) {
				answers.add(pool.submit(() -> {
					go.await(10, TimeUnit.SECONDS);
					return person.postWithToken("/tasks/" + task.getId() + "/complete", TestProgrammes.firstTaskForm());
				}));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			List<String> bodies = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
				statuses.add(response.statusCode());
				bodies.add(response.body());
			}

			assertThat(statuses).containsExactlyInAnyOrder(302, 409);
			String refused = bodies.get(statuses.indexOf(409));
			String winner = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee();
			assertThat(refused).contains("is already complete")
					.contains(winner.equals("board") ? "Tom Okafor" : "Test board2");
			assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
					.taskDefinitionKey(TestProgrammes.SECOND_TASK).count()).as("the flow moved on once").isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
