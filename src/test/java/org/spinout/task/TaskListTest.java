package org.spinout.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Task lists a person can act on: filters by phase, assignee and group, claiming and assigning
 * from a row and coming back to the same list, filters folded away while a list is short, and an
 * empty list that says where work waits instead.
 */
@SpinoutWebTest
class TaskListTest {

	/** A model whose one task is overdue from the start, offered to the legal team. */
	private static final String OVERDUE_MODEL = "task-list-overdue";

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProcessEngine engine;

	TestProgrammes programmes;

	@BeforeEach
	void programmesAndPeople() {
		programmes = new TestProgrammes(starter, tasks);
		TestProgrammes.ensureUser(identity, "board2", "shadow-board");
		TestProgrammes.ensureUser(identity, "newcomer", "legal");
		engine.getRepositoryService().createDeployment().name(OVERDUE_MODEL).enableDuplicateFiltering(true)
				.addModelInstance(OVERDUE_MODEL + ".bpmn", Bpmn.createExecutableProcess(OVERDUE_MODEL)
						.name("Overdue review").camundaHistoryTimeToLive(1).startEvent()
						.userTask("ReviewLease").name("Review the lease").camundaCandidateGroups("legal")
						.camundaDueDate("${due}").endEvent().done())
				.deploy();
	}

	/** The newcomer leaves: other tests count the members of legal services, in the database all share. */
	@AfterEach
	void theNewcomerLeaves() {
		identity.deleteUser("newcomer");
	}

	@Test
	void thePhaseFilterListsThePhasesInJourneyOrderAndNotTheMainProcess() {
		String page = signedIn("manager").get("/tasks/all").body();

		String phaseSelect = page.substring(page.indexOf("id=\"phase\""), page.indexOf("</select>", page.indexOf("id=\"phase\"")));
		assertThat(phaseSelect).containsSubsequence("Options and the in-principle decision",
				"Engagement and consultation", "Full business case and the decision to spin out", "Legal formation", "Go-live").doesNotContain("spin-out-programme").doesNotContain("Public service spin-out")
				.doesNotContain("Overdue review");
	}

	@Test
	void aManagerFiltersAllTasksByAssigneeAndByGroup() {
		String reference = programmes.start("Filter by assignee " + System.nanoTime());
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebClient manager = signedIn("manager");
		String programme = "/tasks/all?programme=" + reference;

		assertThat(manager.get(programme + "&assignee=none").body()).contains(prepare.getId());
		assertThat(manager.get(programme + "&group=shadow-board").body()).contains(prepare.getId());
		assertThat(manager.get(programme + "&group=legal").body()).doesNotContain(prepare.getId());
		tasks.setAssignee(prepare.getId(), "board2");
		assertThat(manager.get(programme + "&assignee=board2").body()).contains(prepare.getId());
		assertThat(manager.get(programme + "&assignee=none").body()).doesNotContain(prepare.getId());
		assertThat(manager.get(programme + "&group=shadow-board").body())
				.as("a group's tasks include those one of its members has taken").contains(prepare.getId());
		assertThat(manager.get(programme + "&group=no-such-group").statusCode()).isEqualTo(400);
	}

	@Test
	void someoneClaimsATaskFromTheRowAndComesBackToTheSameList() {
		String reference = programmes.start("Claim from the row " + System.nanoTime());
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebClient board = signedIn("board");
		String list = "/tasks/available?programme=" + reference;
		assertThat(board.get(list).body()).contains("action=\"/tasks/" + prepare.getId() + "/claim\"");

		HttpResponse<String> claimed = board.postForm(list, "/tasks/" + prepare.getId() + "/claim", "returnTo", list);

		assertThat(claimed.statusCode()).isEqualTo(302);
		assertThat(claimed.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith(list));
		assertThat(tasks.createTaskQuery().taskId(prepare.getId()).singleResult().getAssignee()).isEqualTo("board");
		assertThat(board.get(list).body()).contains("You have claimed ‘" + TestProgrammes.FIRST_TASK_NAME + "’");
	}

	@Test
	void someoneAssignsATaskFromTheRowToAMemberOfItsGroup() {
		String reference = programmes.start("Assign from the row " + System.nanoTime());
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebClient manager = signedIn("manager");
		String list = "/tasks/all?programme=" + reference;
		String page = manager.get(list).body();
		assertThat(page).contains("id=\"assignee-" + prepare.getId() + "\"").contains("value=\"board2\"");

		HttpResponse<String> blank = manager.postForm(list, "/tasks/" + prepare.getId() + "/assign", "returnTo", list,
				"assignee", "");
		HttpResponse<String> assigned = manager.postForm(list, "/tasks/" + prepare.getId() + "/assign", "returnTo",
				list, "assignee", "board2");

		assertThat(blank.statusCode()).as("a person not chosen is said on the list, not as an error page")
				.isEqualTo(302);
		assertThat(assigned.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith(list));
		assertThat(tasks.createTaskQuery().taskId(prepare.getId()).singleResult().getAssignee()).isEqualTo("board2");
		assertThat(manager.get(list).body()).contains("is now assigned to Test board2");
	}

	@Test
	void aReturnAddressOutsideTheTaskListsLeadsToTheTaskInstead() {
		String reference = programmes.start("Return elsewhere " + System.nanoTime());
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebClient board = signedIn("board");

		HttpResponse<String> claimed = board.postWithToken("/tasks/" + prepare.getId() + "/claim", "returnTo",
				"https://elsewhere.example/tasks");

		assertThat(claimed.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/tasks/" + prepare.getId()));
	}

	@Test
	void anEmptyListSaysWhereWorkWaitsAndTheHomePageLinksToIt() {
		// given a newcomer to the legal team, with nothing assigned and an overdue task offered to the team
		String instance = engine.getRuntimeService()
				.startProcessInstanceByKey(OVERDUE_MODEL, Map.of("due", Date.from(Instant.parse("2020-01-01T00:00:00Z")))).getId();
		Task review = tasks.createTaskQuery().processInstanceId(instance).singleResult();
		WebClient newcomer = signedIn("newcomer");

		// when they open their own overdue tasks, and their home page
		String mine = newcomer.get("/tasks?overdue=true").body();
		String home = newcomer.get("/").body();

		// then the empty list says where the overdue work waits, and the home page leads there
		assertThat(mine).contains("None of the tasks assigned to you is overdue.")
				.containsPattern("\\d+ overdue tasks? waits? for your groups\\.")
				.contains("href=\"/tasks/available?overdue=true\"");
		assertThat(home).contains("href=\"/tasks/available?overdue=true\"").doesNotContain("See your overdue tasks");
		assertThat(newcomer.get("/tasks/available?overdue=true").body()).contains(review.getId());
		assertThat(newcomer.get("/tasks").body()).contains("Nothing is assigned to you.")
				.contains("href=\"/tasks/available\"");
	}

	@Test
	void filtersAreFoldedAwayWhileTheListIsShortAndOpenOnceFiltered() {
		WebClient newcomer = signedIn("newcomer");

		assertThat(newcomer.get("/tasks").body()).contains("id=\"filters\">");
		assertThat(newcomer.get("/tasks?q=" + URLEncoder.encode("lease", StandardCharsets.UTF_8)).body())
				.contains("id=\"filters\" open=\"open\">");
	}

	@Test
	void theEmptyListWordingFollowsTheView() {
		TaskListQuery mine = TaskListQuery.of(TaskListQuery.View.MINE, Map.of());
		TaskListQuery filtered = TaskListQuery.of(TaskListQuery.View.AVAILABLE, Map.of("q", "lease"));

		assertThat(EmptyList.of(mine, new TaskLists.Counts(0, 0, 1, 0)))
				.isEqualTo(new EmptyList("Nothing is assigned to you.", "1 task waits for your groups.",
						"/tasks/available", "See the tasks available to your groups"));
		assertThat(EmptyList.of(mine, new TaskLists.Counts(0, 0, 0, 0)).elsewhere()).isNull();
		assertThat(EmptyList.of(filtered, new TaskLists.Counts(2, 0, 0, 0)))
				.isEqualTo(new EmptyList("No task available to your groups matches these filters.",
						"2 tasks are assigned to you.", "/tasks", "See your tasks"));
	}

	private WebClient signedIn(String user) {
		WebClient client = new WebClient(port);
		client.signIn(user, "demo");
		return client;
	}
}
