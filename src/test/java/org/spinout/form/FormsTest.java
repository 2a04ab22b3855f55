package org.spinout.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinout.form.FormFixtures.parameters;
import static org.spinout.form.FormFixtures.validAnswers;
import static org.spinout.form.FormFixtures.with;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A task's or start event's Camunda Form comes from the engine, filled in from the process variables. */
@SpinoutWebTest
class FormsTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	private static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="spinout">
			  <process id="form-loading" name="Form loading" isExecutable="true" camunda:historyTimeToLive="1">
			    <startEvent id="start" camunda:formRef="every-component" camunda:formRefBinding="deployment"/>
			    <sequenceFlow id="toReview" sourceRef="start" targetRef="review"/>
			    <userTask id="review" name="Review" camunda:formRef="every-component" camunda:formRefBinding="deployment"/>
			    <sequenceFlow id="toPlain" sourceRef="review" targetRef="plain"/>
			    <userTask id="plain" name="Task without a form"/>
			    <sequenceFlow id="toEnd" sourceRef="plain" targetRef="end"/>
			    <endEvent id="end"/>
			  </process>
			</definitions>
			""";

	@Autowired
	Forms forms;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	private String deploymentId;

	@BeforeEach
	void deploy() throws IOException {
		try (InputStream form = getClass().getResourceAsStream("/form/every-component.form")) {
			deploymentId = repository.createDeployment()
					.name("form-loading")
					.addString("processes/form-loading.bpmn", PROCESS)
					.addString("forms/every-component.form", new String(form.readAllBytes(), StandardCharsets.UTF_8))
					.deploy()
					.getId();
		}
	}

	@AfterEach
	void undeploy() {
		repository.deleteDeployment(deploymentId, true);
	}

	@Test
	void aTasksFormIsFilledInFromTheVariablesAndItsAnswersGoBackUnchanged() {
		Date transfer = london("2031-07-01T00:00+01:00");
		Map<String, Object> variables = new HashMap<>();
		variables.put("programmeName", "Riverside Libraries");
		variables.put("staffCount", 240L);
		variables.put("staffShare", 12.5);
		variables.put("healthCare", true);
		variables.put("reservedConditions", "public-service-mission,employee-ownership");
		variables.put("nation", "scotland");
		variables.put("targetTransferDate", transfer);
		variables.put("businessCaseLink", "https://example.org/case");
		ProcessInstance instance = runtime.startProcessInstanceByKey("form-loading", variables);
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		FormSchema form = forms.forTask(review.getId());
		String page = FormFixtures.page(form, null);
		FormSubmission unchanged = form.validate(parameters("programmeName", "Riverside Libraries", "staffCount", "240",
				"staffShare", "12.5", "healthCare", "true", "boardMinuted", "true",
				"reservedConditions", "public-service-mission", "reservedConditions", "employee-ownership",
				"nation", "scotland", "parentBodyType", "council", "targetTransferDate-day", "1",
				"targetTransferDate-month", "7", "targetTransferDate-year", "2031", "decision", "approve",
				"businessCaseLink", "https://evil.example"));
		tasks.complete(review.getId(), unchanged.values());

		assertThat(form.id()).isEqualTo("every-component");
		assertThat(page).contains("value=\"Riverside Libraries\"").contains("value=\"240\"")
				.contains("name=\"targetTransferDate-month\" value=\"7\"")
				.contains("href=\"https://example.org/case\"");
		assertThat(runtime.getVariables(instance.getId()))
				.containsEntry("programmeName", "Riverside Libraries")
				.containsEntry("staffCount", 240L)
				.containsEntry("staffShare", 12.5)
				.containsEntry("healthCare", true)
				.containsEntry("reservedConditions", "public-service-mission,employee-ownership")
				.containsEntry("targetTransferDate", transfer)
				.containsEntry("businessCaseLink", "https://example.org/case")
				.containsEntry("parentBodyCode", null);
	}

	@Test
	void todayIsTheEnginesDay() {
		ProcessInstance instance = runtime.startProcessInstanceByKey("form-loading");
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		clock.moveTo(london("2040-03-10T09:30Z"));

		FormSchema form = forms.forTask(review.getId());
		FormSubmission yesterday = form.validate(with(validAnswers(), "targetTransferDate-day", "9",
				"targetTransferDate-month", "3", "targetTransferDate-year", "2040"));
		FormSubmission today = form.validate(with(validAnswers(), "targetTransferDate-day", "10",
				"targetTransferDate-month", "3", "targetTransferDate-year", "2040"));

		assertThat(yesterday.errors()).containsOnlyKeys("targetTransferDate");
		assertThat(today.isValid()).isTrue();
	}

	@Test
	void aStartFormComesFromTheProcessDefinitionWithItsDefaults() {
		ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deploymentId)
				.singleResult();

		FormSchema form = forms.forStart(definition.getId());

		assertThat(form.id()).isEqualTo("every-component");
		assertThat(FormFixtures.page(form, null)).contains("name=\"staffShare\" value=\"50\"");
	}

	@Test
	void aTaskWithoutACamundaFormHasNoFields() {
		ProcessInstance instance = runtime.startProcessInstanceByKey("form-loading");
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		tasks.complete(review.getId(), Map.of("programmeName", "Riverside Libraries"));
		Task plain = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		FormSchema form = forms.forTask(plain.getId());

		assertThat(plain.getTaskDefinitionKey()).isEqualTo("plain");
		assertThat(form.isEmpty()).isTrue();
		assertThat(form.validate(parameters("programmeName", "Changed")).values()).isEmpty();
	}

	private static Date london(String dateTime) {
		return Date.from(ZonedDateTime.parse(dateTime + "[Europe/London]").toInstant());
	}
}
