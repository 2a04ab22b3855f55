package org.spinout.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One rule for who may do what, on every surface. Finding 4 of the security review: an approver
 * wrote a programme's variables and completed a task without its form through the REST API, and
 * a manager completed a task of another role that the page refuses; finding 7: anyone deleted the
 * history clean-up job. Through /engine-rest and through Camunda's web applications each role
 * reaches only EngineApiReach's list, and the engine's own authorizations hold the same line for
 * anything that calls it as a person.
 */
@SpinoutWebTest
class EngineApiReachTest {

	private static final String PROCESS = "reach-check";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	ManagementService management;

	ProcessInstance programme;

	Task hrTask;

	Task pensionsTask;

	/**
	 * This class's own people, so that no other test's wrong password (which locks an account for
	 * a few seconds) can get in the way.
	 */
	@BeforeEach
	void people() {
		TestProgrammes.ensureUser(identity, "reach-hr", "hr");
		TestProgrammes.ensureUser(identity, "reach-manager", "programme-managers");
		TestProgrammes.ensureUser(identity, "reach-union", "unions");
		TestProgrammes.ensureUser(identity, "reach-admin", "camunda-admin");
	}

	@BeforeEach
	void aProgrammeWithAnHrAndAPensionsTask() {
		if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
			repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
					.camundaHistoryTimeToLive(1)
					.startEvent().parallelGateway("Split")
					.userTask("Hr").name("Give the staff information").camundaCandidateGroups("hr").endEvent()
					.moveToNode("Split")
					.userTask("Pensions").name("Agree the admission").camundaCandidateGroups("pensions").endEvent()
					.done()).deploy();
		}
		programme = runtime.startProcessInstanceByKey(PROCESS,
				Map.of("programmeName", "Reach", "programmeStatus", "active"));
		hrTask = tasks.createTaskQuery().processInstanceId(programme.getId()).taskDefinitionKey("Hr").singleResult();
		pensionsTask = tasks.createTaskQuery().processInstanceId(programme.getId()).taskDefinitionKey("Pensions")
				.singleResult();
	}

	@AfterEach
	void signOutOfTheEngine() {
		identity.clearAuthentication();
	}

	@Test
	void anApproverCannotWriteAProgrammesVariablesThroughTheApi() {
		// when hr renames the programme on their own task, and writes its status on the instance
		HttpResponse<String> onTask = rest("PUT", "/engine-rest/task/" + hrTask.getId() + "/variables/programmeName",
				"{\"value\": \"Renamed\", \"type\": \"String\"}", "reach-hr");
		HttpResponse<String> onInstance = rest("PUT", "/engine-rest/process-instance/" + programme.getId()
				+ "/variables/programmeStatus", "{\"value\": \"stopped\", \"type\": \"String\"}", "reach-hr");

		// then
		assertThat(onTask.statusCode()).isEqualTo(403);
		assertThat(onInstance.statusCode()).isEqualTo(403);
		assertThat(onTask.body()).contains("\"type\":\"AuthorizationException\"");
		assertThat(runtime.getVariables(programme.getId())).containsEntry("programmeName", "Reach")
				.containsEntry("programmeStatus", "active");
	}

	@Test
	void anApproverCannotCompleteWithoutTheFormThroughEitherApi() {
		// given hr signed in to Camunda's web applications too
		WebClient tasklist = camundaSession("reach-hr");

		// when hr completes their task with a status of their choosing, through each
		HttpResponse<String> rest = rest("POST", "/engine-rest/task/" + hrTask.getId() + "/complete",
				"{\"variables\": {\"programmeStatus\": {\"value\": \"stopped\"}}}", "reach-hr");
		HttpResponse<String> webapp = camunda(tasklist, "POST", "/camunda/api/engine/engine/default/task/"
				+ hrTask.getId() + "/complete", "{\"variables\": {\"programmeStatus\": {\"value\": \"stopped\"}}}");

		// then
		assertThat(rest.statusCode()).isEqualTo(403);
		assertThat(webapp.statusCode()).isEqualTo(403);
		assertThat(tasks.createTaskQuery().taskId(hrTask.getId()).count()).isOne();
		assertThat(runtime.getVariable(programme.getId(), "programmeStatus")).isEqualTo("active");
	}

	@Test
	void aManagerCannotCompleteAnotherRolesTaskByAnyWay() {
		// when
		HttpResponse<String> rest = rest("POST", "/engine-rest/task/" + pensionsTask.getId() + "/complete", "{}",
				"reach-manager");
		identity.setAuthentication("reach-manager", List.of("programme-managers"));

		// then
		assertThat(rest.statusCode()).isEqualTo(403);
		assertThatThrownBy(() -> tasks.complete(pensionsTask.getId())).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> tasks.claim(pensionsTask.getId(), "reach-manager"))
				.isInstanceOf(AuthorizationException.class);
		assertThat(tasks.createTaskQuery().taskId(pensionsTask.getId()).count()).isOne();
	}

	@Test
	void aManagerAssignsThroughTheEngine() {
		// given
		identity.setAuthentication("reach-manager", List.of("programme-managers"));

		// when
		tasks.setAssignee(pensionsTask.getId(), "reach-hr");

		// then
		assertThat(tasks.createTaskQuery().taskId(pensionsTask.getId()).singleResult().getAssignee())
				.isEqualTo("reach-hr");
	}

	@Test
	void theEngineItselfRefusesAnApproversWritesToTheirTask() {
		// given hr, as anything calling the engine as hr would be
		identity.setAuthentication("reach-hr", List.of("hr"));

		// when / then
		assertThatThrownBy(() -> tasks.setVariable(hrTask.getId(), "programmeName", "Renamed"))
				.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> runtime.setVariable(programme.getId(), "programmeStatus", "stopped"))
				.isInstanceOf(AuthorizationException.class);
		identity.clearAuthentication();
		assertThat(runtime.getVariable(programme.getId(), "programmeName")).isEqualTo("Reach");
	}

	@Test
	void aCandidateMayWorkOnAndAssignTheirTaskButNotChangeIt() {
		// when
		Authorization hr = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
				.resourceId(hrTask.getId()).groupIdIn("hr").singleResult();

		// then
		assertThat(hr.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(hr.isPermissionGranted(Permissions.TASK_ASSIGN)).isTrue();
		assertThat(hr.isPermissionGranted(Permissions.UPDATE)).isFalse();
	}

	@Test
	void aCandidateMayClaimThroughTheApiAndNobodyElse() {
		// when
		HttpResponse<String> union = rest("POST", "/engine-rest/task/" + hrTask.getId() + "/claim",
				"{\"userId\": \"reach-union\"}", "reach-union");
		HttpResponse<String> hr = rest("POST", "/engine-rest/task/" + hrTask.getId() + "/claim",
				"{\"userId\": \"reach-hr\"}", "reach-hr");

		// then
		assertThat(union.statusCode()).isEqualTo(403);
		assertThat(hr.statusCode()).isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(hrTask.getId()).singleResult().getAssignee()).isEqualTo("reach-hr");
	}

	@Test
	void everyoneSignedInMayReadThroughEitherApi() {
		// when
		HttpResponse<String> list = new WebClient(port).getWithBasic("/engine-rest/task?maxResults=10", "reach-union",
				"demo");
		HttpResponse<String> query = rest("POST", "/engine-rest/process-instance?maxResults=10", "{}", "reach-manager");
		HttpResponse<String> cockpit = camunda(camundaSession("reach-manager"), "POST",
				"/camunda/api/engine/engine/default/process-instance?maxResults=10",
				"{\"processInstanceIds\": [\"" + programme.getId() + "\"]}");

		// then
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(query.statusCode()).isEqualTo(200);
		assertThat(cockpit.statusCode()).as(cockpit.body()).isEqualTo(200);
		assertThat(cockpit.body()).contains(programme.getId());
	}

	@Test
	void jobsOutsideAnyProcessAreForAdministratorsOnly() {
		// given the nightly history clean-up, a job of no process
		Job cleanup = history.findHistoryCleanupJobs().get(0);
		String job = "/engine-rest/job/" + cleanup.getId();

		// when union tries each change the review made
		List<Integer> answers = List.of(
				rest("PUT", job + "/suspended", "{\"suspended\": true}", "reach-union").statusCode(),
				rest("PUT", job + "/retries", "{\"retries\": 0}", "reach-union").statusCode(),
				rest("PUT", job + "/priority", "{\"priority\": 1}", "reach-union").statusCode(),
				rest("DELETE", job, null, "reach-union").statusCode());
		identity.setAuthentication("reach-union", List.of("unions"));

		// then
		assertThat(answers).containsOnly(403);
		assertThatThrownBy(() -> management.setJobRetries(cleanup.getId(), 0))
				.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> management.deleteJob(cleanup.getId())).isInstanceOf(AuthorizationException.class);
		identity.clearAuthentication();
		Job after = management.createJobQuery().jobId(cleanup.getId()).singleResult();
		assertThat(after).isNotNull();
		assertThat(after.isSuspended()).isFalse();
		assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
		assertThat(after.getPriority()).isEqualTo(cleanup.getPriority());
	}

	@Test
	void anAdministratorMayChangeAJobOutsideAnyProcess() {
		// given
		Job cleanup = history.findHistoryCleanupJobs().get(0);

		// when
		HttpResponse<String> answer = rest("PUT", "/engine-rest/job/" + cleanup.getId() + "/priority",
				"{\"priority\": " + cleanup.getPriority() + "}", "reach-admin");

		// then
		assertThat(answer.statusCode()).isEqualTo(204);
	}

	@Test
	void everyCompletionRecordsWhoCompletedIt() {
		// given hr's task assigned to hr, and the pensions task assigned to nobody
		tasks.setAssignee(hrTask.getId(), "reach-hr");

		// when an administrator completes both through the REST API, without claiming them
		HttpResponse<String> assigned = rest("POST", "/engine-rest/task/" + hrTask.getId() + "/complete", "{}",
				"reach-admin");
		HttpResponse<String> unassigned = rest("POST", "/engine-rest/task/" + pensionsTask.getId() + "/complete", "{}",
				"reach-admin");

		// then the history names the administrator for both, not hr and not nobody
		assertThat(assigned.statusCode()).isEqualTo(204);
		assertThat(unassigned.statusCode()).isEqualTo(204);
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(programme.getId()).finished().list())
				.extracting(task -> task.getAssignee()).containsOnly("reach-admin");
	}

	@Test
	void theReadmeListsWhatEachRoleMayCall() throws IOException {
		// given
		String readme = Files.readString(Path.of("README.md"));

		// when / then
		for (EngineApiReach.Endpoint endpoint : concat(EngineApiReach.EVERYONE, EngineApiReach.DESIGNERS)) {
			assertThat(readme).as(endpoint.toString()).contains("`" + endpoint.method().name() + " " + endpoint.path()
					+ "`");
		}
	}

	private static List<EngineApiReach.Endpoint> concat(List<EngineApiReach.Endpoint> one,
			List<EngineApiReach.Endpoint> other) {
		return java.util.stream.Stream.concat(one.stream(), other.stream()).toList();
	}

	private HttpResponse<String> rest(String method, String path, String json, String user) {
		return new WebClient(port).send(method, path, Map.of("Authorization", WebClient.basic(user, "demo"),
				"Content-Type", "application/json"), json == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(json));
	}

	/** Signed in, with the CSRF token Camunda's web applications send. */
	private WebClient camundaSession(String user) {
		WebClient browser = new WebClient(port);
		browser.signIn(user, "demo");
		browser.get("/camunda/app/tasklist/default/");
		return browser;
	}

	private static HttpResponse<String> camunda(WebClient session, String method, String path, String json) {
		return session.send(method, path, Map.of("Content-Type", "application/json", "X-XSRF-TOKEN",
				session.cookie("XSRF-TOKEN")), HttpRequest.BodyPublishers.ofString(json));
	}
}
