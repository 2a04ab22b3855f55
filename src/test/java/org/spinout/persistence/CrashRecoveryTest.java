package org.spinout.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.AppNode;
import org.spinout.Slow;
import org.spinout.WebClient;

/**
 * A process started through the REST API is still there after the application is killed
 * without warning (SIGKILL) and started again: what the caller was told is saved is on disk.
 */
@Slow
class CrashRecoveryTest {

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	@TempDir
	Path dataDir;

	@TempDir
	Path logs;

	@Test
	void anAcknowledgedStartSurvivesAKill() {
		String[] settings = { "--spinout.data-dir=" + dataDir, "--spinout.admin.username=root",
				"--spinout.admin.password=crash-test-secret" };
		String instanceId;
		try (AppNode first = AppNode.start(logs, "first", settings)) {
			WebClient client = first.client();
			HttpResponse<String> deployed = client.postMultipartWithBasic("/engine-rest/deployment/create",
					"crash.bpmn", """
							<?xml version="1.0" encoding="UTF-8"?>
							<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
							    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
							    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
							    xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
							    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="spinout">
							  <process id="crash" name="Crash check" isExecutable="true" camunda:historyTimeToLive="1">
							    <startEvent id="start"/>
							    <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
							    <intermediateCatchEvent id="wait">
							      <timerEventDefinition><timeDate>2099-01-01T00:00:00</timeDate></timerEventDefinition>
							    </intermediateCatchEvent>
							  </process>
							  <bpmndi:BPMNDiagram id="diagram">
							    <bpmndi:BPMNPlane id="plane" bpmnElement="crash">
							      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
							      <bpmndi:BPMNShape id="wait_di" bpmnElement="wait"><dc:Bounds x="200" y="100" width="36" height="36"/></bpmndi:BPMNShape>
							      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
							    </bpmndi:BPMNPlane>
							  </bpmndi:BPMNDiagram>
							</definitions>
							""", "root", "crash-test-secret");
			assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
			HttpResponse<String> started = client.postJsonWithBasic("/engine-rest/process-definition/key/crash/start",
					"{}", "root", "crash-test-secret");
			assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
			Matcher id = ID.matcher(started.body());
			assertThat(id.find()).isTrue();
			instanceId = id.group(1);
			first.kill();
		}

		try (AppNode second = AppNode.start(logs, "second", settings)) {
			HttpResponse<String> instance = second.client().getWithBasic("/engine-rest/process-instance/" + instanceId,
					"root", "crash-test-secret");
			assertThat(instance.statusCode()).as(instance.body()).isEqualTo(200);
		}
	}
}
