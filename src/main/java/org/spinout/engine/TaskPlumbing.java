package org.spinout.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.spinout.contract.Variables;
import org.xml.sax.helpers.AttributesImpl;

/**
 * What every user task of the journey needs and no model should have to spell out, added to a
 * model as the engine reads it (the stored file is left as the designer drew it):
 * <ul>
 * <li>a user task with a due date gets two timeout listeners: {@code reminder} runs
 * {@code taskReminder} a few working days before the due date, {@code escalation} runs
 * {@code taskEscalation} on it. A task that declares its own listener with either id keeps its own;
 * the extension property {@code reminders} with the value {@code off} leaves both out;</li>
 * <li>a user task whose outcome a following exclusive gateway decides on {@code decision} gets the
 * decision mapping: {@code decision} and {@code decisionReason} start empty in the task's own scope
 * and are copied to the process when it completes, so that a reviewer never finds the previous
 * reviewer's answer in the form.</li>
 * </ul>
 */
final class TaskPlumbing {

	static final String REMINDER = "reminder";
	static final String ESCALATION = "escalation";
	static final String REMINDER_LISTENER = "${taskReminder}";
	static final String ESCALATION_LISTENER = "${taskEscalation}";
	static final String REMINDER_TIMER = "${taskDeadlines.reminder(execution)}";
	static final String ESCALATION_TIMER = "${taskDeadlines.escalation(execution)}";
	/** The extension property that leaves a task without reminders and escalation. */
	static final String REMINDERS_PROPERTY = "reminders";
	static final String OFF = "off";
	/** The outcome of a gate: approve, sendBack or (decision-makers only) reject. */
	static final List<String> DECISION_VARIABLES = List.of(Variables.DECISION, Variables.DECISION_REASON);

	private static final Namespace BPMN = new Namespace(BpmnParser.BPMN20_NS);
	private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;
	private static final String CAMUNDA_URI = CAMUNDA.getNamespaceUri();
	private static final Pattern READS_DECISION = Pattern.compile("\\bdecision\\b");

	private TaskPlumbing() {
	}

	/** Adds the plumbing to every process, and every sub-process within it, of a {@code definitions} element. */
	static void addTo(Element definitions) {
		for (Element process : definitions.elementsNS(BPMN, "process")) {
			addToScope(process);
		}
	}

	private static void addToScope(Element scope) {
		Map<String, Element> byId = new HashMap<>();
		scope.elements().forEach(element -> byId.put(element.attribute("id"), element));
		List<Element> flows = scope.elementsNS(BPMN, "sequenceFlow");
		for (Element element : scope.elements()) {
			if (!BpmnParser.BPMN20_NS.equals(element.getUri())) {
				continue;
			}
			switch (element.getTagName()) {
				case "userTask" -> {
					if (element.attributeNS(CAMUNDA, "dueDate") != null && !remindersOff(element)) {
						addTimeoutListener(element, REMINDER, REMINDER_LISTENER, REMINDER_TIMER);
						addTimeoutListener(element, ESCALATION, ESCALATION_LISTENER, ESCALATION_TIMER);
					}
					if (decidedOnByGateway(element, byId, flows)) {
						addDecisionMapping(element);
					}
				}
				case "subProcess", "transaction" -> addToScope(element);
				default -> {
				}
			}
		}
	}

	private static boolean remindersOff(Element task) {
		Element extensions = task.element("extensionElements");
		Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
		return properties != null && properties.elementsNS(CAMUNDA, "property").stream()
				.anyMatch(property -> REMINDERS_PROPERTY.equals(property.attribute("name"))
						&& OFF.equalsIgnoreCase(String.valueOf(property.attribute("value")).trim()));
	}

	private static void addTimeoutListener(Element task, String id, String listener, String timer) {
		Element extensions = extensions(task);
		boolean declared = extensions.elementsNS(CAMUNDA, "taskListener").stream()
				.anyMatch(existing -> "timeout".equals(existing.attribute("event")) && id.equals(existing.attribute("id")));
		if (declared) {
			return;
		}
		Element taskListener = element(CAMUNDA_URI, "taskListener", "event", "timeout", "id", id,
				"delegateExpression", listener);
		Element timerDefinition = element(BpmnParser.BPMN20_NS, "timerEventDefinition");
		Element timeDate = element(BpmnParser.BPMN20_NS, "timeDate");
		timeDate.appendText(timer);
		timerDefinition.add(timeDate);
		taskListener.add(timerDefinition);
		extensions.add(taskListener);
	}

	/** Whether the task flows straight into an exclusive gateway that has a condition on {@code decision}. */
	private static boolean decidedOnByGateway(Element task, Map<String, Element> byId, List<Element> flows) {
		String taskId = task.attribute("id");
		return flows.stream()
				.filter(flow -> taskId != null && taskId.equals(flow.attribute("sourceRef")))
				.map(flow -> byId.get(flow.attribute("targetRef")))
				.filter(target -> target != null && "exclusiveGateway".equals(target.getTagName()))
				.anyMatch(gateway -> flows.stream()
						.filter(flow -> gateway.attribute("id").equals(flow.attribute("sourceRef")))
						.map(flow -> flow.element("conditionExpression"))
						.anyMatch(condition -> condition != null && READS_DECISION.matcher(condition.getText()).find()));
	}

	private static void addDecisionMapping(Element task) {
		Element extensions = extensions(task);
		Element inputOutput = extensions.elementNS(CAMUNDA, "inputOutput");
		if (inputOutput == null) {
			inputOutput = element(CAMUNDA_URI, "inputOutput");
			extensions.add(inputOutput);
		}
		for (String variable : DECISION_VARIABLES) {
			if (!declares(inputOutput, "inputParameter", variable)) {
				inputOutput.add(element(CAMUNDA_URI, "inputParameter", "name", variable));
			}
			if (!declares(inputOutput, "outputParameter", variable)) {
				Element output = element(CAMUNDA_URI, "outputParameter", "name", variable);
				output.appendText("${" + variable + "}");
				inputOutput.add(output);
			}
		}
	}

	private static boolean declares(Element inputOutput, String kind, String variable) {
		return inputOutput.elementsNS(CAMUNDA, kind).stream().anyMatch(parameter -> variable.equals(parameter.attribute("name")));
	}

	private static Element extensions(Element task) {
		Element extensions = task.element("extensionElements");
		if (extensions == null) {
			extensions = element(BpmnParser.BPMN20_NS, "extensionElements");
			task.add(extensions);
		}
		return extensions;
	}

	/** An element as the engine's XML reader makes it; attributes come as name, value pairs without a namespace. */
	private static Element element(String uri, String localName, String... attributes) {
		AttributesImpl values = new AttributesImpl();
		for (int i = 0; i < attributes.length; i += 2) {
			values.addAttribute("", attributes[i], attributes[i], "CDATA", attributes[i + 1]);
		}
		return new Element(uri, localName, localName, values, null);
	}
}
