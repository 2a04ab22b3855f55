package org.spinout.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.spinout.contract.CandidateGroups;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;

/**
 * Decides what a person may do with an open task. Its assignee and the members of its candidate
 * groups may see and work on it; programme managers may see every task and reassign it, but
 * decide only where they are candidates themselves. Spinout checks this itself on every
 * request, since its pages call the engine on the application's behalf.
 */
@Component
public class TaskAccess {

	private final TaskService tasks;

	TaskAccess(TaskService tasks) {
		this.tasks = tasks;
	}

	/** The task and what the user may do with it; empty when the task is not open. */
	public Optional<Permissions> of(SpinoutUser user, String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return Optional.empty();
		}
		List<String> groups;
		try {
			groups = candidateGroups(taskId);
		}
		catch (RuntimeException failure) {
			// completed between the two reads: the engine then fails on the task's missing execution
			if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
				return Optional.empty();
			}
			throw failure;
		}
		return Optional.of(permissions(user, task, groups));
	}

	/** What the user may do with a task offered to the given candidate groups. */
	public static Permissions permissions(SpinoutUser user, Task task, List<String> candidateGroups) {
		return new Permissions(task, candidateGroups, user.id().equals(task.getAssignee()),
				candidateGroups.stream().anyMatch(user::isMemberOf), seesEveryTask(user));
	}

	/** The list of every open task, and every task page: the programme office. */
	public static boolean seesEveryTask(SpinoutUser user) {
		return user.isMemberOf(CandidateGroups.PROGRAMME_MANAGERS);
	}

	List<String> candidateGroups(String taskId) {
		return candidateGroups(tasks.getIdentityLinksForTask(taskId));
	}

	/** The candidate groups among a task's identity links. */
	public static List<String> candidateGroups(Collection<? extends IdentityLink> links) {
		return links.stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
				.map(IdentityLink::getGroupId)
				.distinct()
				.toList();
	}

	public record Permissions(Task task, List<String> candidateGroups, boolean isAssignee, boolean isCandidate,
			boolean isManager) {

		public boolean canSee() {
			return isAssignee || isCandidate || isManager;
		}

		/** Claim: a candidate takes an unassigned task. */
		public boolean canClaim() {
			return isCandidate && task.getAssignee() == null;
		}

		public boolean canUnclaim() {
			return isAssignee;
		}

		/** Assign to another member of the task's groups: its assignee, or a programme manager. */
		public boolean canAssign() {
			return isAssignee || isManager || (isCandidate && task.getAssignee() == null);
		}

		/** Complete: the assignee, or a candidate while nobody has claimed it. */
		public boolean canComplete() {
			return isAssignee || (isCandidate && task.getAssignee() == null);
		}

		/**
		 * Try to complete, where the task may change meanwhile: the assignee or any candidate. A
		 * candidate then claims it first, which the engine refuses if someone else got there first;
		 * so the person is told who did, rather than that they may not.
		 */
		public boolean mayTryToComplete() {
			return isAssignee || isCandidate;
		}
	}
}
