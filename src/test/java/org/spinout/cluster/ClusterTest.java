package org.spinout.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.AppNode;
import org.spinout.Poll;
import org.spinout.Slow;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.postgres.PostgresTestDatabase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two Spinout nodes, each in its own JVM, share one PostgreSQL database, as a cluster does. The
 * timers here run on the real clock (a few seconds): the nodes are separate processes, so the
 * engine clock of the test cannot be moved for them; the test polls with a bound. Both nodes send
 * e-mail, every half second, to one real SMTP server (GreenMail) in the test's JVM.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Slow
class ClusterTest {

	private static final String ADMIN = "root";

	private static final String SECRET = "cluster-test-secret";

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	@TempDir
	static Path logs;

	AppNode nodeA;

	AppNode nodeB;

	GreenMail smtp;

	String database;

	String url;

	@BeforeAll
	void startTwoNodes() {
		assumeTrue(PostgresTestDatabase.isOn(), "the cluster tests need PostgreSQL: -Dspinout.test.database=postgres");
		database = "spinout_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		url = PostgresTestDatabase.create(database);
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		smtp.start();
		String[] settings = { "--spring.profiles.active=demo,postgres", "--spinout.demo.programmes=false",
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresTestDatabase.user(),
				"--spring.datasource.password=" + PostgresTestDatabase.password(),
				"--spinout.admin.username=" + ADMIN, "--spinout.admin.password=" + SECRET,
				"--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
				"--camunda.bpm.job-execution.lock-time-in-millis=4000",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--spinout.notifications.send-interval=PT0.5S", "--spinout.notifications.batch-size=2" };
		nodeA = AppNode.start(logs, "node-a", settings);
		nodeB = AppNode.start(logs, "node-b", settings);
		deploy(nodeA.client(), "cluster-timer", "PT3S");
	}

	@AfterAll
	void stopNodes() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (database != null) {
			PostgresTestDatabase.drop(database);
		}
	}

	@Test
	@Order(1)
	void aTimerDueWhileBothNodesRunFiresExactlyOnce() {
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			instances.add(start(i % 2 == 0 ? nodeA.client() : nodeB.client(), "cluster-timer"));
		}

		Poll.until(() -> passed(nodeA.client(), instances) == instances.size(), Duration.ofSeconds(60),
				"every timer fired");

		for (String instance : instances) {
			assertThat(count(nodeB.client(), "/engine-rest/history/activity-instance/count?processInstanceId="
					+ instance + "&activityId=afterTimer")).as("the step after the timer ran once").isEqualTo(1);
		}
		assertThat(count(nodeA.client(), "/engine-rest/history/job-log/count?successLog=true"
				+ "&jobDefinitionType=timer-intermediate-transition&processDefinitionKey=cluster-timer"))
				.as("one successful timer job per instance").isEqualTo(instances.size());
	}

	@Test
	@Order(2)
	void aProgrammeStartedOnOneNodeIsWorkedOnTheOther() {
		WebClient manager = nodeA.client();
		manager.signIn("manager", "demo");
		String reference = TestProgrammes.startThroughTheForm(manager, "Cluster Libraries");

		WebClient board = nodeB.client();
		board.signIn("board", "demo");
		String tasks = board.getWithBasic("/engine-rest/task?maxResults=5&processInstanceBusinessKey="
				+ reference + "&taskDefinitionKey=" + TestProgrammes.FIRST_TASK, ADMIN, SECRET).body();
		Matcher taskId = ID.matcher(tasks);
		assertThat(taskId.find()).as(tasks).isTrue();
		HttpResponse<String> completed = board.postWithToken("/tasks/" + taskId.group(1) + "/complete",
				TestProgrammes.firstTaskForm());

		assertThat(completed.statusCode()).isEqualTo(302);
		assertThat(count(nodeA.client(), "/engine-rest/task/count?processInstanceBusinessKey=" + reference
				+ "&taskDefinitionKey=" + TestProgrammes.SECOND_TASK)).isEqualTo(1);
	}

	@Test
	@Order(3)
	void bothNodesSendTheOutboxAndEachEmailGoesOnce() throws MessagingException {
		WebClient onA = nodeA.client();
		WebClient onB = nodeB.client();
		onA.signIn("manager", "demo");
		onB.signIn("manager", "demo");
		for (int i = 0; i < 8; i++) {
			TestProgrammes.startThroughTheForm(i % 2 == 0 ? onA : onB, "Cluster Museums " + i);
		}

		Poll.until(() -> outbox("mail_status = 'PENDING'") == 0 && outbox("mail_status = 'SENT'") > 8,
				Duration.ofSeconds(60), "both nodes sent the outbox");
		long sent = outbox("mail_status = 'SENT'");
		Poll.until(() -> smtp.getReceivedMessages().length >= sent, Duration.ofSeconds(10),
				"the mail server received every e-mail sent");

		List<String> received = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			received.add(message.getMessageID());
		}
		Set<String> distinct = new HashSet<>(received);
		assertThat(received).as("each e-mail arrived once").hasSize(distinct.size());
		assertThat(received).as("one e-mail per notification marked sent").hasSize((int) sent);
		assertThat(outbox("mail_status = 'FAILED' OR attempts > 1")).as("nothing failed or went twice").isZero();
		// a run logs what it sent once it has finished
		Poll.until(() -> sentPerLog(nodeA) + sentPerLog(nodeB) == received.size(), Duration.ofSeconds(10),
				"the nodes' own account matches what arrived");
		assertThat(sentPerLog(nodeA)).as("node A sent some").isPositive();
		assertThat(sentPerLog(nodeB)).as("node B sent some").isPositive();
	}

	/** What a node's log says it sent: the sender logs each run that sent anything. */
	private static long sentPerLog(AppNode node) {
		try {
			Matcher sent = Pattern.compile("E-mails sent: (\\d+)").matcher(Files.readString(node.log()));
			long total = 0;
			while (sent.find()) {
				total += Long.parseLong(sent.group(1));
			}
			return total;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	@Order(4)
	void whenANodeStopsTheOtherCarriesItsTimers() {
		deploy(nodeA.client(), "cluster-failover", "PT6S");
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			instances.add(start(nodeA.client(), "cluster-failover"));
		}

		nodeA.kill();

		Poll.until(() -> passed(nodeB.client(), instances) == instances.size(), Duration.ofSeconds(60),
				"node B fired node A's timers");
		assertThat(nodeA.isAlive()).isFalse();
		for (String instance : instances) {
			assertThat(count(nodeB.client(), "/engine-rest/history/activity-instance/count?processInstanceId="
					+ instance + "&activityId=afterTimer")).isEqualTo(1);
		}
	}

	/** How many outbox rows match the condition, read straight from the shared database. */
	private long outbox(String condition) {
		try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.user(),
				PostgresTestDatabase.password());
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM spinout_notification WHERE "
						+ "delivery = 'IMMEDIATE' AND (" + condition + ")")) {
			count.next();
			return count.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A process that waits on a timer, then passes a step and waits for good. */
	private static void deploy(WebClient client, String key, String delay) {
		HttpResponse<String> deployed = client.postMultipartWithBasic("/engine-rest/deployment/create", key + ".bpmn",
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
						    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
						    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
						    xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
						    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="spinout">
						  <process id="%s" name="Cluster check" isExecutable="true" camunda:historyTimeToLive="1">
						    <startEvent id="start"/>
						    <sequenceFlow id="f1" sourceRef="start" targetRef="timer"/>
						    <intermediateCatchEvent id="timer">
						      <timerEventDefinition><timeDuration>%s</timeDuration></timerEventDefinition>
						    </intermediateCatchEvent>
						    <sequenceFlow id="f2" sourceRef="timer" targetRef="afterTimer"/>
						    <manualTask id="afterTimer" name="After the timer"/>
						    <sequenceFlow id="f3" sourceRef="afterTimer" targetRef="wait"/>
						    <intermediateCatchEvent id="wait">
						      <timerEventDefinition><timeDate>2099-01-01T00:00:00</timeDate></timerEventDefinition>
						    </intermediateCatchEvent>
						  </process>
						  <bpmndi:BPMNDiagram id="diagram">
						    <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
						      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
						      <bpmndi:BPMNShape id="timer_di" bpmnElement="timer"><dc:Bounds x="200" y="100" width="36" height="36"/></bpmndi:BPMNShape>
						      <bpmndi:BPMNShape id="after_di" bpmnElement="afterTimer"><dc:Bounds x="300" y="78" width="100" height="80"/></bpmndi:BPMNShape>
						      <bpmndi:BPMNShape id="wait_di" bpmnElement="wait"><dc:Bounds x="460" y="100" width="36" height="36"/></bpmndi:BPMNShape>
						      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
						      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="236" y="118"/><di:waypoint x="300" y="118"/></bpmndi:BPMNEdge>
						      <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="400" y="118"/><di:waypoint x="460" y="118"/></bpmndi:BPMNEdge>
						    </bpmndi:BPMNPlane>
						  </bpmndi:BPMNDiagram>
						</definitions>
						""".formatted(key, delay), ADMIN, SECRET);
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
	}

	/** How many of the instances have passed their timer. */
	private static long passed(WebClient client, List<String> instances) {
		return instances.stream().filter(instance -> count(client, "/engine-rest/history/activity-instance/count"
				+ "?processInstanceId=" + instance + "&activityId=afterTimer") > 0).count();
	}

	private static String start(WebClient client, String key) {
		HttpResponse<String> started = client.postJsonWithBasic("/engine-rest/process-definition/key/" + key + "/start",
				"{}", ADMIN, SECRET);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		Matcher id = ID.matcher(started.body());
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

	private static long count(WebClient client, String url) {
		String body = client.getWithBasic(url, ADMIN, SECRET).body();
		Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(body);
		assertThat(count.find()).as(body).isTrue();
		return Long.parseLong(count.group(1));
	}
}
