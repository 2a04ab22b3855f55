package org.spinout.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Completes one task as one engine command: claims it for the person if they have not, records a
 * comment, and completes it with the given values. The command reads the task, its process and its
 * groups once and writes the task once.
 *
 * <p>Who may complete is the caller's {@link Rule}, asked on the task as this command reads it; the
 * engine's own permission check is then switched off for the three calls. Under Spinout's
 * authorizations that check asks the same question of the authorization table, and building and
 * parsing its query took a quarter of this path's time. A person the rule refuses gets the
 * engine's own {@link AuthorizationException}; one who lost a race to claim gets the engine's
 * {@code TaskAlreadyClaimedException}, as from the engine's API. See
 * {@code docs/decisions/complete-checked-task.md}.
 */
public final class CompleteCheckedTask implements Command<Void> {

	/** Whether the person may complete the task, offered to the given candidate groups. */
	public interface Rule {

		boolean allows(Task task, List<String> candidateGroups);
	}

	private final TaskService tasks;

	private final String taskId;

	private final String userId;

	private final Rule mayComplete;

	private final Map<String, Object> values;

	private final String comment;

	CompleteCheckedTask(TaskService tasks, String taskId, String userId, Rule mayComplete, Map<String, Object> values,
			String comment) {
		this.tasks = tasks;
		this.taskId = taskId;
		this.userId = userId;
		this.mayComplete = mayComplete;
		this.values = values;
		this.comment = comment;
	}

	@Override
	public Void execute(CommandContext commandContext) {
		TaskEntity current = commandContext.getTaskManager().findTaskById(taskId);
		if (current == null) {
			throw new NotFoundException("No open task " + taskId);
		}
		if (!mayComplete.allows(current, candidateGroups(current))) {
			throw new AuthorizationException(userId, Permissions.TASK_WORK.getName(), Resources.TASK.resourceName(),
					current.getId());
		}
		commandContext.disableAuthorizationCheck();
		try {
			if (!userId.equals(current.getAssignee())) {
				tasks.claim(current.getId(), userId);
			}
			if (comment != null) {
				tasks.createComment(current.getId(), current.getProcessInstanceId(), comment);
			}
			tasks.complete(current.getId(), values);
		}
		finally {
			commandContext.enableAuthorizationCheck();
		}
		return null;
	}

	private static List<String> candidateGroups(TaskEntity task) {
		return task.getIdentityLinks().stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
				.map(link -> link.getGroupId())
				.distinct()
				.toList();
	}
}
