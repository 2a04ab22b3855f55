package org.spinout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API runs as the caller: its list decides what a role may call, the engine's authorizations what it sees. */
@SpinoutWebTest
class RestApiAuthorizationTest {

	private static final String PROCESS = "rest-authorization-check";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@BeforeEach
	void deployAProcess() {
		if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
			repository.createDeployment()
					.addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
							.camundaHistoryTimeToLive(1)
							.startEvent().userTask("Wait").camundaCandidateGroups("programme-managers").endEvent()
							.done())
					.deploy();
		}
	}

	@Test
	void nobodyButAnAdministratorStartsAProcessThroughTheApi() {
		// given
		long before = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();

		// when: programmes start on Spinout's page, whose form is checked
		HttpResponse<String> union = new WebClient(port).postJsonWithBasic(
				"/engine-rest/process-definition/key/" + PROCESS + "/start", "{}", "union", "demo");
		HttpResponse<String> manager = new WebClient(port).postJsonWithBasic(
				"/engine-rest/process-definition/key/" + PROCESS + "/start", "{}", "manager", "demo");

		// then
		assertThat(union.statusCode()).isEqualTo(403);
		assertThat(manager.statusCode()).isEqualTo(403);
		assertThat(union.body()).contains("\"type\":\"AuthorizationException\"");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
	}

	@Test
	void anAdministratorMayStartAProcessThroughTheApi() {
		HttpResponse<String> admin = new WebClient(port).postJsonWithBasic(
				"/engine-rest/process-definition/key/" + PROCESS + "/start", "{}", "admin", "demo");

		assertThat(admin.statusCode()).isEqualTo(200);
	}

	@Test
	void onlyAuthorizedUsersSeeOtherPeoplesTasks() {
		runtime.startProcessInstanceByKey(PROCESS);

		String manager = new WebClient(port).getWithBasic("/engine-rest/task/count?processDefinitionKey=" + PROCESS,
				"manager", "demo").body();
		String union = new WebClient(port).getWithBasic("/engine-rest/task/count?processDefinitionKey=" + PROCESS,
				"union", "demo").body();

		assertThat(manager).doesNotContain("\"count\":0");
		assertThat(union).isEqualTo("{\"count\":0}");
	}

	@Test
	void onlyProcessDesignersMayDeploy() {
		HttpResponse<String> union = new WebClient(port).getWithBasic("/engine-rest/deployment/count", "union", "demo");
		HttpResponse<String> designer = new WebClient(port).getWithBasic("/engine-rest/deployment/count", "designer",
				"demo");

		assertThat(union.body()).isEqualTo("{\"count\":0}");
		assertThat(designer.body()).doesNotContain("\"count\":0");
	}
}
