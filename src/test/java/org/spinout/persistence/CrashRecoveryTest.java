package org.spinout.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.AppNode;
import org.spinout.WebClient;

/**
 * A process started through the REST API is still there after the application is killed
 * without warning (SIGKILL) and started again: what the caller was told is saved is on disk.
 */
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
							    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="spinout">
							  <process id="crash" name="Crash" isExecutable="true" camunda:historyTimeToLive="1">
							    <startEvent id="start"/>
							    <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
							    <userTask id="wait" camunda:candidateGroups="programme-managers"/>
							  </process>
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
