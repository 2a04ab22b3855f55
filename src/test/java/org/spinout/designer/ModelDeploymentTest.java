package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.SpinoutWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * A model is deployed with the forms and decision tables it uses, and again only when it or one
 * of them changed.
 */
@SpinoutWebTest
class ModelDeploymentTest {

	@Autowired
	ModelDeployment deployment;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@TempDir
	Path folder;

	@Test
	void theModelsOfTheRepositoryAreDeployedAtStart() throws IOException {
		long models;
		try (var files = Files.list(Path.of("processes"))) {
			models = files.filter(file -> file.toString().endsWith(".bpmn")).count();
		}
		assertThat(repository.createDeploymentQuery().deploymentSource(ModelDeployment.SOURCE).count())
				.isGreaterThanOrEqualTo(models);
	}

	@Test
	void anUnchangedModelKeepsItsVersionAndAChangedOneGetsANewOne() throws IOException {
		Path approve = write("approve-dedup.bpmn", process("approve-dedup", "Approve", "approve-dedup-form"));
		Path other = write("other-dedup.bpmn", process("other-dedup", "Other", "other-dedup-form"));
		Path form = write("approve-dedup-form.form", form("approve-dedup-form", "Reasons"));
		Path otherForm = write("other-dedup-form.form", form("other-dedup-form", "Notes"));
		List<Resource> files = resources(approve, other, form, otherForm);

		List<String> first = deployment.deploy(repository, files);
		List<String> unchanged = deployment.deploy(repository, files);
		write("approve-dedup.bpmn", process("approve-dedup", "Approve the case", "approve-dedup-form"));
		List<String> modelChanged = deployment.deploy(repository, files);
		write("other-dedup-form.form", form("other-dedup-form", "Comments"));
		List<String> formChanged = deployment.deploy(repository, files);

		assertThat(first).containsExactly("approve-dedup.bpmn", "other-dedup.bpmn");
		assertThat(unchanged).isEmpty();
		assertThat(modelChanged).containsExactly("approve-dedup.bpmn");
		assertThat(formChanged).containsExactly("other-dedup.bpmn");
		assertThat(version("approve-dedup")).isEqualTo(2);
		assertThat(version("other-dedup")).isEqualTo(2);
		assertThat(repository.getDeploymentResourceNames(
				repository.createProcessDefinitionQuery().processDefinitionKey("approve-dedup").latestVersion()
						.singleResult().getDeploymentId()))
				.containsExactlyInAnyOrder("processes/approve-dedup.bpmn", "forms/approve-dedup-form.form");
	}

	private int version(String key) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
				.getVersion();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(folder.resolve(name), content);
	}

	private static List<Resource> resources(Path... paths) {
		return java.util.Arrays.stream(paths).map(path -> (Resource) new FileSystemResource(path)).toList();
	}

	private static String process(String key, String taskName, String formId) {
		return executable(key, "task", """
				<userTask id="task" name="%s" camunda:formRef="%s" camunda:formRefBinding="deployment"/>
				""".formatted(taskName, formId));
	}

	/** A process that waits after a business rule task bound to the decision of its own deployment. */
	private static String decidingProcess(String key, String decisionId) {
		return executable(key, "decide", """
				<businessRuleTask id="decide" camunda:decisionRef="%s" camunda:decisionRefBinding="deployment"
				    camunda:mapDecisionResult="singleEntry" camunda:resultVariable="answer"/>
				<sequenceFlow id="f2" sourceRef="decide" targetRef="wait"/>
				<userTask id="wait"/>
				""".formatted(decisionId));
	}

	/** An executable process whose start event leads to the element {@code first} of these elements. */
	private static String executable(String key, String first, String elements) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="spinout">
				  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
				    <startEvent id="start"/>
				    <sequenceFlow id="f1" sourceRef="start" targetRef="%s"/>
				%s  </process>
				</definitions>
				""".formatted(key, first, elements);
	}

	private static String decision(String id) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
				    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="%1$s-definitions" name="%1$s"
				    namespace="spinout">
				  <decision id="%1$s" name="%1$s" camunda:historyTimeToLive="1">
				    <decisionTable id="%1$s-table">
				      <output id="answer" name="answer" typeRef="string"/>
				      <rule id="always">
				        <outputEntry id="yes"><text>"yes"</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(id);
	}

	private static String form(String id, String label) {
		return """
				{"id": "%s", "type": "default", "schemaVersion": 16,
				 "components": [{"id": "reasons", "key": "reasons", "type": "textarea", "label": "%s"}]}
				""".formatted(id, label);
	}
}
