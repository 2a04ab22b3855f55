package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deploy-time safety policy refuses each kind of code a model could make the server run,
 * naming the element, whichever way the model comes in: the designer's upload page, the REST
 * API (Camunda Modeler) or the engine's Java API; and nothing is deployed.
 */
@SpinoutWebTest
class SafetyPolicyTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	/** A model that breaks one rule, the element it names and what the refusal says. */
	record Breach(String rule, String key, String model, String elementId, String message) {

		@Override
		public String toString() {
			return rule;
		}
	}

	static Stream<Breach> breaches() {
		return Stream.of(
				new Breach("a script task", "policy-script-task", TestModels.process("policy-script-task", "Check",
						"<bpmn:scriptTask id=\"RunScript\" name=\"Run a script\" scriptFormat=\"javascript\">"
								+ "<bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>", ""),
						"RunScript", "holds <bpmn:scriptTask>, which the safety policy does not allow: scripts are not allowed"),
				new Breach("a script listener", "policy-script-listener", TestModels.process("policy-script-listener",
						"Check", "", "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
								+ "<camunda:script scriptFormat=\"groovy\">'id'.execute()</camunda:script>"
								+ "</camunda:executionListener></bpmn:extensionElements>"),
						"Started", "holds <camunda:script>, which the safety policy does not allow: scripts are not allowed"),
				new Breach("a script in an input mapping", "policy-script-mapping", TestModels.process(
						"policy-script-mapping", "Check", "<bpmn:serviceTask id=\"Compute\" name=\"Compute\" "
								+ "camunda:delegateExpression=\"${checkTransferDate}\"><bpmn:extensionElements>"
								+ "<camunda:inputOutput><camunda:inputParameter name=\"total\">"
								+ "<camunda:script scriptFormat=\"javascript\">1 + 1</camunda:script>"
								+ "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>"
								+ "</bpmn:serviceTask>", ""),
						"Compute", "holds <camunda:script>, which the safety policy does not allow: scripts are not allowed"),
				new Breach("a script condition", "policy-script-condition", TestModels.process("policy-script-condition",
						"Check", "<bpmn:sequenceFlow id=\"Flow_Script\" sourceRef=\"Check\" targetRef=\"Done\">"
								+ "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">"
								+ "true</bpmn:conditionExpression></bpmn:sequenceFlow>", ""),
						"Flow_Script", "has language on <bpmn:conditionExpression>, which the safety policy does not allow"),
				new Breach("a class outside the delegate package", "policy-class", TestModels.process("policy-class",
						"Check", "<bpmn:serviceTask id=\"RunClass\" name=\"Run a class\" "
								+ "camunda:class=\"com.example.Anything\"/>", ""),
						"RunClass", "runs the class 'com.example.Anything', which is outside org.spinout.journey"),
				new Breach("a bean off the allowlist", "policy-bean", TestModels.process("policy-bean", "Check",
						"<bpmn:serviceTask id=\"ReadSecrets\" name=\"Read secrets\" "
								+ "camunda:expression=\"${environment.getProperty('spring.datasource.password')}\"/>", ""),
						"ReadSecrets", "calls the bean 'environment', which is not on the allowlist"),
				new Breach("reflection", "policy-reflection", TestModels.process("policy-reflection", "Check",
						"<bpmn:serviceTask id=\"Reflect\" name=\"Reflect\" "
								+ "camunda:expression=\"${execution.getClass().forName('java.lang.Runtime')}\"/>", ""),
						"Reflect", "calls the method 'getClass'"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("breaches")
	void theUploadPageRefusesIt(Breach breach) {
		// given
		WebClient designer = signedInDesigner();
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> answer = designer.postFiles("/designer/upload", "/designer/upload", files(breach));

		// then
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains(breach.elementId()).contains(html(breach.message()));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("breaches")
	void theRestApiRefusesIt(Breach breach) {
		// given
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> answer = new WebClient(port).deployWithBasic(files(breach), "designer", "demo");

		// then
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		assertThat(answer.body()).contains("\"elementId\":\"" + breach.elementId() + "\"").contains(breach.message());
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("breaches")
	void theEngineRefusesItWhateverTheWayIn(Breach breach) {
		// given
		long before = repository.createDeploymentQuery().count();

		// when / then
		assertThatThrownBy(() -> repository.createDeployment().name("policy")
				.addString("processes/" + breach.key() + ".bpmn", breach.model())
				.addString("forms/" + TestModels.formFile(breach.key()), TestModels.form(breach.key(), "Notes"))
				.deploy())
				.isInstanceOf(ParseException.class)
				.hasMessageContaining(breach.elementId())
				.hasMessageContaining(breach.message());
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void aModelWithinThePolicyIsDeployedThroughEachWay() {
		// given
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> page = signedInDesigner().postFiles("/designer/upload", "/designer/upload",
				TestModels.files("policy-kept-page"));
		HttpResponse<String> rest = new WebClient(port).deployWithBasic(TestModels.files("policy-kept-rest"), "designer", "demo");

		// then
		assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
		assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 2);
	}

	@Test
	void anExpressionCannotReachReflectionWhenItRunsEither() {
		// given a property name that only a variable holds, which no check of the model can see
		repository.createDeployment().name("policy-runtime")
				.addString("runtime-guard.bpmn", """
						<?xml version="1.0" encoding="UTF-8"?>
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
						    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="spinout">
						  <process id="runtime-guard" isExecutable="true" camunda:historyTimeToLive="1">
						    <startEvent id="start"/>
						    <sequenceFlow id="f1" sourceRef="start" targetRef="read"/>
						    <serviceTask id="read" camunda:expression="${thing[member]}" camunda:resultVariable="found"/>
						    <sequenceFlow id="f2" sourceRef="read" targetRef="end"/>
						    <endEvent id="end"/>
						  </process>
						</definitions>
						""")
				.deploy();

		// when / then
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey("runtime-guard",
				Map.of("thing", "text", "member", "class")))
				.hasMessageContaining("Expressions may not use 'class'");
	}

	private WebClient signedInDesigner() {
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		return designer;
	}

	private static Map<String, String> files(Breach breach) {
		return TestModels.files(breach.key(), breach.model());
	}

	/** Thymeleaf escapes quotes in text. */
	static String html(String text) {
		return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;").replace("<", "&lt;")
				.replace(">", "&gt;");
	}
}
