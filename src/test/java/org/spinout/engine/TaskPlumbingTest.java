package org.spinout.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.spinout.journey.JourneyTimers.london;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.journey.JourneyTestEngine;
import org.spinout.journey.TaskEscalation;
import org.spinout.journey.TaskReminder;

/**
 * Models drawn with nothing but a name, candidate group, form and due date per user task get their
 * reminders, escalations and decision mapping from the engine as it reads them; a model can still
 * leave them out or declare its own, and the stored file stays as it was drawn.
 */
class TaskPlumbingTest {

	@RegisterExtension
	static final ProcessEngineExtension engine = JourneyTestEngine.withoutCoverage();

	// Monday 2 March 2026, 9:00: five working days later is Monday 9 March.
	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.at(engine, london(2026, 3, 2, 9, 0));

	@Test
	void aTaskWithADueDateRemindsAndEscalatesThoughTheModelDeclaresNeither() {
		// given a model whose user task has a due date and no listener
		deploy(process("plain", userTask("Prepare", "") + flow("Prepare", "End")));

		// when it starts
		ProcessInstance instance = start("plain");

		// then the task is due at the end of Monday 9 March and the reminder fires two working days
		// before that, at the start of Friday 6 March, and marks the task
		List<Job> timers = timers(instance);
		assertThat(timers).extracting(Job::getDuedate).containsExactly(london(2026, 3, 6, 0, 0),
				london(2026, 3, 10, 0, 0));
		fire(timers.get(0));
		assertThat(taskService().getVariableLocal(task(instance).getId(), TaskReminder.REMINDED_AT)).isNotNull();
		// and the escalation on the due date brings in the programme office
		fire(timers(instance).get(0));
		Task escalated = task(instance);
		assertThat(escalated.getPriority()).isEqualTo(TaskEscalation.ESCALATED_PRIORITY);
		assertThat(taskService().getVariableLocal(escalated.getId(), TaskEscalation.ESCALATED_AT)).isNotNull();
	}

	@Test
	void aDueDateWrittenAsTextInCamundaModelerGetsTimersToo() {
		// given tasks whose due dates are written as Camunda Modeler's field takes them: a date and
		// time, and a duration from the task's start
		deploy(process("text", userTask("Dated", "", "2026-03-09T17:00:00") + flow("Dated", "Later")
				+ userTask("Later", "", "P7D") + flow("Later", "End")));

		// when it starts, then the escalation falls on the due date the task shows
		ProcessInstance instance = start("text");
		assertThat(timers(instance)).extracting(Job::getDuedate).last().isEqualTo(task(instance).getDueDate())
				.isEqualTo(london(2026, 3, 9, 17, 0));

		// and after it, a week from the moment the next task starts
		taskService().complete(task(instance).getId());
		assertThat(timers(instance)).extracting(Job::getDuedate).last().isEqualTo(task(instance).getDueDate())
				.isEqualTo(london(2026, 3, 9, 9, 0));
	}

	@Test
	void theTimersHaveJobDefinitionsAsDeclaredOnesDo() {
		// given / when
		String definitionId = deploy(process("plain", userTask("Prepare", "") + flow("Prepare", "End")));

		// then Cockpit can list and suspend them like any timer of the model
		assertThat(managementService().createJobDefinitionQuery().processDefinitionId(definitionId).list())
				.extracting(JobDefinition::getActivityId, JobDefinition::getJobConfiguration)
				.containsExactlyInAnyOrder(tuple("Prepare", "DATE: " + TaskPlumbing.REMINDER_TIMER),
						tuple("Prepare", "DATE: " + TaskPlumbing.ESCALATION_TIMER));
	}

	@Test
	void theStoredModelIsTheOneTheDesignerDrew() throws Exception {
		// given
		String xml = process("plain", userTask("Prepare", "") + flow("Prepare", "End"));

		// when
		String definitionId = deploy(xml);

		// then
		try (InputStream stored = repositoryService().getProcessModel(definitionId)) {
			assertThat(new String(stored.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(xml);
		}
	}

	@Test
	void aTaskInASubProcessIsPlumbedToo() {
		// given
		deploy(process("nested", """
				<bpmn:subProcess id="Inner">
				  <bpmn:startEvent id="InnerStart"/>
				  %s%s%s
				  <bpmn:endEvent id="InnerEnd"/>
				</bpmn:subProcess>
				""".formatted(flow("InnerStart", "Prepare"), userTask("Prepare", ""), flow("Prepare", "InnerEnd"))
				+ flow("Inner", "End")));

		// when
		ProcessInstance instance = start("nested");

		// then
		assertThat(timers(instance)).hasSize(2);
	}

	@Test
	void remindersOffLeavesBothOut() {
		// given
		deploy(process("quiet", userTask("Prepare", """
				<bpmn:extensionElements>
				  <camunda:properties><camunda:property name="reminders" value="off"/></camunda:properties>
				</bpmn:extensionElements>""") + flow("Prepare", "End")));

		// when
		ProcessInstance instance = start("quiet");

		// then
		assertThat(timers(instance)).isEmpty();
		assertThat(task(instance).getDueDate()).isNotNull();
	}

	@Test
	void aTaskThatDeclaresItsOwnReminderKeepsIt() {
		// given a reminder of the model's own, a day after the start, and no escalation of its own
		deploy(process("own", userTask("Prepare", """
				<bpmn:extensionElements>
				  <camunda:taskListener delegateExpression="${taskReminder}" event="timeout" id="reminder">
				    <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
				  </camunda:taskListener>
				</bpmn:extensionElements>""") + flow("Prepare", "End")));

		// when
		ProcessInstance instance = start("own");

		// then its own reminder stands and the escalation is added
		assertThat(timers(instance)).extracting(Job::getDuedate).containsExactly(
				london(2026, 3, 3, 9, 0), london(2026, 3, 10, 0, 0));
	}

	@Test
	void aReviewerDoesNotFindThePreviousReviewersDecision() {
		// given two reviews in a row, each decided on by a gateway
		deploy(process("reviews", userTask("Review", "") + flow("Review", "Reviewed")
				+ gateway("Reviewed", "Second") + userTask("Second", "") + flow("Second", "SecondReviewed")
				+ gateway("SecondReviewed", "End")));
		ProcessInstance instance = start("reviews");

		// when the first reviewer approves with reasons
		taskService().complete(task(instance).getId(), Map.of("decision", "approve", "decisionReason", "Sound"));

		// then the decision reaches the process
		assertThat(runtimeService().getVariable(instance.getId(), "decision")).isEqualTo("approve");
		// and the second reviewer starts with empty answers of the task's own
		assertThat(taskService().getVariables(task(instance).getId())).containsEntry("decision", null)
				.containsEntry("decisionReason", null);
	}

	@Test
	void aTaskNoGatewayDecidesOnGetsNoDecisionMapping() {
		// given
		deploy(process("plain", userTask("Prepare", "") + flow("Prepare", "End")));
		ProcessInstance instance = start("plain");
		runtimeService().setVariable(instance.getId(), "decision", "approve");

		// when / then the task sees the process's variables as they are
		assertThat(taskService().getVariables(task(instance).getId())).containsEntry("decision", "approve");
	}

	private static ProcessInstance start(String key) {
		return runtimeService().startProcessInstanceByKey(key, Map.of("nation", "england-wales"));
	}

	@Test
	void aModelTheSchemaRefusesIsStillRefusedWithTheSchemasReason() {
		// given a model whose process says it is executable "sometimes"
		String model = process("refused", userTask("Prepare", "") + flow("Prepare", "End"))
				.replace("isExecutable=\"true\"", "isExecutable=\"sometimes\"");

		// when it is deployed, then the engine's parser refuses it, quoting the schema
		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> deploy(model))
				.withMessageContaining("sometimes").withMessageContaining("boolean");
	}

	private void fire(Job job) {
		clock.moveTo(job.getDuedate());
		execute(job);
	}

	private static List<Job> timers(ProcessInstance instance) {
		return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
				.orderByJobDuedate().asc().list();
	}

	private static String deploy(String xml) {
		Deployment deployment = repositoryService().createDeployment()
				.addInputStream("model.bpmn", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
				.deploy();
		engine.manageDeployment(deployment);
		return repositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult()
				.getId();
	}

	/** A process that starts at {@code Start}, runs {@code body} and ends at {@code End}, without a diagram. */
	private static String process(String key, String body) {
		String first = body.substring(body.indexOf("id=\"") + 4, body.indexOf('"', body.indexOf("id=\"") + 4));
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://spinout.org/test">
				  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="1">
				    <bpmn:startEvent id="Start"/>
				    %s%s
				    <bpmn:endEvent id="End"/>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(key, key, flow("Start", first), body);
	}

	private static String userTask(String id, String extensions) {
		return userTask(id, extensions, "${workingDays.fromNow(5, nation)}");
	}

	private static String userTask(String id, String extensions, String dueDate) {
		return """
				<bpmn:userTask id="%s" name="%s" camunda:candidateGroups="legal"
				    camunda:dueDate="%s">%s</bpmn:userTask>
				""".formatted(id, id, dueDate, extensions);
	}

	/** An exclusive gateway that goes on to {@code next} on approval and ends otherwise. */
	private static String gateway(String id, String next) {
		return """
				<bpmn:exclusiveGateway id="%1$s"/>
				<bpmn:sequenceFlow id="Flow_%1$s_approve" sourceRef="%1$s" targetRef="%2$s">
				  <bpmn:conditionExpression>${decision == 'approve'}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				<bpmn:sequenceFlow id="Flow_%1$s_other" sourceRef="%1$s" targetRef="End">
				  <bpmn:conditionExpression>${decision != 'approve'}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				""".formatted(id, next);
	}

	private static String flow(String from, String to) {
		return "<bpmn:sequenceFlow id=\"Flow_%s_%s\" sourceRef=\"%s\" targetRef=\"%s\"/>\n".formatted(from, to, from, to);
	}
}
