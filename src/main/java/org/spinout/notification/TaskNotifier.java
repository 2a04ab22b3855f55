package org.spinout.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.spinout.contract.Variables;
import org.spinout.identity.People;
import org.spinout.engine.EveryUserTaskListener;
import org.spinout.engine.SignedIn;
import org.spinout.identity.Role;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Component;

/**
 * Tells people about work: the engine adds it to every user task ({@link EveryUserTaskListener}) for
 * "create" (the task is available to its candidate groups' members, where the group wants to be
 * told) and "assignment" (to the new assignee), and called by the reminder and escalation listeners.
 *
 * <p>It takes the engine's services from the task rather than by injection: it is built before the
 * engine, which it is part of.
 */
@Component
class TaskNotifier implements EveryUserTaskListener, TaskNotifications {

	static final String PROGRAMME_REFERENCE = "programmeReference";

	private final Outbox outbox;
	private final NotificationProperties properties;

	TaskNotifier(Outbox outbox, NotificationProperties properties) {
		this.outbox = outbox;
		this.properties = properties;
	}

	@Override
	public Set<String> events() {
		return Set.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT);
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			if (task.getAssignee() == null) {
				record(task, NotificationKind.TASK_AVAILABLE, couldTake(task));
			}
		}
		else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null
				&& !task.getAssignee().equals(actor(task))) {
			record(task, NotificationKind.TASK_ASSIGNED, Set.of(task.getAssignee()));
		}
	}

	@Override
	public void reminded(DelegateTask task) {
		record(task, NotificationKind.TASK_REMINDER, responsible(task));
	}

	@Override
	public void escalated(DelegateTask task) {
		Set<String> recipients = new LinkedHashSet<>(responsible(task));
		recipients.addAll(members(task, Role.PROGRAMME_MANAGERS.groupId()));
		record(task, NotificationKind.TASK_OVERDUE, recipients);
	}

	private void record(DelegateTask task, NotificationKind kind, Set<String> recipients) {
		String reference = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
		if (reference == null && task.getVariable(PROGRAMME_REFERENCE) != null) {
			reference = task.getVariable(PROGRAMME_REFERENCE).toString();
		}
		Object programmeName = task.getVariable(Variables.PROGRAMME_NAME);
		String name = programmeName == null ? null : programmeName.toString();
		String subject = subject(kind, task, reference);
		List<NewNotification> notifications = new ArrayList<>();
		for (String recipient : recipients) {
			notifications.add(new NewNotification(recipient, kind, subject, reference, name, task.getId(),
					task.getName(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
					task.getDescription(), "/tasks/" + task.getId()));
		}
		outbox.record(notifications);
	}

	private static String subject(NotificationKind kind, DelegateTask task, String reference) {
		String what = task.getName() + (reference == null ? "" : " (" + reference + ")");
		String due = task.getDueDate() == null ? "" : " " + LondonTime.due(task.getDueDate().toInstant());
		return switch (kind) {
			case TASK_ASSIGNED -> "Assigned to you: " + what;
			case TASK_AVAILABLE -> "New task for your team: " + what;
			case TASK_REMINDER -> "Reminder, due" + due + ": " + what;
			case TASK_OVERDUE -> "Overdue: " + what;
			default -> throw new IllegalArgumentException(kind + " is not about a task");
		};
	}

	/** The assignee, or while nobody has taken the task, whoever could. */
	private Set<String> responsible(DelegateTask task) {
		return task.getAssignee() != null ? Set.of(task.getAssignee()) : couldTake(task);
	}

	/** The task's candidate users and the members of its candidate groups that want to be told. */
	private Set<String> couldTake(DelegateTask task) {
		Set<String> people = new LinkedHashSet<>();
		Map<String, Set<String>> seen = new HashMap<>();
		for (IdentityLink link : task.getCandidates()) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getUserId() != null) {
				people.add(link.getUserId());
			}
			else if (link.getGroupId() != null && properties.tellsMembersOf(link.getGroupId())) {
				people.addAll(seen.computeIfAbsent(link.getGroupId(), group -> members(task, group)));
			}
		}
		return people;
	}

	private static Set<String> members(DelegateTask task, String group) {
		return new People(identity(task)).membersOf(group).stream().map(People.Person::id)
				.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** Who made the change, when the engine knows: nobody needs telling what they just did themselves. */
	private static String actor(DelegateTask task) {
		return SignedIn.to(identity(task)).map(SignedIn::userId).orElse(null);
	}

	private static IdentityService identity(DelegateTask task) {
		return task.getProcessEngineServices().getIdentityService();
	}
}
