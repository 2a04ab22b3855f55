package org.spinout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deployment allowlist: what a journey needs passes, in every namespace the engine reads;
 * anything else is refused, every problem at once, each naming its element. Finding 8 of the
 * security review: a deeply nested model answered 500; it is refused with 400.
 */
@SpinoutWebTest
class DeploymentAllowlistTest {

	@LocalServerPort
	int port;

	@Autowired
	DeploymentPolicy policy;

	@Autowired
	RepositoryService repository;

	/** Everything the list allows a journey, in one model: each kind of step, event, listener and mapping. */
	static final String LEGITIMATE = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions %s
			    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
			    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
			    xmlns:modeler="http://camunda.org/schema/modeler/1.0"
			    id="Definitions_Legitimate" targetNamespace="http://spinout.org/test"
			    exporter="Camunda Modeler" exporterVersion="5.30.0" modeler:executionPlatform="Camunda Platform">
			  <message id="Message_Answer" name="answer-${execution.processBusinessKey}"/>
			  <signal id="Signal_Stop" name="stop"/>
			  <error id="Error_Refused" name="Refused" errorCode="refused" camunda:errorMessage="The case was refused"/>
			  <escalation id="Escalation_Late" name="Late" escalationCode="late"/>
			  <process id="allowlist-legitimate" name="Everything a journey may use" isExecutable="true"
			      camunda:historyTimeToLive="30" camunda:versionTag="1.0" camunda:isStartableInTasklist="false"
			      camunda:candidateStarterGroups="programme-managers">
			    <documentation>Prose may mention ${anything}: it is never evaluated.</documentation>
			    <extensionElements>
			      <camunda:properties><camunda:property name="phase" value="business-case"/></camunda:properties>
			      <camunda:executionListener event="end" delegateExpression="${recordProgrammeStop}"/>
			    </extensionElements>
			    <startEvent id="Start" name="Start" camunda:initiator="starter" camunda:formRef="start-form"
			        camunda:formRefBinding="latest"/>
			    <sequenceFlow id="F1" sourceRef="Start" targetRef="Prepare"/>
			    <userTask id="Prepare" name="Prepare the case" camunda:candidateGroups="programme-managers, shadow-board"
			        camunda:candidateUsers="manager" camunda:assignee="${starter}" camunda:formRef="prepare"
			        camunda:formRefBinding="deployment" camunda:dueDate="${workingDays.fromNow(10, nation)}"
			        camunda:followUpDate="${clocks.after('call-in-window', now(), nation)}" camunda:priority="60"
			        camunda:asyncBefore="true" camunda:exclusive="true">
			      <extensionElements>
			        <camunda:failedJobRetryTimeCycle>R3/PT10M</camunda:failedJobRetryTimeCycle>
			        <camunda:taskListener event="create" delegateExpression="${taskReminder}"/>
			        <camunda:taskListener event="complete" expression="${execution.setVariable('prepared', true)}"/>
			        <camunda:taskListener event="timeout" id="remind" delegateExpression="${taskReminder}">
			          <timerEventDefinition id="RemindTimer">
			            <timeDate xsi:type="tFormalExpression">${taskDeadlines.reminder(execution)}</timeDate>
			          </timerEventDefinition>
			        </camunda:taskListener>
			        <camunda:inputOutput>
			          <camunda:inputParameter name="due">${workingDays.day(now()).plusYears(1)}</camunda:inputParameter>
			          <camunda:inputParameter name="reasons">
			            <camunda:list><camunda:value>${decision}</camunda:value><camunda:value>fixed</camunda:value></camunda:list>
			          </camunda:inputParameter>
			          <camunda:inputParameter name="labels">
			            <camunda:map><camunda:entry key="approve">${decision == 'approve'}</camunda:entry></camunda:map>
			          </camunda:inputParameter>
			          <camunda:outputParameter name="preparedBy">${authenticatedUserId}</camunda:outputParameter>
			        </camunda:inputOutput>
			      </extensionElements>
			    </userTask>
			    <sequenceFlow id="F2" sourceRef="Prepare" targetRef="Decide"/>
			    <businessRuleTask id="Decide" name="Decide the route" camunda:decisionRef="procurement-regime"
			        camunda:decisionRefBinding="deployment" camunda:resultVariable="regime"
			        camunda:mapDecisionResult="singleEntry" camunda:asyncAfter="true"/>
			    <sequenceFlow id="F3" sourceRef="Decide" targetRef="Route"/>
			    <exclusiveGateway id="Route" name="Which way?" default="F5"/>
			    <sequenceFlow id="F4" sourceRef="Route" targetRef="Phase">
			      <conditionExpression xsi:type="tFormalExpression">${regime == 'pa23' &amp;&amp; !decision.isEmpty()}</conditionExpression>
			    </sequenceFlow>
			    <sequenceFlow id="F5" sourceRef="Route" targetRef="Check"/>
			    <callActivity id="Phase" name="Run the phase" calledElement="legal-formation"
			        camunda:calledElementBinding="latest">
			      <extensionElements>
			        <camunda:in businessKey="#{execution.processBusinessKey}"/>
			        <camunda:in variables="all"/>
			        <camunda:in source="nation" target="nation"/>
			        <camunda:in sourceExpression="${workingDays.fromNow(5, nation)}" target="startBy"/>
			        <camunda:out source="legalForm" target="legalForm"/>
			      </extensionElements>
			    </callActivity>
			    <sequenceFlow id="F6" sourceRef="Phase" targetRef="Check"/>
			    <serviceTask id="Check" name="Check the date" camunda:delegateExpression="${checkTransferDate}"/>
			    <sequenceFlow id="F7" sourceRef="Check" targetRef="Record"/>
			    <serviceTask id="Record" name="Record the status" camunda:expression="${execution.setVariable('programmeStatus', 'active')}"/>
			    <sequenceFlow id="F8" sourceRef="Record" targetRef="CheckAgain"/>
			    <serviceTask id="CheckAgain" name="Check again" camunda:class="org.spinout.journey.CheckTransferDate"/>
			    <sequenceFlow id="F9" sourceRef="CheckAgain" targetRef="Work"/>
			    <subProcess id="Work" name="Work">
			      <startEvent id="WorkStart"/>
			      <sequenceFlow id="W1" sourceRef="WorkStart" targetRef="Wait"/>
			      <intermediateCatchEvent id="Wait" name="Wait a week">
			        <timerEventDefinition id="WaitTimer"><timeDuration xsi:type="tFormalExpression">P7D</timeDuration></timerEventDefinition>
			      </intermediateCatchEvent>
			      <sequenceFlow id="W2" sourceRef="Wait" targetRef="Answer"/>
			      <intermediateCatchEvent id="Answer" name="Answer received">
			        <messageEventDefinition id="AnswerMessage" messageRef="Message_Answer"/>
			      </intermediateCatchEvent>
			      <sequenceFlow id="W3" sourceRef="Answer" targetRef="Ready"/>
			      <intermediateCatchEvent id="Ready" name="Ready">
			        <conditionalEventDefinition id="ReadyCondition" camunda:variableName="ready" camunda:variableEvents="create, update">
			          <condition xsi:type="tFormalExpression">${ready == true}</condition>
			        </conditionalEventDefinition>
			      </intermediateCatchEvent>
			      <sequenceFlow id="W4" sourceRef="Ready" targetRef="Tell"/>
			      <intermediateThrowEvent id="Tell" name="Tell the others">
			        <signalEventDefinition id="TellSignal" signalRef="Signal_Stop"/>
			      </intermediateThrowEvent>
			      <sequenceFlow id="W5" sourceRef="Tell" targetRef="WorkEnd"/>
			      <endEvent id="WorkEnd"><escalationEventDefinition id="LateEnd" escalationRef="Escalation_Late"/></endEvent>
			    </subProcess>
			    <boundaryEvent id="Refused" name="Refused" attachedToRef="Work">
			      <errorEventDefinition id="RefusedError" errorRef="Error_Refused" camunda:errorCodeVariable="code"
			          camunda:errorMessageVariable="why"/>
			    </boundaryEvent>
			    <boundaryEvent id="Late" name="Late" attachedToRef="Work" cancelActivity="false">
			      <escalationEventDefinition id="LateEscalation" escalationRef="Escalation_Late"
			          camunda:escalationCodeVariable="escalation"/>
			    </boundaryEvent>
			    <sequenceFlow id="F10" sourceRef="Work" targetRef="Done"/>
			    <sequenceFlow id="F11" sourceRef="Refused" targetRef="Done"/>
			    <sequenceFlow id="F12" sourceRef="Late" targetRef="Done"/>
			    <endEvent id="Done" name="Done"/>
			  </process>
			  <bpmndi:BPMNDiagram id="Diagram">
			    <bpmndi:BPMNPlane id="Plane" bpmnElement="allowlist-legitimate">
			      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
			    </bpmndi:BPMNPlane>
			  </bpmndi:BPMNDiagram>
			</definitions>
			""".formatted(PolicyModels.NAMESPACES);

	@Test
	void everyModelOfTheJourneyKeepsTheAllowlist() throws IOException {
		// given every model and decision table in processes/
		List<Path> models;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			models = files.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn"))
					.toList();
		}

		// when / then
		assertThat(models).isNotEmpty();
		for (Path model : models) {
			assertThat(policy.check(ModelFile.named(model.getFileName().toString(), Files.readAllBytes(model))))
					.as(model.toString()).isEmpty();
		}
	}

	@Test
	void whatAJourneyMayNeedIsAllowedAndTheEngineDeploysIt() {
		// when
		List<ModelProblem> problems = policy.check(file("allowlist-legitimate.bpmn", LEGITIMATE));

		// then
		assertThat(problems).isEmpty();
		repository.createDeployment().addString("allowlist-legitimate.bpmn", LEGITIMATE).deploy();
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("allowlist-legitimate").count())
				.isOne();
	}

	@Test
	void theSameIsAllowedUnderCamundasOldNameAndUnderAnyPrefix() {
		// given the model with its Camunda extensions as activiti: and as x: (both bound to namespaces the engine reads)
		String activiti = prefixed(LEGITIMATE, "activiti");
		String prefixed = prefixed(LEGITIMATE, "x");

		// when / then
		assertThat(policy.check(file("allowlist-activiti.bpmn", activiti))).isEmpty();
		assertThat(policy.check(file("allowlist-prefixed.bpmn", prefixed))).isEmpty();
	}

	/** The model with every Camunda element and attribute under another prefix; the declarations stay. */
	private static String prefixed(String model, String prefix) {
		return model.replace(" camunda:", " " + prefix + ":").replace("<camunda:", "<" + prefix + ":")
				.replace("</camunda:", "</" + prefix + ":");
	}

	/** A model that holds one thing off the list, the element the refusal names and what it says. */
	record Refusal(String name, String model, String elementId, String message) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Refusal> refusals() {
		return Stream.of(
				step("a script task", "<scriptTask id=\"Run\" scriptFormat=\"groovy\"><script>1</script></scriptTask>",
						"holds <scriptTask>, which the safety policy does not allow: scripts are not allowed"),
				step("a script in a listener", listener("<camunda:script scriptFormat=\"groovy\">1</camunda:script>"),
						"holds <camunda:script>"),
				step("a script in an input mapping", """
						<serviceTask id="Run" camunda:expression="${true}"><extensionElements><camunda:inputOutput>
						<camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">1</camunda:script>
						</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>""",
						"holds <camunda:script>"),
				flow("a condition in JUEL as a script language", "language=\"juel\"", "${true}",
						"has language on <conditionExpression>"),
				flow("a condition read from a resource", "camunda:resource=\"deployment://condition.js\"", "",
						"has camunda:resource on <conditionExpression>"),
				step("a connector", "<serviceTask id=\"Run\"><extensionElements><camunda:connector>"
						+ "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
						+ "</extensionElements></serviceTask>", "holds <camunda:connector>"),
				step("e-mail by camunda:type", "<serviceTask id=\"Run\" camunda:type=\"mail\"/>",
						"has camunda:type on <serviceTask>"),
				step("an external task", "<serviceTask id=\"Run\" camunda:type=\"external\" camunda:topic=\"x\"/>",
						"has camunda:topic on <serviceTask>"),
				step("a field injected into a delegate", "<serviceTask id=\"Run\" camunda:delegateExpression="
						+ "\"${checkTransferDate}\"><extensionElements><camunda:field name=\"x\" stringValue=\"y\"/>"
						+ "</extensionElements></serviceTask>", "holds <camunda:field>"),
				step("a class outside the delegate package", "<serviceTask id=\"Run\" camunda:class=\"com.example.Anything\"/>",
						"runs the class 'com.example.Anything', which is outside org.spinout.journey"),
				step("a listener class outside the delegate package", listener("").replace("<camunda:executionListener "
						+ "event=\"start\">", "<camunda:executionListener event=\"start\" class=\"java.lang.Thread\">"),
						"runs the class 'java.lang.Thread'"),
				step("a form handler class", "<userTask id=\"Run\" camunda:formHandlerClass=\"org.spinout.journey.X\"/>",
						"has camunda:formHandlerClass on <userTask>"),
				step("generated form fields", "<userTask id=\"Run\"><extensionElements><camunda:formData>"
						+ "<camunda:formField id=\"x\" type=\"string\"/></camunda:formData></extensionElements></userTask>",
						"holds <camunda:formData>"),
				step("a variable mapping class", "<callActivity id=\"Run\" calledElement=\"x\" "
						+ "camunda:variableMappingClass=\"com.example.Mapping\"/>", "has camunda:variableMappingClass"),
				step("a called case", "<callActivity id=\"Run\" camunda:caseRef=\"x\"/>", "has camunda:caseRef"),
				step("a Camunda attribute where the engine does not expect it",
						"<serviceTask id=\"Run\" camunda:expression=\"${true}\" camunda:candidateGroups=\"hr\"/>",
						"has camunda:candidateGroups on <serviceTask>"),
				step("an element in a namespace of its own", listener("<evil:script xmlns:evil=\"urn:evil\" "
						+ "scriptFormat=\"groovy\">1</evil:script>"), "holds <evil:script>"),
				step("an attribute in a namespace of its own", "<serviceTask id=\"Run\" xmlns:evil=\"urn:evil\" "
						+ "evil:class=\"x\" camunda:expression=\"${true}\"/>", "has evil:class on <serviceTask>"),
				step("a bean off the allowlist", "<serviceTask id=\"Run\" camunda:expression="
						+ "\"${environment.getProperty('spring.datasource.password')}\"/>",
						"calls the bean 'environment', which is not on the allowlist"),
				step("a method the allowed bean does not declare", "<serviceTask id=\"Run\" camunda:expression="
						+ "\"${workingDays.getClass()}\"/>", "calls 'workingDays.getClass', which is not one of the "
						+ "bean's own public methods"),
				new Refusal("a WSDL import", PolicyModels.process("allowlist-import", "<startEvent id=\"Start\"/>")
						.replace("<process ", "<import id=\"Import\" importType=\"http://schemas.xmlsoap.org/wsdl/\" "
								+ "location=\"http://example.org/x.wsdl\" namespace=\"x\"/>\n  <process "),
						"Import", "holds <import>"),
				decision("a decision in a script language", "expressionLanguage=\"javascript\"", "1",
						"has an expression in the script language 'javascript'"),
				decision("a decision in JUEL, without ${...}", "expressionLanguage=\"juel\"", "variableContext.getClass()",
						"calls the method 'getClass'"));
	}

	private static Refusal step(String name, String step, String message) {
		return new Refusal(name, PolicyModels.timed("allowlist-refused", step), "Run", message);
	}

	private static String listener(String inside) {
		return "<serviceTask id=\"Run\" camunda:expression=\"${true}\"><extensionElements>"
				+ "<camunda:executionListener event=\"start\">" + inside + "</camunda:executionListener>"
				+ "</extensionElements></serviceTask>";
	}

	private static Refusal flow(String name, String attributes, String text, String message) {
		String model = PolicyModels.process("allowlist-flow", """
				<startEvent id="Start"/>
				<exclusiveGateway id="Route" default="Other"/>
				<sequenceFlow id="ToRoute" sourceRef="Start" targetRef="Route"/>
				<sequenceFlow id="Guarded" sourceRef="Route" targetRef="Done">
				  <conditionExpression xsi:type="tFormalExpression" %s>%s</conditionExpression>
				</sequenceFlow>
				<sequenceFlow id="Other" sourceRef="Route" targetRef="Done"/>
				<endEvent id="Done"/>
				""".formatted(attributes, text));
		return new Refusal(name, model, "Guarded", message);
	}

	private static Refusal decision(String name, String language, String expression, String message) {
		return new Refusal(name, PolicyModels.decision("allowlist-decision", language, PolicyModels.xml(expression)),
				"InputExpression", message);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void whatIsNotOnTheListIsRefusedNamingItsElement(Refusal refusal) {
		// when
		String fileName = refusal.model().contains("omg.org/spec/DMN") ? "refused.dmn" : "refused.bpmn";
		List<ModelProblem> problems = policy.check(file(fileName, refusal.model()));

		// then
		assertThat(problems).anySatisfy(problem -> {
			assertThat(problem.elementId()).isEqualTo(refusal.elementId());
			assertThat(problem.message()).contains(refusal.message());
		});
	}

	@Test
	void everyProblemIsListedInOneAnswer() {
		// given a model with three problems in three elements
		String model = PolicyModels.process("allowlist-many", """
				<startEvent id="Start"/>
				<sequenceFlow id="F1" sourceRef="Start" targetRef="Shell"/>
				<serviceTask id="Shell" camunda:type="shell"/>
				<sequenceFlow id="F2" sourceRef="Shell" targetRef="Old"/>
				<serviceTask id="Old" activiti:class="com.example.Old"/>
				<sequenceFlow id="F3" sourceRef="Old" targetRef="Script"/>
				<scriptTask id="Script" scriptFormat="groovy"><script>1</script></scriptTask>
				""");

		// when
		HttpResponse<String> answer = new WebClient(port).deployWithBasic(Map.of("allowlist-many.bpmn", model),
				"designer", "demo");

		// then
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("\"elementId\":\"Shell\"").contains("\"elementId\":\"Old\"")
				.contains("\"elementId\":\"Script\"");
	}

	@Test
	void aDeeplyNestedModelIsRefusedWith400ThroughEachWay() {
		// given 10,000 elements nested inside a task's extension elements (the review's 272 KB model)
		String nested = "<camunda:list>".repeat(10_000) + "</camunda:list>".repeat(10_000);
		String model = PolicyModels.timed("allowlist-nested", "<serviceTask id=\"Run\" camunda:expression=\"${true}\">"
				+ "<extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">" + nested
				+ "</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>");
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		long before = repository.createDeploymentQuery().count();

		// when
		List<ModelProblem> problems = policy.check(file("allowlist-nested.bpmn", model));
		HttpResponse<String> rest = new WebClient(port).deployWithBasic(Map.of("allowlist-nested.bpmn", model),
				"designer", "demo");
		HttpResponse<String> page = designer.postFiles("/designer/upload", "/designer/upload",
				Map.of("allowlist-nested.bpmn", model));

		// then
		assertThat(problems).extracting(ModelProblem::message)
				.containsExactly("nests elements more than 100 deep, which no model needs: this is not a model "
						+ "Spinout can read");
		assertThat(rest.statusCode()).isEqualTo(400);
		assertThat(rest.body()).contains("nests elements more than 100 deep");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("nests elements more than 100 deep");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private static ModelFile file(String name, String content) {
		return ModelFile.named(name, content.getBytes(StandardCharsets.UTF_8));
	}
}
