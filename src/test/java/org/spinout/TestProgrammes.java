package org.spinout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.security.SpinoutUser;

/** Starts programmes and finds their tasks for tests that go through the application. */
public final class TestProgrammes {

	private static final Pattern REFERENCE = Pattern.compile("SO-\\d{4}-\\d{4}");

	public static final SpinoutUser MANAGER = new SpinoutUser("manager", "Priya Shah", List.of("programme-managers"));

	private final ProgrammeStarter starter;

	private final TaskService tasks;

	public TestProgrammes(ProgrammeStarter starter, TaskService tasks) {
		this.starter = starter;
		this.tasks = tasks;
	}

	/** Starts a programme with valid start-form answers, changed by {@code overrides}; returns its reference. */
	public String start(String name, Map<String, Object> overrides) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeName", name);
		variables.put("parentBody", "Devon County Council");
		variables.put("parentBodyType", "council");
		variables.put("nation", "england-wales");
		variables.put("serviceName", "Libraries");
		variables.put("healthCare", false);
		variables.put("staffCount", 200L);
		variables.put("transferringStaffCount", 180L);
		variables.put("targetTransferDate", Date.from(LocalDate.now().plusYears(2)
				.atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
		variables.putAll(overrides);
		return starter.start(variables, MANAGER);
	}

	public String start(String name) {
		return start(name, Map.of());
	}

	public Task task(String reference, String taskKey) {
		return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).singleResult();
	}

	/**
	 * Starts a programme through the application's own start pages, as a signed-in programme manager
	 * would: the questions, the check of the answers, the confirmation. For tests of a running node;
	 * returns its reference.
	 */
	public static String startThroughTheForm(WebClient manager, String name) {
		HttpResponse<String> answered = manager.postForm("/programmes/new", "/programmes/new",
				"programmeName", name, "parentBody", "Somerset Council", "parentBodyType", "council",
				"nation", "england-wales", "serviceName", "Libraries", "staffCount", "90", "transferringStaffCount",
				"80", "targetTransferDate-day", "1", "targetTransferDate-month", "4", "targetTransferDate-year", "2029");
		assertThat(answered.headers().firstValue("Location")).as(answered.body()).hasValueSatisfying(
				location -> assertThat(location).endsWith("/programmes/new/check"));
		HttpResponse<String> started = manager.postForm("/programmes/new/check", "/programmes/new/check");
		assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/programmes/new/started"));
		String confirmation = manager.get("/programmes/new/started").body();
		Matcher reference = REFERENCE.matcher(confirmation);
		assertThat(reference.find()).as(confirmation).isTrue();
		return reference.group();
	}

	/** Makes sure a user exists with the given groups and password {@code demo}. */
	public static void ensureUser(IdentityService identity, String id, String... groups) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setFirstName("Test");
			user.setLastName(id);
			user.setPassword("demo");
			identity.saveUser(user);
			for (String group : groups) {
				identity.createMembership(id, group);
			}
		}
	}
}
