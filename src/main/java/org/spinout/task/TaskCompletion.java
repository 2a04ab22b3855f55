package org.spinout.task;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.spinout.security.ActingUser;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a task in one transaction: claims it for a candidate who had not, records a
 * decision as a comment, and completes it with the form's values. If another person got there
 * first, the engine refuses and nothing of this attempt is kept. The calls stay separate engine
 * commands: each writes before the next, so a claim on a task someone has just completed fails at
 * once, cleanly, rather than the completion running on what that person already changed.
 */
@Component
public class TaskCompletion {

	private final TaskService tasks;

	private final ActingUser acting;

	TaskCompletion(TaskService tasks, ActingUser acting) {
		this.tasks = tasks;
		this.acting = acting;
	}

	@Transactional
	public void complete(Task task, SpinoutUser user, Map<String, Object> values, String decisionComment) {
		acting.run(user, () -> {
			if (task.getAssignee() == null) {
				tasks.claim(task.getId(), user.id());
			}
			if (decisionComment != null) {
				tasks.createComment(task.getId(), task.getProcessInstanceId(), decisionComment);
			}
			tasks.complete(task.getId(), values);
		});
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
