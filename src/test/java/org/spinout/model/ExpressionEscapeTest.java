package org.spinout.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Date;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.SpinoutWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A corpus of known expression-language escapes: the classic JSP and JUEL ones, Spring EL's,
 * method names put together from strings, walks from {@code execution} to classes, class
 * loaders, the runtime and the engine's services, beans off the allowlist, scripts in disguise.
 * Finding 9 of the security review is among them. Each is refused: at deployment, where its text
 * shows what it reaches, or when it runs, by the resolver that permits only variables, the
 * allowed beans' own methods and simple values. Nothing it aims at is reached.
 */
@SpinoutWebTest
class ExpressionEscapeTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	DecisionService decisions;

	/** Where a payload stands in a model. */
	enum Place {
		/** a service task's camunda:expression, its result kept in the variable "leak" */
		STEP,
		/** an input mapping's text, as the file has it (comments included) */
		MAPPING,
		/** a task listener's expression, which runs as the task is created */
		TASK_LISTENER,
		/** a sequence flow's condition */
		CONDITION,
		/** a JUEL input expression of a decision table */
		DECISION_JUEL,
		/** a FEEL input expression of a decision table */
		DECISION_FEEL
	}

	/** One escape: where it stands, its text, and the words of its refusal. */
	record Escape(String name, Place place, String payload, String refusal) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Escape> corpus() {
		return Stream.of(
				step("JSP: the runtime through getClass", "${''.getClass().forName('java.lang.Runtime')"
						+ ".getRuntime().exec('touch /tmp/spinout-escape')}", "calls the method 'getClass'"),
				step("JSP: a class loader", "${\"\".getClass().getClassLoader().loadClass(\"java.lang.Runtime\")}",
						"calls the method 'getClass'"),
				step("the class property, then forName", "${''.class.forName('java.lang.Runtime')}",
						"calls the method 'forName'"),
				step("the class property by brackets", "${''['class']}", "Expressions may not use 'class'"),
				step("a variable's class loader", "${x.class.classLoader}", "Expressions may not use 'class'"),
				step("execution's class loader", "${execution.getClass().getClassLoader()}",
						"calls the method 'getClass'"),
				step("execution's class as a property", "${execution.class.protectionDomain}",
						"Expressions may not use 'class' of the execution"),
				step("review finding 9: the jar's location by methods", "${execution.getElementType().getInstanceType()"
						+ ".getProtectionDomain().getCodeSource().getLocation()}", "calls the method 'getElementType'"),
				step("review finding 9: the jar's location by properties", "${execution.elementType.instanceType"
						+ ".protectionDomain.codeSource.location}", "Expressions may not use 'elementType'"),
				step("the engine's services", "${execution.getProcessEngineServices().getRuntimeService()}",
						"calls the method 'getProcessEngineServices'"),
				step("the engine's services as properties", "${execution.processEngineServices.managementService}",
						"Expressions may not use 'processEngineServices'"),
				step("the data source", "${execution.processEngine.processEngineConfiguration.dataSource}",
						"Expressions may not use 'processEngine'"),
				step("signing in as someone else", "${execution.getProcessEngine().getIdentityService()"
						+ ".setAuthenticatedUserId('admin')}", "calls the method 'getProcessEngine'"),
				step("a method name put together", "${execution[('getProcess'.concat('EngineServices'))]()}",
						"names the method it calls by a computed value"),
				step("a property name put together", "${execution['process'.concat('EngineServices')]}",
						"Expressions may not use 'processEngineServices'"),
				new Escape("an expression split by a comment", Place.MAPPING,
						"$<!-- -->{execution.getProcessEngineServices()}", "calls the method 'getProcessEngineServices'"),
				step("Runtime by its simple name", "${Runtime.getRuntime().exec('id')}", "calls the method 'getRuntime'"),
				step("Runtime by its full name", "${java.lang.Runtime.getRuntime()}", "calls the method 'getRuntime'"),
				step("Class.forName", "${Class.forName('java.lang.Runtime')}", "calls the method 'forName'"),
				step("Spring EL: a type reference", "${T(java.lang.Runtime).getRuntime().exec('id')}",
						"calls the function 'T'"),
				step("Spring EL: a deferred type reference", "#{T(java.lang.System).exit(0)}", "calls the function 'T'"),
				step("JSP: the page context", "${pageContext.request.getSession().getServletContext()}",
						"calls the method 'getSession'"),
				step("JSP: an implicit object", "${applicationScope}", "Cannot resolve identifier 'applicationScope'"),
				step("JSTL: a function", "${fn:toUpperCase('x')}", "calls the function 'fn:toUpperCase'"),
				step("the environment's secrets", "${environment.getProperty('spring.datasource.password')}",
						"calls the bean 'environment'"),
				step("the engine by its usual name", "${processEngine.managementService}",
						"Cannot resolve identifier 'processEngine'"),
				step("a service as a bean", "${runtimeService.startProcessInstanceByKey('spin-out-programme')}",
						"calls the bean 'runtimeService'"),
				step("an allowed bean's class", "${workingDays.getClass().getClassLoader()}",
						"calls 'workingDays.getClass'"),
				step("an allowed bean's class as a property", "${workingDays.class.classLoader}",
						"Expressions may not use 'class'"),
				step("what a bean returns, then its class", "${clocks.list().get(0).getClass()}",
						"calls the method 'getClass'"),
				step("what a bean returns, then its class as a property", "${clocks.list()[0].class}",
						"Expressions may not use 'class'"),
				step("a variable's class", "${execution.getVariable('x').getClass()}", "calls the method 'getClass'"),
				step("reflection on methods", "${'a'.getClass().getMethods()[0].invoke(null)}",
						"calls the method 'getClass'"),
				step("a class stored in a variable", "${execution.setVariable('leak', ''.getClass())}",
						"calls the method 'getClass'"),
				step("the engine's function's result", "${currentUser().getClass()}", "calls the method 'getClass'"),
				step("a date's chronology", "${dateTime().getChronology()}", "calls the method 'getChronology'"),
				step("the parent execution", "${execution.superExecution.processEngineServices}",
						"Expressions may not use 'superExecution'"),
				new Escape("a task listener walking to the engine", Place.TASK_LISTENER,
						"${task.execution.processEngineServices}", "Expressions may not use 'execution' of the task"),
				new Escape("a task listener asking for its execution", Place.TASK_LISTENER, "${task.getExecution()}",
						"calls the method 'getExecution'"),
				new Escape("a JUEL condition run as a script", Place.CONDITION, "${''.getClass()}",
						"has language on <conditionExpression>"),
				new Escape("a decision in JUEL reaching for a class", Place.DECISION_JUEL,
						"variableContext.getClass().getClassLoader()", "calls the method 'getClass'"),
				new Escape("a decision in JUEL reading a bean's class", Place.DECISION_JUEL, "${workingDays['class']}",
						"Expressions may not use 'class'"),
				new Escape("FEEL calling Java", Place.DECISION_FEEL, "{f: function(k, v) external {java: {class: "
						+ "\"java.lang.System\", method signature: \"setProperty(java.lang.String, java.lang.String)\"}}, "
						+ "r: f(\"spinout.escape\", \"ran\")}.r", "spinout.escape"));
	}

	private static Escape step(String name, String payload, String refusal) {
		return new Escape(name, Place.STEP, payload, refusal);
	}

	@Test
	void theCorpusHoldsAtLeastThirtyEscapes() {
		assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void eachEscapeIsRefusedAtDeploymentOrWhenItRuns(Escape escape) {
		// given
		String key = "escape-" + Math.abs(escape.name().hashCode());

		// when it is deployed and, if that is allowed, run
		Throwable refusal = catchThrowable(() -> deployAndRun(escape, key));

		// then
		assertThat(refusal).as(escape.name()).isNotNull();
		if (escape.place() == Place.DECISION_FEEL) {
			assertThat(System.getProperty("spinout.escape")).as("FEEL called Java").isNull();
		}
		else {
			assertThat(refusal).hasStackTraceContaining(escape.refusal());
		}
		if (!(refusal instanceof ParseException)) {
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
		}
		assertThat(history.createHistoricVariableInstanceQuery().variableName("leak").count()).isZero();
	}

	private void deployAndRun(Escape escape, String key) {
		if (escape.place() == Place.DECISION_JUEL || escape.place() == Place.DECISION_FEEL) {
			repository.createDeployment().addString(key + ".dmn", decision(key, escape)).deploy();
			decisions.evaluateDecisionTableByKey(key, Map.of("x", "text"));
			return;
		}
		repository.createDeployment().addString(key + ".bpmn", process(key, escape)).deploy();
		runtime.startProcessInstanceByKey(key, Map.of("x", "text"));
	}

	@Test
	void theKindsOfExpressionTheJourneyUsesStillRun() {
		// given expressions of each permitted kind: variables, allowed beans, simple values and their methods
		String model = PolicyModels.process("escape-permitted", """
				<startEvent id="Start"/>
				<sequenceFlow id="F1" sourceRef="Start" targetRef="Compute"/>
				<serviceTask id="Compute" camunda:expression="${execution.setVariable('nextYear', workingDays.day(now()).plusYears(1).getYear())}"/>
				<sequenceFlow id="F2" sourceRef="Compute" targetRef="Key"/>
				<serviceTask id="Key" camunda:expression="${execution.processBusinessKey}" camunda:resultVariable="key"/>
				<sequenceFlow id="F3" sourceRef="Key" targetRef="Clock"/>
				<serviceTask id="Clock" camunda:expression="${clocks.after('call-in-window', now(), 'england-wales')}"
				    camunda:resultVariable="callInEnds"/>
				<sequenceFlow id="F4" sourceRef="Clock" targetRef="Count"/>
				<serviceTask id="Count" camunda:expression="${clocks.list().size() > 0 &amp;&amp; x.toUpperCase().contains('EX')}"
				    camunda:resultVariable="checked"/>
				<sequenceFlow id="F5" sourceRef="Count" targetRef="Wait"/>
				<userTask id="Wait" camunda:candidateGroups="programme-managers"/>
				""");
		repository.createDeployment().addString("escape-permitted.bpmn", model).deploy();

		// when
		ProcessInstance instance = runtime.startProcessInstanceByKey("escape-permitted", "SO-2026-0042",
				Map.of("x", "text"));

		// then
		Map<String, Object> variables = runtime.getVariables(instance.getId());
		assertThat(variables).containsEntry("key", "SO-2026-0042").containsEntry("checked", true)
				.containsEntry("nextYear", java.time.LocalDate.now().getYear() + 1);
		assertThat(variables.get("callInEnds")).isInstanceOf(Date.class);
	}

	@Test
	void aTaskListenerMayReadItsTask() {
		// given
		String model = PolicyModels.process("escape-task", """
				<startEvent id="Start"/>
				<sequenceFlow id="F1" sourceRef="Start" targetRef="Wait"/>
				<userTask id="Wait" name="Wait here" camunda:candidateGroups="programme-managers">
				  <extensionElements>
				    <camunda:taskListener event="create" expression="${task.setVariable('named', task.name)}"/>
				  </extensionElements>
				</userTask>
				""");
		repository.createDeployment().addString("escape-task.bpmn", model).deploy();

		// when
		ProcessInstance instance = runtime.startProcessInstanceByKey("escape-task");

		// then
		assertThat(runtime.getVariable(instance.getId(), "named")).isEqualTo("Wait here");
	}

	private static String process(String key, Escape escape) {
		String payload = escape.place() == Place.MAPPING ? escape.payload() : PolicyModels.xml(escape.payload());
		String elements = switch (escape.place()) {
			case STEP -> """
					<serviceTask id="Run" camunda:expression="%s" camunda:resultVariable="leak"/>
					""".formatted(payload);
			case MAPPING -> """
					<serviceTask id="Run" camunda:expression="${true}">
					  <extensionElements><camunda:inputOutput>
					    <camunda:outputParameter name="leak">%s</camunda:outputParameter>
					  </camunda:inputOutput></extensionElements>
					</serviceTask>
					""".formatted(payload);
			case TASK_LISTENER -> """
					<userTask id="Run" camunda:candidateGroups="programme-managers">
					  <extensionElements><camunda:taskListener event="create" expression="%s"/></extensionElements>
					</userTask>
					""".formatted(payload);
			case CONDITION -> """
					<exclusiveGateway id="Run" default="Otherwise"/>
					<sequenceFlow id="Guarded" sourceRef="Run" targetRef="Done">
					  <conditionExpression xsi:type="tFormalExpression" language="juel">%s</conditionExpression>
					</sequenceFlow>
					<sequenceFlow id="Otherwise" sourceRef="Run" targetRef="Done"/>
					""".formatted(payload);
			default -> throw new IllegalArgumentException(escape.place().name());
		};
		String last = escape.place() == Place.CONDITION ? ""
				: "<sequenceFlow id=\"ToDone\" sourceRef=\"Run\" targetRef=\"Done\"/>";
		return PolicyModels.process(key, """
				<startEvent id="Start"/>
				<sequenceFlow id="ToRun" sourceRef="Start" targetRef="Run"/>
				%s
				%s
				<endEvent id="Done"/>
				""".formatted(elements, last));
	}

	private static String decision(String key, Escape escape) {
		String language = escape.place() == Place.DECISION_JUEL ? "expressionLanguage=\"juel\"" : "";
		return PolicyModels.decision(key, language, PolicyModels.xml(escape.payload()));
	}
}
