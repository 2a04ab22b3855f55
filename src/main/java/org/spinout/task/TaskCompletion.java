package org.spinout.task;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.spinout.access.TaskAccess;
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
 * The three calls run as one engine command, which reads the task, its process and its groups
 * once and writes the task once. Who may complete is decided inside that command, on the task
 * as the command reads it, by {@link TaskAccess} ({@code mayTryToComplete}): its assignee, or a
 * member of one of its candidate groups. The engine's own permission check is left out of this
 * command: under Spinout's authorizations it asks the same question of the authorization table,
 * and building and parsing that query took a quarter of this path's time. Claiming, giving back and
 * assigning keep the engine's check.
 */
@Component
public class TaskCompletion {

	private final TaskService tasks;

	private final ActingUser acting;

	private final CommandExecutor oneCommand;

	TaskCompletion(TaskService tasks, ActingUser acting, ProcessEngineConfiguration engine) {
		this.tasks = tasks;
		this.acting = acting;
		this.oneCommand = ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired();
	}

	/**
	 * @throws AuthorizationException when the user is neither the task's assignee nor one of its
	 *         candidates
	 * @throws TaskAlreadyClaimedException when someone else has claimed the task meanwhile
	 */
	@Transactional
	public void complete(Task task, SpinoutUser user, Map<String, Object> values, String decisionComment) {
		acting.run(user, () -> oneCommand.execute(commandContext -> {
			TaskEntity current = commandContext.getTaskManager().findTaskById(task.getId());
			if (current == null) {
				throw new NotFoundException("No open task " + task.getId());
			}
			if (!TaskAccess.permissions(user, current,
					TaskAccess.candidateGroups(current.getIdentityLinks())).mayTryToComplete()) {
				throw new AuthorizationException(user.id(), Permissions.TASK_WORK.getName(), Resources.TASK.resourceName(),
						current.getId());
			}
			commandContext.disableAuthorizationCheck();
			try {
				if (current.getAssignee() == null || !current.getAssignee().equals(user.id())) {
					tasks.claim(current.getId(), user.id());
				}
				if (decisionComment != null) {
					tasks.createComment(current.getId(), current.getProcessInstanceId(), decisionComment);
				}
				tasks.complete(current.getId(), values);
			}
			finally {
				commandContext.enableAuthorizationCheck();
			}
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
