package org.spinout.task;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.spinout.access.TaskAccess;
import org.spinout.engine.TaskCommands;
import org.spinout.security.ActingUser;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a task in one transaction: claims it for a candidate who had not, records a
 * decision as a comment, and completes it with the form's values. If another person got there
 * first, the engine refuses and nothing of this attempt is kept; the caller tells the person who
 * completed it.
 * <p>
 * The three calls run as one engine command ({@link org.spinout.engine.CompleteCheckedTask}).
 * Who may complete is decided inside that command, on the task as the command reads it, by the
 * rule of {@link TaskAccess}: its assignee, or a member of one of its candidate groups (claiming
 * then refuses if someone else has the task). The engine's own permission check is left out of
 * that command; claiming, giving back and assigning keep it.
 */
@Component
public class TaskCompletion {

	private final TaskService tasks;

	private final ActingUser acting;

	private final TaskCommands commands;

	TaskCompletion(TaskService tasks, ActingUser acting, TaskCommands commands) {
		this.tasks = tasks;
		this.acting = acting;
		this.commands = commands;
	}

	/**
	 * @throws AuthorizationException when the user is neither the task's assignee nor one of its
	 *         candidates
	 * @throws TaskAlreadyClaimedException when someone else has claimed the task meanwhile
	 */
	@Transactional
	public void complete(Task task, SpinoutUser user, Map<String, Object> values, String decisionComment) {
		acting.run(user, () -> commands.completeChecked(task.getId(), user.id(), (current, candidateGroups) -> TaskAccess.permissions(user, current, candidateGroups).mayTryToComplete(),
				values, decisionComment));
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
