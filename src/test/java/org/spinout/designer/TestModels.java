package org.spinout.designer;

/**
 * Small models that keep every model rule, for deployment tests: a process with one user task
 * and its form. {@link #process} takes extra XML for the process (after the end event) and for
 * the start event's extension elements, to add what a test needs.
 */
final class TestModels {

	private TestModels() {
	}

	static String process(String key, String taskName) {
		return process(key, taskName, "", "");
	}

	static String process(String key, String taskName, String moreInProcess, String onStart) {
		return process(key, taskName, moreInProcess, onStart, "");
	}

	/** With {@code moreInDiagram}: the shapes and edges of what {@code moreInProcess} adds. */
	static String process(String key, String taskName, String moreInProcess, String onStart, String moreInDiagram) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
				    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				    xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    id="Definitions_%1$s" targetNamespace="http://spinout.org/test">
				  <bpmn:process id="%1$s" name="Test process %1$s" isExecutable="true" camunda:historyTimeToLive="30">
				    <bpmn:startEvent id="Started">%4$s</bpmn:startEvent>
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="Started" targetRef="Check"/>
				    <bpmn:userTask id="Check" name="%2$s" camunda:candidateGroups="programme-managers"
				        camunda:formRef="%1$s-check" camunda:formRefBinding="deployment"
				        camunda:dueDate="${workingDays.fromNow(10, nation)}">
				      <bpmn:documentation>Check the thing and say what you found.</bpmn:documentation>
				      <bpmn:extensionElements>
				        <camunda:taskListener delegateExpression="${taskReminder}" event="timeout" id="reminder">
				          <bpmn:timerEventDefinition id="TimerEventDefinition_Check_reminder">
				            <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${taskDeadlines.reminder(execution)}</bpmn:timeDate>
				          </bpmn:timerEventDefinition>
				        </camunda:taskListener>
				        <camunda:taskListener delegateExpression="${taskEscalation}" event="timeout" id="escalation">
				          <bpmn:timerEventDefinition id="TimerEventDefinition_Check_escalation">
				            <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${taskDeadlines.escalation(execution)}</bpmn:timeDate>
				          </bpmn:timerEventDefinition>
				        </camunda:taskListener>
				      </bpmn:extensionElements>
				    </bpmn:userTask>
				    <bpmn:sequenceFlow id="Flow_2" sourceRef="Check" targetRef="Done"/>
				    <bpmn:endEvent id="Done"/>
				    %3$s
				  </bpmn:process>
				  <bpmndi:BPMNDiagram id="Diagram_%1$s">
				    <bpmndi:BPMNPlane id="Plane_%1$s" bpmnElement="%1$s">
				      <bpmndi:BPMNShape id="Started_di" bpmnElement="Started"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="Check_di" bpmnElement="Check"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNShape id="Done_di" bpmnElement="Done"><dc:Bounds x="360" y="100" width="36" height="36"/></bpmndi:BPMNShape>
				      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
				      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="300" y="118"/><di:waypoint x="360" y="118"/></bpmndi:BPMNEdge>
				      %5$s
				    </bpmndi:BPMNPlane>
				  </bpmndi:BPMNDiagram>
				</bpmn:definitions>
				""".formatted(key, taskName, moreInProcess, onStart, moreInDiagram);
	}

	/** The form the process's task uses; {@code label} lets a test change it. */
	static String form(String key, String label) {
		return """
				{"id": "%s-check", "type": "default", "schemaVersion": 16,
				 "components": [{"id": "Field_notes", "key": "notes", "type": "textfield", "label": "%s"}]}
				""".formatted(key, label);
	}

	static String formFile(String key) {
		return key + "-check.form";
	}

	/** The files of an upload: the model, named after its key, and its task's form. */
	static java.util.Map<String, String> files(String key, String model) {
		java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
		files.put(key + ".bpmn", model);
		files.put(formFile(key), form(key, "Notes"));
		return files;
	}

	static java.util.Map<String, String> files(String key) {
		return files(key, process(key, "Check"));
	}
}
