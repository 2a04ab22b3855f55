package org.spinout.task;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.spinout.security.ActingUser;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a task in one transaction: claims it for a candidate who had not, records a
 * decision as a comment, and completes it with the form's values. If another person got there
 * first, the engine refuses and nothing of this attempt is kept. The three calls share one
 * engine command, as calls from a delegate do: the task is read once and the database written
 * once, at the end.
 */
@Component
public class TaskCompletion {

	private final TaskService tasks;

	private final ActingUser acting;

	private final CommandExecutor engine;

	TaskCompletion(TaskService tasks, ActingUser acting, ProcessEngineConfigurationImpl configuration) {
		this.tasks = tasks;
		this.acting = acting;
		this.engine = configuration.getCommandExecutorTxRequired();
	}

	@Transactional
	public void complete(Task task, SpinoutUser user, Map<String, Object> values, String decisionComment) {
		acting.run(user, () -> engine.execute(oneCommand -> {
			if (task.getAssignee() == null) {
				tasks.claim(task.getId(), user.id());
			}
			if (decisionComment != null) {
				tasks.createComment(task.getId(), task.getProcessInstanceId(), decisionComment);
			}
			tasks.complete(task.getId(), values);
			return null;
		}));
	}

	void claim(String taskId, SpinoutUser user) {
		acting.run(user, () -> tasks.claim(taskId, user.id()));
	}

	void unclaim(String taskId, SpinoutUser user) {
		acting.run(user, () -> tasks.setAssignee(taskId, null));
	}

	void assign(String taskId, String assignee, SpinoutUser user) {
		acting.run(user, () -> tasks.setAssignee(taskId, assignee));
	}
}
