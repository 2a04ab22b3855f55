package org.spinout.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a model may hold: the one table of the BPMN elements the journey may use, with the
 * attributes the engine may read on each, and of Camunda's extension elements with theirs.
 * Everything else is refused at deployment, whatever it is, since the engine runs much of what
 * it reads: {@code camunda:type} runs commands, mail and connectors, scripts run anywhere,
 * {@code camunda:class} loads any class, and most attributes take expressions.
 * <p>
 * The engine reads Camunda's extensions in two namespaces, {@code camunda:} and its former
 * name {@code activiti:}, whatever prefix a file binds them to: both are looked up here as
 * one. Unprefixed attributes are looked up on the element they stand on. Values that are
 * expressions are checked by {@link ExpressionCheck}; {@code class} must name a class of the
 * delegate package. To allow something more, add it here and say in the decision record why the
 * journey needs it; see {@code docs/decisions/model-allowlist.md} for what to check when
 * Camunda is upgraded.
 */
public final class ModelAllowlist {

	public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	/** Camunda's former namespace, which the engine still reads as an alias of {@link #CAMUNDA}. */
	public static final String ACTIVITI = "http://activiti.org/bpmn";

	public static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

	/** What one element may carry: attributes without a prefix, and Camunda's (camunda: or activiti:). */
	public record Allowed(Set<String> attributes, Set<String> camunda) {
	}

	private static final Set<String> FLOW_NODE = Set.of("id", "name");

	private static final Set<String> ACTIVITY = Set.of("id", "name", "default", "isForCompensation", "startQuantity",
			"completionQuantity");

	/** Asynchronous continuations: where a step commits and how its job runs. */
	private static final Set<String> ASYNC = Set.of("asyncBefore", "asyncAfter", "exclusive", "jobPriority");

	private static final Set<String> FORM = Set.of("formKey", "formRef", "formRefBinding", "formRefVersion");

	/** A step that runs a delegate: a bean by expression, or a class of the delegate package. */
	private static final Set<String> DELEGATE = Set.of("class", "delegateExpression", "expression", "resultVariable");

	/** The BPMN elements, by local name in the BPMN namespace. */
	public static final Map<String, Allowed> BPMN_ELEMENTS = Map.ofEntries(
			// the file, its processes and their lanes and pools
			row("definitions", Set.of("id", "name", "targetNamespace", "exporter", "exporterVersion")),
			row("process", Set.of("id", "name", "isExecutable", "isClosed", "processType"), Set.of("historyTimeToLive",
					"versionTag", "isStartableInTasklist", "candidateStarterGroups", "candidateStarterUsers",
					"jobPriority", "taskPriority")),
			row("collaboration", Set.of("id", "name", "isClosed")),
			row("participant", Set.of("id", "name", "processRef")),
			row("messageFlow", Set.of("id", "name", "sourceRef", "targetRef", "messageRef")),
			row("laneSet", Set.of("id", "name")),
			row("lane", Set.of("id", "name")),
			row("childLaneSet", Set.of("id", "name")),
			row("flowNodeRef", Set.of()),
			// events
			row("startEvent", Set.of("id", "name", "isInterrupting", "parallelMultiple"),
					union(ASYNC, FORM, Set.of("initiator"))),
			row("endEvent", FLOW_NODE, ASYNC),
			row("intermediateCatchEvent", Set.of("id", "name", "parallelMultiple"), ASYNC),
			row("intermediateThrowEvent", FLOW_NODE, ASYNC),
			row("boundaryEvent", Set.of("id", "name", "attachedToRef", "cancelActivity", "parallelMultiple"), ASYNC),
			row("timerEventDefinition", Set.of("id")),
			row("timeDate", Set.of("id")),
			row("timeDuration", Set.of("id")),
			row("timeCycle", Set.of("id")),
			row("messageEventDefinition", Set.of("id", "messageRef"), DELEGATE),
			row("signalEventDefinition", Set.of("id", "signalRef"), Set.of("async")),
			row("errorEventDefinition", Set.of("id", "errorRef"), Set.of("errorCodeVariable", "errorMessageVariable")),
			row("escalationEventDefinition", Set.of("id", "escalationRef"), Set.of("escalationCodeVariable")),
			row("conditionalEventDefinition", Set.of("id"), Set.of("variableName", "variableEvents")),
			row("condition", Set.of("id")),
			row("terminateEventDefinition", Set.of("id")),
			row("compensateEventDefinition", Set.of("id", "activityRef", "waitForCompletion")),
			row("linkEventDefinition", Set.of("id", "name")),
			row("message", Set.of("id", "name")),
			row("signal", Set.of("id", "name")),
			row("error", Set.of("id", "name", "errorCode"), Set.of("errorMessage")),
			row("escalation", Set.of("id", "name", "escalationCode")),
			// tasks and sub-processes
			row("task", ACTIVITY, ASYNC),
			row("manualTask", ACTIVITY, ASYNC),
			row("receiveTask", union(ACTIVITY, Set.of("messageRef")), ASYNC),
			row("userTask", ACTIVITY, union(ASYNC, FORM, Set.of("assignee", "candidateUsers", "candidateGroups",
					"dueDate", "followUpDate", "priority"))),
			row("serviceTask", ACTIVITY, union(ASYNC, DELEGATE)),
			row("sendTask", ACTIVITY, union(ASYNC, DELEGATE)),
			row("businessRuleTask", ACTIVITY, union(ASYNC, Set.of("decisionRef", "decisionRefBinding",
					"decisionRefVersion", "decisionRefVersionTag", "resultVariable", "mapDecisionResult"))),
			row("callActivity", union(ACTIVITY, Set.of("calledElement")), union(ASYNC, Set.of("calledElementBinding",
					"calledElementVersion", "calledElementVersionTag"))),
			row("subProcess", union(ACTIVITY, Set.of("triggeredByEvent")), ASYNC),
			row("multiInstanceLoopCharacteristics", Set.of("id", "isSequential"),
					Set.of("collection", "elementVariable", "asyncBefore", "asyncAfter", "exclusive")),
			row("loopCardinality", Set.of("id")),
			row("completionCondition", Set.of("id")),
			// gateways and flows
			row("exclusiveGateway", Set.of("id", "name", "default", "gatewayDirection"), ASYNC),
			row("inclusiveGateway", Set.of("id", "name", "default", "gatewayDirection"), ASYNC),
			row("parallelGateway", Set.of("id", "name", "gatewayDirection"), ASYNC),
			row("eventBasedGateway", Set.of("id", "name", "gatewayDirection", "instantiate", "eventGatewayType"), ASYNC),
			row("sequenceFlow", Set.of("id", "name", "sourceRef", "targetRef", "isImmediate")),
			// no "language": a condition in any language, JUEL included, runs as a script
			row("conditionExpression", Set.of("id")),
			row("incoming", Set.of()),
			row("outgoing", Set.of()),
			// what people read: never evaluated
			row("documentation", Set.of("id", "textFormat")),
			row("extensionElements", Set.of()),
			row("textAnnotation", Set.of("id", "textFormat")),
			row("text", Set.of()),
			row("association", Set.of("id", "sourceRef", "targetRef", "associationDirection")),
			row("group", Set.of("id", "categoryValueRef")),
			row("category", Set.of("id", "name")),
			row("categoryValue", Set.of("id", "value")),
			row("dataObject", Set.of("id", "name", "isCollection")),
			row("dataObjectReference", Set.of("id", "name", "dataObjectRef")),
			row("dataStoreReference", Set.of("id", "name", "dataStoreRef")));

	/**
	 * Camunda's extension elements, by local name in {@link #CAMUNDA} or {@link #ACTIVITI}, with
	 * the attributes (without a prefix) the engine reads on them.
	 */
	public static final Map<String, Set<String>> CAMUNDA_ELEMENTS = Map.ofEntries(
			Map.entry("executionListener", Set.of("event", "class", "expression", "delegateExpression")),
			// a timeout listener holds a bpmn:timerEventDefinition
			Map.entry("taskListener", Set.of("event", "class", "expression", "delegateExpression", "id")),
			Map.entry("inputOutput", Set.of()),
			Map.entry("inputParameter", Set.of("name")),
			Map.entry("outputParameter", Set.of("name")),
			Map.entry("list", Set.of()),
			Map.entry("map", Set.of()),
			Map.entry("entry", Set.of("key")),
			Map.entry("value", Set.of()),
			Map.entry("in", Set.of("source", "sourceExpression", "target", "variables", "local", "businessKey")),
			Map.entry("out", Set.of("source", "sourceExpression", "target", "variables", "local")),
			Map.entry("properties", Set.of()),
			Map.entry("property", Set.of("id", "name", "value")),
			Map.entry("failedJobRetryTimeCycle", Set.of()));

	/** Attributes that name a Java class the engine loads: only classes of the delegate package. */
	public static final Set<String> CLASS_ATTRIBUTES = Set.of("class");

	/** Elements whose text people read and the engine never evaluates. */
	public static final Set<String> PROSE = Set.of("documentation", "text");

	/** The diagram's namespaces (BPMN and DMN): shapes and lines, drawn and never run. */
	public static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
			"http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
			"https://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DMN/20180521/DMNDI/",
			"http://www.omg.org/spec/DMN/20180521/DC/", "http://www.omg.org/spec/DMN/20180521/DI/",
			"http://bpmn.io/schema/dmn/biodi/1.0", "http://bpmn.io/schema/dmn/biodi/2.0");

	/** Namespaces of attributes only editors and the XML reader use: declarations, types, colours, the modeller's. */
	public static final Set<String> EDITORS = Set.of("http://www.w3.org/2000/xmlns/",
			"http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/XML/1998/namespace",
			"http://camunda.org/schema/modeler/1.0", "http://bpmn.io/schema/bpmn/biocolor/1.0",
			"http://www.omg.org/spec/BPMN/non-normative/color/1.0", "http://bpmn.io/schema/dmn/biodi/1.0",
			"http://bpmn.io/schema/dmn/biodi/2.0");

	/** The decision tables' namespaces (DMN 1.1 to 1.5): data the decision engine reads, languages aside. */
	public static final Set<String> DMN = Set.of("http://www.omg.org/spec/DMN/20151101/dmn.xsd",
			"http://www.omg.org/spec/DMN/20180521/MODEL/", "https://www.omg.org/spec/DMN/20191111/MODEL/",
			"https://www.omg.org/spec/DMN/20211108/MODEL/", "https://www.omg.org/spec/DMN/20230324/MODEL/");

	/** Camunda's attributes in decision tables. */
	public static final Set<String> CAMUNDA_DMN_ATTRIBUTES = Set.of("historyTimeToLive", "versionTag", "inputVariable");

	/**
	 * The expression languages a decision table may name: FEEL, which cannot reach Java, under
	 * each name the decision engine knows it by, and JUEL, checked like the models' expressions.
	 * Any other name is a script language.
	 */
	public static final Set<String> DMN_LANGUAGES = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
			"http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
			"https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/", "juel");

	private ModelAllowlist() {
	}

	/** Whether the engine reads this namespace as Camunda's: both of Camunda's names are one. */
	public static boolean isCamunda(String namespace) {
		return CAMUNDA.equals(namespace) || ACTIVITI.equals(namespace);
	}

	private static Map.Entry<String, Allowed> row(String element, Set<String> attributes) {
		return row(element, attributes, Set.of());
	}

	private static Map.Entry<String, Allowed> row(String element, Set<String> attributes, Set<String> camunda) {
		return Map.entry(element, new Allowed(attributes, camunda));
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
	}
}
