package org.spinout.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.notification.NotificationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Post/redirect/get: every form that creates or changes something answers its POST with a
 * redirect, so that reloading the page that follows repeats nothing. The forms are posted as a
 * person would, in the order of a programme's first days; every POST handler of the application
 * is either posted to here or named, with where its redirect is tested, so that a new form cannot
 * be added without it.
 */
@SpinoutWebTest
class PostRedirectGetTest {

	/** POST handlers posted to elsewhere, and why they are not here. */
	private static final Map<String, String> ELSEWHERE = Map.of(
			"/designer/upload", "UploadTest posts a deployment and gets a redirect to the models",
			"/designer/migration", "MigrationTest moves programmes and gets a redirect to the report",
			"/designer/deploy", "the editor's JSON call from script, answered with JSON, not a form",
			"/designer/preview", "shows a form's page from the editor and changes nothing (DesignerBrowserTest)",
			"/operations/backups", "StorageOperationsTest backs up on a database in files and gets a redirect to the page",
			"/test/form-demo", "FormDemoPage, a page of the form tests only, not of Spinout");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	/** Each handler posted to, by its pattern, with the status it answered. */
	final Map<String, Integer> answers = new TreeMap<>();

	@Test
	void everyFormThatCreatesOrChangesSomethingAnswersWithARedirect() throws IOException {
		TestProgrammes.ensureUser(identity, "prg-board", "shadow-board");
		WebClient manager = signedIn("manager");
		WebClient board = signedIn("board");

		// a programme started in its two steps
		post("/programmes/new", manager, "/programmes/new", "/programmes/new", "programmeName", "Redirects "
				+ System.nanoTime(), "parentBody", "Devon County Council", "parentBodyType", "council", "nation",
				"england-wales", "serviceName", "Libraries", "staffCount", "90", "transferringStaffCount", "80",
				"targetTransferDate-day", "1", "targetTransferDate-month", "4", "targetTransferDate-year", "2030");
		post("/programmes/new/check", manager, "/programmes/new/check", "/programmes/new/check");
		String reference = manager.get("/programmes/new/started").body().replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");
		Task prepare = tasks.createTaskQuery().processInstanceBusinessKey(reference)
				.taskDefinitionKey(TestProgrammes.FIRST_TASK).singleResult();
		String task = "/tasks/" + prepare.getId();

		// its first task claimed, given back, assigned, its people's tasks moved, papers added, and completed
		post("/tasks/{taskId}/claim", board, task, task + "/claim");
		post("/tasks/{taskId}/unclaim", board, task, task + "/unclaim");
		post("/tasks/{taskId}/assign", manager, task, task + "/assign", "assignee", "prg-board");
		post("/programmes/reassign", manager, "/programmes/reassign", "/programmes/reassign", "from", "prg-board",
				"to", "board");
		byte[] paper = paper();
		record("/tasks/{taskId}/documents", board.postFile(task + "/documents", "Options appraisal.pdf", paper));
		record("/programmes/{reference}/documents", board.postFile("/programmes/" + reference + "/documents",
				"Business case.pdf", paper));
		post("/tasks/{taskId}/complete", board, task, task + "/complete", TestProgrammes.firstTaskForm());

		// the programme suspended, resumed and stopped
		String programme = "/programmes/" + reference;
		post("/programmes/{reference}/suspend", manager, programme, programme + "/suspend");
		post("/programmes/{reference}/resume", manager, programme, programme + "/resume");
		post("/programmes/{reference}/stop", manager, programme + "/stop", programme + "/stop", "reason",
				"The council withdrew its support.");

		// notifications read and opened, and an account's choices and calendar
		String[] ids = jdbc.queryForList("SELECT id FROM spinout_notification WHERE recipient = 'board' "
				+ "ORDER BY created_at DESC FETCH FIRST 2 ROWS ONLY", String.class).toArray(String[]::new);
		post("/notifications/{id}/read", board, "/notifications", "/notifications/" + ids[0] + "/read");
		post("/notifications/{id}/open", board, "/notifications", "/notifications/" + ids[1] + "/open");
		post("/notifications/read-all", board, "/notifications", "/notifications/read-all");
		post("/account", board, "/account", "/account", preferences());
		post("/account/calendar-token", board, "/account", "/account/calendar-token");

		// then each answered with a redirect
		assertThat(answers).allSatisfy((handler, status) -> assertThat(status).as(handler).isEqualTo(302));
		// and no POST handler is left out
		Set<String> handlers = new TreeSet<>();
		mappings.getHandlerMethods().keySet().stream()
				.filter(mapping -> mapping.getMethodsCondition().getMethods().contains(RequestMethod.POST))
				.forEach(mapping -> handlers.addAll(mapping.getPatternValues()));
		Set<String> covered = new TreeSet<>(answers.keySet());
		covered.addAll(ELSEWHERE.keySet());
		assertThat(covered).isEqualTo(handlers);
	}

	private void post(String handler, WebClient client, String formPage, String action, String... fields) {
		record(handler, client.postForm(formPage, action, fields));
	}

	private void record(String handler, HttpResponse<String> response) {
		answers.put(handler, response.statusCode());
		if (response.statusCode() != 302) {
			throw new AssertionError(handler + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private static String[] preferences() {
		NotificationKind[] kinds = NotificationKind.values();
		String[] fields = new String[2 + kinds.length * 2];
		fields[0] = "email";
		fields[1] = "tom@board.example";
		for (int i = 0; i < kinds.length; i++) {
			fields[2 + i * 2] = kinds[i].value();
			fields[3 + i * 2] = "immediate";
		}
		return fields;
	}

	private static byte[] paper() throws IOException {
		try (InputStream pdf = new ClassPathResource("demo/papers/business-case.pdf").getInputStream()) {
			return pdf.readAllBytes();
		}
	}

	private WebClient signedIn(String user) {
		WebClient client = new WebClient(port);
		client.signIn(user, "demo");
		return client;
	}
}
