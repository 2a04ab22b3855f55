package org.spinout.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.spinout.engine.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Findings 1 and 2 of the security review: a process designer made the server run a command
 * (camunda:type="shell"), and the activiti: namespace walked past the policy. Each such model
 * is sent through every way in, as a process a timer starts a second after deployment; each way
 * refuses it with 400 naming the element, nothing is deployed, and when the clock has moved past
 * the timer and every due job of that process has run, the command has not run.
 */
@SpinoutWebTest
class DeploymentDoorsTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@TempDir
	static Path folder;

	/** A model that would run {@code touch marker} on the server, and what the refusal must say. */
	record Attempt(String name, String key, String step, String refusal) {

		String model() {
			return PolicyModels.timed(key, step.replace("MARKER", marker().toString()));
		}

		@Override
		public String toString() {
			return name;
		}
	}

	static Path marker() {
		return folder.resolve("marker");
	}

	static Stream<Attempt> attempts() {
		return Stream.of(
				new Attempt("camunda:type shell", "doors-shell", shell("camunda", "camunda:type=\"shell\""),
						"has camunda:type on <serviceTask>"),
				new Attempt("activiti:type shell", "doors-activiti-shell", shell("activiti", "activiti:type=\"shell\""),
						"has activiti:type on <serviceTask>"),
				new Attempt("another prefix bound to Camunda's namespace", "doors-prefix-shell",
						shell("x", "x:type=\"shell\""), "has x:type on <serviceTask>"),
				new Attempt("activiti:class of the engine's shell behaviour", "doors-activiti-class", shell("activiti",
						"activiti:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior\""),
						"runs the class 'org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior'"),
				new Attempt("activiti:script in a listener", "doors-activiti-script", """
						<serviceTask id="Run" name="Run" camunda:expression="${true}">
						  <extensionElements>
						    <activiti:executionListener event="start">
						      <activiti:script scriptFormat="groovy">'touch MARKER'.execute()</activiti:script>
						    </activiti:executionListener>
						  </extensionElements>
						</serviceTask>
						""", "holds <activiti:script>"));
	}

	/** A service task that runs /bin/sh -c "touch marker", with its fields in the given prefix. */
	private static String shell(String prefix, String how) {
		return """
				<serviceTask id="Run" name="Run a command" %2$s>
				  <extensionElements>
				    <%1$s:field name="command"><%1$s:string>/bin/sh</%1$s:string></%1$s:field>
				    <%1$s:field name="arg1"><%1$s:string>-c</%1$s:string></%1$s:field>
				    <%1$s:field name="arg2"><%1$s:string>touch MARKER</%1$s:string></%1$s:field>
				    <%1$s:field name="wait"><%1$s:string>true</%1$s:string></%1$s:field>
				  </extensionElements>
				</serviceTask>
				""".formatted(prefix, how);
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attempts")
	void theRestApiRefusesItAndNothingRuns(Attempt attempt) {
		// given
		long before = repository.createDeploymentQuery().count();

		// when a designer and an administrator deploy it, as Camunda Modeler does
		HttpResponse<String> designer = new WebClient(port).deployWithBasic(
				Map.of(attempt.key() + ".bpmn", attempt.model()), "designer", "demo");
		HttpResponse<String> admin = new WebClient(port).deployWithBasic(
				Map.of(attempt.key() + ".bpmn", attempt.model()), "admin", "demo");

		// then
		for (HttpResponse<String> answer : java.util.List.of(designer, admin)) {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
			assertThat(answer.body()).contains("\"elementId\":\"Run\"").contains(attempt.refusal());
		}
		assertNothingDeployedOrRun(attempt, before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attempts")
	void theUploadPageRefusesItAndNothingRuns(Attempt attempt) {
		// given
		long before = repository.createDeploymentQuery().count();
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");

		// when
		HttpResponse<String> answer = designer.postFiles("/designer/upload", "/designer/upload",
				Map.of(attempt.key() + ".bpmn", attempt.model()));

		// then
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("Run").contains(html(attempt.refusal()));
		assertNothingDeployedOrRun(attempt, before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attempts")
	void theEditorRefusesItAndNothingRuns(Attempt attempt) throws Exception {
		// given
		long before = repository.createDeploymentQuery().count();
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		String edited = new ObjectMapper().writeValueAsString(Map.of("fileName", attempt.key() + ".bpmn", "content",
				attempt.model(), "checkOnly", false));

		// when
		HttpResponse<String> answer = designer.postJson("/designer", "/designer/deploy", edited);

		// then
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).contains("Run").contains(attempt.refusal());
		assertNothingDeployedOrRun(attempt, before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attempts")
	void camundasWebApplicationsRefuseItAndNothingRuns(Attempt attempt) {
		// given an administrator signed in to Camunda's web applications, with their CSRF token
		long before = repository.createDeploymentQuery().count();
		WebClient admin = new WebClient(port);
		admin.signIn("admin", "demo");
		admin.get("/camunda/app/cockpit/default/");
		PolicyModels.Multipart upload = PolicyModels.Multipart.of("data", attempt.key() + ".bpmn", attempt.model());

		// when
		HttpResponse<String> answer = admin.send("POST", "/camunda/api/engine/engine/default/deployment/create",
				upload.headers(Map.of("X-XSRF-TOKEN", admin.cookie("XSRF-TOKEN"))),
				HttpRequest.BodyPublishers.ofString(upload.body()));

		// then
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).contains("Run").contains(attempt.refusal());
		assertNothingDeployedOrRun(attempt, before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attempts")
	void theEngineRefusesItWhateverTheWayIn(Attempt attempt) {
		// given
		long before = repository.createDeploymentQuery().count();

		// when / then
		assertThatThrownBy(() -> repository.createDeployment().addString(attempt.key() + ".bpmn", attempt.model())
				.deploy())
				.isInstanceOf(ParseException.class)
				.hasMessageContaining("Run")
				.hasMessageContaining(attempt.refusal());
		assertNothingDeployedOrRun(attempt, before);
	}

	/** Nothing was deployed; and once the timer is due, running every due job of that process runs nothing. */
	private void assertNothingDeployedOrRun(Attempt attempt, long deploymentsBefore) {
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(attempt.key()).count()).isZero();
		TestClock.moveTo(Instant.now().plus(Duration.ofMinutes(1)));
		for (Job due : management.createJobQuery().processDefinitionKey(attempt.key()).executable().list()) {
			management.executeJob(due.getId());
		}
		assertThat(Files.exists(marker())).as("the command ran").isFalse();
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;").replace("<", "&lt;")
				.replace(">", "&gt;");
	}
}
