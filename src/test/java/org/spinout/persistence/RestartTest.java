package org.spinout.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.Slow;
import org.spinout.SpinoutApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps everything across a restart of the application. */
@ExtendWith(OutputCaptureExtension.class)
@Slow
class RestartTest {

	@TempDir
	Path dataDir;

	@Test
	void instancesTasksCommentsAttachmentsAndHistorySurviveARestart(CapturedOutput output) {
		String instanceId;
		String taskId;
		try (ConfigurableApplicationContext before = start()) {
			ProcessEngine engine = before.getBean(ProcessEngine.class);
			engine.getRepositoryService().createDeployment()
					.addModelInstance("restart.bpmn", Bpmn.createExecutableProcess("restart")
							.camundaHistoryTimeToLive(1)
							.startEvent().userTask("First").userTask("Second").endEvent().done())
					.deploy();
			ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("restart", "SO-2026-1");
			instanceId = instance.getId();
			TaskService tasks = engine.getTaskService();
			Task first = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
			tasks.createComment(first.getId(), instanceId, "Looks good to me");
			tasks.createAttachment("application/pdf", first.getId(), instanceId, "business-case.pdf", "The case",
					new ByteArrayInputStream("%PDF-1.4 test".getBytes(StandardCharsets.UTF_8)));
			tasks.complete(first.getId());
			taskId = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
		}
		assertThat(output).contains("No administrator exists and none is configured");

		try (ConfigurableApplicationContext after = start("--spinout.admin.username=root",
				"--spinout.admin.password=a-long-secret")) {
			ProcessEngine engine = after.getBean(ProcessEngine.class);
			TaskService tasks = engine.getTaskService();
			HistoryService history = engine.getHistoryService();

			assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
					.singleResult().getBusinessKey()).isEqualTo("SO-2026-1");
			assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getTaskDefinitionKey()).isEqualTo("Second");
			List<Comment> comments = tasks.getProcessInstanceComments(instanceId);
			assertThat(comments).extracting(Comment::getFullMessage).containsExactly("Looks good to me");
			List<Attachment> attachments = tasks.getProcessInstanceAttachments(instanceId);
			assertThat(attachments).extracting(Attachment::getName).containsExactly("business-case.pdf");
			assertThat(tasks.getAttachmentContent(attachments.get(0).getId()))
					.hasContent("%PDF-1.4 test");
			assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
					.activityId("First").finished().count()).isEqualTo(1);
			IdentityService identity = engine.getIdentityService();
			assertThat(identity.createUserQuery().userId("root").memberOfGroup("camunda-admin").count()).isEqualTo(1);
			assertThat(output).doesNotContain("a-long-secret");
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		// No web applications and its own engine name: Camunda's web applications and engines register
		// JVM-wide, and closing this context must not take them away from other tests' contexts.
		String[] args = new String[extra.length + 6];
		args[0] = "--spinout.data-dir=" + dataDir;
		args[1] = "--server.port=0";
		args[2] = "--camunda.bpm.job-execution.enabled=false";
		args[3] = "--spring.main.banner-mode=off";
		args[4] = "--camunda.bpm.process-engine-name=restarttest";
		args[5] = "--camunda.bpm.webapp.enabled=false";
		System.arraycopy(extra, 0, args, 6, extra.length);
		return new SpringApplicationBuilder(SpinoutApplication.class).run(args);
	}
}
