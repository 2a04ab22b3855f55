package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only process designers and administrators change the journey: everyone else is refused with
 * 403 on the pages and on the REST API, and nothing is deployed. The editor's deploy call needs
 * the page's CSRF token.
 */
@SpinoutWebTest
class DesignerAccessTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Test
	void someoneNotSignedInIsSentToSignIn() {
		HttpResponse<String> answer = new WebClient(port).get("/designer");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login"));
	}

	@Test
	void aProgrammeManagerCannotSeeTheModelsOrDeployThroughThePages() {
		// given
		WebClient manager = new WebClient(port);
		manager.signIn("manager", "demo");
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> models = manager.get("/designer");
		HttpResponse<String> upload = manager.postFiles("/", "/designer/upload", TestModels.files("access-page"));
		HttpResponse<String> edited = manager.postJson("/", "/designer/deploy",
				"{\"fileName\": \"access-page.bpmn\", \"content\": \"<definitions/>\"}");
		HttpResponse<String> migration = manager.get("/designer/migration");

		// then
		assertThat(models.statusCode()).isEqualTo(403);
		assertThat(models.body()).contains("You cannot do this");
		assertThat(upload.statusCode()).isEqualTo(403);
		assertThat(edited.statusCode()).isEqualTo(403);
		assertThat(migration.statusCode()).isEqualTo(403);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void aProgrammeManagerCannotDeployThroughTheRestApi() {
		// given
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> answer = new WebClient(port).deployWithBasic(TestModels.files("access-rest"), "manager", "demo");

		// then
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.body()).contains("AuthorizationException");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void theEditorDeploysWithTheCsrfTokenAndNotWithoutIt() {
		// given
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		String model = TestModels.process("access-editor", "Check").replace("\"", "\\\"").replace("\n", "\\n");
		String form = TestModels.form("access-editor", "Notes").replace("\"", "\\\"").replace("\n", "\\n");
		designer.postJson("/designer", "/designer/deploy",
				"{\"fileName\": \"access-editor-check.form\", \"content\": \"" + form + "\"}");
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> withoutToken = designer.postRaw("/designer/deploy", "");
		HttpResponse<String> withToken = designer.postJson("/designer", "/designer/deploy",
				"{\"fileName\": \"access-editor.bpmn\", \"content\": \"" + model + "\"}");

		// then
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
		assertThat(withToken.body()).contains("Test process access-editor (access-editor) version 1");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
	}
}
