package org.spinout.model;

import java.util.Map;

/**
 * Models for the safety policy's tests: a process that a timer starts one second after it is
 * deployed, so that a test can move the clock past it and run what is due, and the multipart
 * body Camunda Modeler sends to deploy it.
 */
final class PolicyModels {

	/** Every namespace the engine reads Camunda's extensions in, under the prefixes the tests use. */
	static final String NAMESPACES = """
			xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
			    xmlns:activiti="http://activiti.org/bpmn"
			    xmlns:x="http://camunda.org/schema/1.0/bpmn"
			    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance\"""";

	private PolicyModels() {
	}

	/** A process whose timer starts it a second after deployment and then runs {@code step} (id {@code Run}). */
	static String timed(String key, String step) {
		return process(key, """
				<startEvent id="Soon" name="Soon">
				  <timerEventDefinition id="SoonTimer">
				    <timeDuration xsi:type="tFormalExpression">PT1S</timeDuration>
				  </timerEventDefinition>
				</startEvent>
				<sequenceFlow id="ToRun" sourceRef="Soon" targetRef="Run"/>
				%s
				<sequenceFlow id="ToDone" sourceRef="Run" targetRef="Done"/>
				<endEvent id="Done" name="Done"/>
				""".formatted(step));
	}

	/** A process with the given elements inside it. */
	static String process(String key, String elements) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions %s
				    id="Definitions_%s" targetNamespace="http://spinout.org/test">
				  <process id="%2$s" name="Policy test %2$s" isExecutable="true" camunda:historyTimeToLive="1">
				%s
				  </process>
				</definitions>
				""".formatted(NAMESPACES, key, elements);
	}

	/**
	 * A decision table with one input, whose expression is {@code expression} (XML-escaped already)
	 * in the language the attributes {@code language} name.
	 */
	static String decision(String key, String language, String expression) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
				    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_%1$s" name="%1$s"
				    namespace="http://spinout.org/dmn">
				  <decision id="%1$s" name="%1$s" camunda:historyTimeToLive="1">
				    <decisionTable id="Table">
				      <input id="Input" label="Input">
				        <inputExpression id="InputExpression" typeRef="string" %2$s><text>%3$s</text></inputExpression>
				      </input>
				      <output id="Output" name="answer" typeRef="string"/>
				      <rule id="Always"><inputEntry id="Any"><text>-</text></inputEntry>
				        <outputEntry id="Yes"><text>"yes"</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(key, language, expression);
	}

	/** Text as it must stand in XML. */
	static String xml(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** A multipart form with one file, as Camunda Modeler and the upload page send it. */
	record Multipart(String contentType, String body) {

		static Multipart of(String field, String fileName, String content) {
			String boundary = "spinout-" + System.nanoTime();
			String body = "--" + boundary + "\r\n"
					+ "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName + "\r\n"
					+ "--" + boundary + "\r\n"
					+ "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
					+ "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
					+ "--" + boundary + "--\r\n";
			return new Multipart("multipart/form-data; boundary=" + boundary, body);
		}

		Map<String, String> headers(Map<String, String> more) {
			java.util.Map<String, String> headers = new java.util.HashMap<>(more);
			headers.put("Content-Type", contentType);
			return headers;
		}
	}
}
