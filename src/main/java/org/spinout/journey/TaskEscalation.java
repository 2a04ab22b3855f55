package org.spinout.journey;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.spinout.contract.CandidateGroups;
import org.spinout.notification.TaskNotifications;
import org.springframework.stereotype.Component;

/**
 * Escalates an overdue user task to the programme office: it becomes visible to
 * {@code programme-managers}, rises in priority, records {@code escalatedAt} and tells its assignee
 * and the programme managers. Runs as the
 * {@code timeout} listener with id {@code escalation}, without changing the process flow.
 */
@Component("taskEscalation")
public class TaskEscalation implements TaskListener {

	public static final String ESCALATED_AT = "escalatedAt";
	/** Above Camunda's default of 50, so escalated tasks sort first in task lists. */
	public static final int ESCALATED_PRIORITY = 80;

	private final TaskNotifications notifications;

	private final Clock clock;

	public TaskEscalation(TaskNotifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		// Timer jobs run at least once: escalate only the first time.
		if (task.getVariableLocal(ESCALATED_AT) != null) {
			return;
		}
		if (!isCandidate(task)) {
			task.addCandidateGroup(CandidateGroups.PROGRAMME_MANAGERS);
		}
		task.setPriority(Math.max(task.getPriority(), ESCALATED_PRIORITY));
		task.setVariableLocal(ESCALATED_AT, Date.from(clock.instant()));
		notifications.escalated(task);
	}

	private static boolean isCandidate(DelegateTask task) {
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())
					&& CandidateGroups.PROGRAMME_MANAGERS.equals(link.getGroupId())) {
				return true;
			}
		}
		return false;
	}
}
