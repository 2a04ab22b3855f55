package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploading makes a new version only when content changed, keeps each model with its forms,
 * and deploys a changed form again with the process that uses it.
 */
@SpinoutWebTest
class UploadTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Test
	void theSameFilesUploadedAgainMakeNoNewVersion() {
		// given
		WebClient designer = signedInDesigner();
		Map<String, String> files = TestModels.files("upload-same");
		designer.postFiles("/designer/upload", "/designer/upload", files);
		designer.get("/designer");
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> again = designer.postFiles("/designer/upload", "/designer/upload", files);
		HttpResponse<String> models = designer.get("/designer");

		// then
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(models.body()).contains("Nothing changed, so no new version was made.");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
		assertThat(latest("upload-same").getVersion()).isEqualTo(1);
	}

	@Test
	void aChangedFormIsDeployedAgainWithTheProcessThatUsesIt() {
		// given
		WebClient designer = signedInDesigner();
		designer.postFiles("/designer/upload", "/designer/upload", TestModels.files("upload-form"));

		// when
		HttpResponse<String> answer = designer.postFiles("/designer/upload", "/designer/upload",
				Map.of(TestModels.formFile("upload-form"), TestModels.form("upload-form", "Your notes")));

		// then
		assertThat(answer.statusCode()).isEqualTo(302);
		ProcessDefinition latest = latest("upload-form");
		assertThat(latest.getVersion()).isEqualTo(2);
		assertThat(repository.getDeploymentResourceNames(latest.getDeploymentId()))
				.containsExactlyInAnyOrder("processes/upload-form.bpmn", "forms/upload-form-check.form");
	}

	@Test
	void aModelUploadedAloneTakesItsDeployedForm() {
		// given
		WebClient designer = signedInDesigner();
		designer.postFiles("/designer/upload", "/designer/upload", TestModels.files("upload-alone"));

		// when
		HttpResponse<String> answer = designer.postFiles("/designer/upload", "/designer/upload",
				Map.of("upload-alone.bpmn", TestModels.process("upload-alone", "Check once more")));

		// then
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		assertThat(repository.getDeploymentResourceNames(latest("upload-alone").getDeploymentId()))
				.containsExactlyInAnyOrder("processes/upload-alone.bpmn", "forms/upload-alone-check.form");
	}

	@Test
	void checkingDeploysNothing() {
		// given
		WebClient designer = signedInDesigner();
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> answer = designer.postFiles("/designer/upload", "/designer/upload",
				TestModels.files("upload-check"), "checkOnly", "true");

		// then
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("No problems found. Nothing was deployed.");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private WebClient signedInDesigner() {
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		return designer;
	}

	private ProcessDefinition latest(String key) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
	}
}
