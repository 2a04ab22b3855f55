package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A model drawn in Camunda Modeler, with only a name, candidate group, form and due date on its
 * user task, deploys through the REST API as Modeler's deploy dialog sends it (one file, no
 * forms, a file name that is not the process key), takes the deployed form, and runs with its
 * reminder and escalation; a model with warnings deploys and shows them; a model with errors is
 * refused with every problem in one answer, each naming the element a person sees.
 */
@SpinoutWebTest
class ModelerDeploymentTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	ManagementService management;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aModelerShapedDeploymentOfAModelWithUserTasksDeploysWithTheDeployedFormAndRunsWithReminders()
			throws Exception {
		// given the form is deployed, and a model as Camunda Modeler draws it: no listeners, no documentation
		WebClient designer = signedInDesigner();
		designer.postFiles("/designer/upload", "/designer/upload",
				Map.of(TestModels.formFile("modeler-plain"), TestModels.form("modeler-plain", "Notes")));
		String model = modelerModel("modeler-plain", "Check the&#10;submission", "");

		// when it is deployed as Modeler's deploy dialog sends it
		HttpResponse<String> answer = modelerDeploy("diagram_1.bpmn", model);

		// then it deploys, with the deployed form added and a warning saying which version it took
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode body = json.readTree(answer.body());
		assertThat(body.path("deployedProcessDefinitions").size()).isEqualTo(1);
		assertThat(body.path("warnings").toString())
				.contains("takes the deployed form (version 1")
				.doesNotContain("name the file after");
		ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("modeler-plain")
				.latestVersion().singleResult();
		assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId()))
				.contains("diagram_1.bpmn", TestModels.formFile("modeler-plain"));

		// and it runs: the task page finds its form, and the engine added the reminder and escalation
		ProcessInstance instance = runtime.startProcessInstanceByKey("modeler-plain", Map.of("nation", "england-wales"));
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(task.getName()).isEqualTo("Check the\nsubmission");
		assertThat(new String(forms.getDeployedTaskForm(task.getId()).readAllBytes(), StandardCharsets.UTF_8))
				.contains("modeler-plain-check");
		assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isEqualTo(2);
		runtime.deleteProcessInstance(instance.getId(), "test over");
	}

	@Test
	void aModelWithWarningsDeploysAndShowsThemOnThePageAndInTheRestAnswer() throws Exception {
		// given a model whose task has no due date: it runs, without reminders
		String model = modelerModel("modeler-warned", "Check", "")
				.replace(" camunda:dueDate=\"${workingDays.fromNow(5, nation)}\"", "");
		WebClient designer = signedInDesigner();

		// when it is uploaded with its form, and then sent through the REST API changed
		HttpResponse<String> uploaded = designer.postFiles("/designer/upload", "/designer/upload",
				Map.of("modeler-warned.bpmn", model,
						TestModels.formFile("modeler-warned"), TestModels.form("modeler-warned", "Notes")));
		HttpResponse<String> page = designer.get(URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath());
		HttpResponse<String> rest = modelerDeploy("modeler-warned.bpmn", model.replace("name=\"Check\"", "name=\"Check again\""));

		// then both deploy, and both show the warning beside the model
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		assertThat(page.body()).contains("id=\"warnings\"").contains("has no camunda:dueDate");
		assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
		assertThat(rest.body()).contains("\"warning\":true").contains("has no camunda:dueDate");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("modeler-warned").count())
				.isEqualTo(2);
	}

	@Test
	void aModelWithErrorsListsEveryProblemOfTheRulesAndTheParserAtOnce() throws Exception {
		// given a task nobody may pick up (a rule), and a timer with no time (the engine's parser)
		String model = modelerModel("modeler-errors", "Check", """
				<bpmn:intermediateCatchEvent id="Wait" name="Wait a&#10;while"><bpmn:timerEventDefinition id="WaitTimer"/></bpmn:intermediateCatchEvent>
				""").replace("camunda:candidateGroups=\"programme-managers\"", "camunda:candidateGroups=\"everyone\"");
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> answer = modelerDeploy("modeler-errors.bpmn", model);

		// then both come in one answer, each naming its element on one line
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		List<JsonNode> problems = List.copyOf(json.readTree(answer.body()).path("problems").valueStream().toList());
		assertThat(problems).anySatisfy(problem -> {
			assertThat(problem.path("elementId").asText()).isEqualTo("Check");
			assertThat(problem.path("message").asText()).contains("'everyone' is not a role group");
		});
		assertThat(problems).anySatisfy(problem -> {
			assertThat(problem.path("elementId").asText()).isEqualTo("Wait");
			assertThat(problem.path("elementName").asText()).isEqualTo("Wait a while");
			assertThat(problem.path("message").asText()).containsIgnoringCase("timer");
		});
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void aModelTheSafetyPolicyRefusesHasItsRuleProblemsInTheSameAnswerNamingTheFlow() {
		// given a condition calling a bean off the allowlist, on a named flow, and a task nobody may pick up
		String model = modelerModel("modeler-policy", "Check", """
				<bpmn:sequenceFlow id="Flow_Secret" name="If the secret&#10;is known" sourceRef="Check" targetRef="Done">
				  <bpmn:conditionExpression id="Expression_0abc" xsi:type="bpmn:tFormalExpression">${environment.getProperty('x') != null}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				""").replace("camunda:candidateGroups=\"programme-managers\"", "camunda:candidateGroups=\"everyone\"");
		WebClient designer = signedInDesigner();

		// when
		HttpResponse<String> page = designer.postFiles("/designer/upload", "/designer/upload",
				Map.of("modeler-policy.bpmn", model));

		// then the policy's problem names the flow, not its expression, and the rule's problem comes with it
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body())
				.contains("Flow_Secret (&quot;If the secret is known&quot;)")
				.doesNotContain("Expression_0abc")
				.contains("calls the bean &#39;environment&#39;")
				.contains("&#39;everyone&#39; is not a role group");
	}

	/** A model as Camunda Modeler 5 draws it for Camunda 7: a user task with a name, group, form and due date only. */
	private static String modelerModel(String key, String taskName, String moreInProcess) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
				    id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler"
				    exporterVersion="5.50.1" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
				  <bpmn:process id="%1$s" name="Modeler process" isExecutable="true" camunda:historyTimeToLive="180">
				    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Check"/>
				    <bpmn:userTask id="Check" name="%2$s" camunda:formRef="%1$s-check" camunda:formRefBinding="deployment"
				        camunda:candidateGroups="programme-managers" camunda:dueDate="${workingDays.fromNow(5, nation)}">
				      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
				    </bpmn:userTask>
				    <bpmn:sequenceFlow id="Flow_2" sourceRef="Check" targetRef="Done"/>
				    <bpmn:endEvent id="Done"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
				    %3$s
				  </bpmn:process>
				  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
				    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%1$s">
				      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="Check_di" bpmnElement="Check"><dc:Bounds x="240" y="80" width="100" height="80"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="Done_di" bpmnElement="Done"><dc:Bounds x="392" y="102" width="36" height="36"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120"/><di:waypoint x="240" y="120"/></bpmndi:BPMNEdge>
				      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120"/><di:waypoint x="392" y="120"/></bpmndi:BPMNEdge>
				    </bpmndi:BPMNPlane>
				  </bpmndi:BPMNDiagram>
				</bpmn:definitions>
				""".formatted(key, taskName, moreInProcess);
	}

	/**
	 * The request Camunda Modeler's deploy dialog sends (CamundaAPI.deployDiagram in its Camunda 7
	 * deployment plugin): the deployment's name and source, duplicate filtering on, and the one
	 * file as a part named after the file, typed text/xml.
	 */
	private HttpResponse<String> modelerDeploy(String fileName, String content) {
		String boundary = "----WebKitFormBoundary" + System.nanoTime();
		StringBuilder body = new StringBuilder();
		for (String[] field : List.of(new String[] { "deployment-name", fileName.replace(".bpmn", "") },
				new String[] { "deployment-source", "Camunda Modeler" },
				new String[] { "enable-duplicate-filtering", "true" })) {
			body.append("--").append(boundary).append("\r\n")
					.append("Content-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
					.append(field[1]).append("\r\n");
		}
		body.append("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"")
				.append(fileName).append("\"\r\n").append("Content-Type: text/xml\r\n\r\n").append(content).append("\r\n")
				.append("--").append(boundary).append("--\r\n");
		return new WebClient(port).send("POST", "/engine-rest/deployment/create", Map.of(
				"Authorization", WebClient.basic("designer", "demo"),
				"Content-Type", "multipart/form-data; boundary=" + boundary),
				HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
	}

	private WebClient signedInDesigner() {
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		return designer;
	}
}
