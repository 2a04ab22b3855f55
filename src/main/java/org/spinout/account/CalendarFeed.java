package org.spinout.account;

import java.util.ArrayList;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.spinout.access.ProgrammeAccess;
import org.spinout.deadline.Deadline;
import org.spinout.deadline.ProgrammeDeadlines;
import org.spinout.deadline.ICalendar;
import org.spinout.identity.People;
import org.spinout.web.SiteAddress;
import org.spinout.security.SpinoutUser;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Component;

/**
 * A person's calendar: the due dates of their open tasks (assigned to them, or offered to their
 * groups) and the statutory deadlines of the programmes they take part in, each as an all-day event
 * on its last day. Event ids stay the same from one fetch to the next, so calendar programs update
 * an event rather than add another.
 */
@Component
class CalendarFeed {

	static final String PRODUCT = "-//Spinout//Tasks and deadlines//EN";

	/** Enough for any one person's open work; a feed is not an archive. */
	private static final int MAX_TASKS = 500;

	private final TaskService tasks;
	private final RuntimeService runtime;
	private final People people;
	private final ProgrammeAccess access;
	private final ProgrammeDeadlines deadlines;
	private final SiteAddress site;
	private final Clock clock;

	CalendarFeed(TaskService tasks, RuntimeService runtime, People people, ProgrammeAccess access,
			ProgrammeDeadlines deadlines, SiteAddress site, Clock clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.people = people;
		this.access = access;
		this.deadlines = deadlines;
		this.site = site;
		this.clock = clock;
	}

	/** The person's calendar as iCalendar text. */
	String of(String userId) {
		SpinoutUser user = user(userId);
		List<ICalendar.Event> events = new ArrayList<>();
		List<Task> open = openTasks(user);
		Map<String, String> references = references(open);
		for (Task task : open) {
			String reference = references.get(task.getProcessInstanceId());
			events.add(new ICalendar.Event("task-" + task.getId(), LondonTime.dueDay(task.getDueDate().toInstant()),
					"Due: " + task.getName() + (reference == null ? "" : " (" + reference + ")"),
					"Due " + LondonTime.due(task.getDueDate().toInstant()) + "."
							+ (task.getDescription() == null ? "" : "\n\n" + task.getDescription()),
					site.of("/tasks/" + task.getId()), null));
		}
		List<String> programmes = access.runningProgrammes(user);
		for (List<Deadline> ofProgramme : deadlines.of(programmes).values()) {
			for (Deadline deadline : ofProgramme) {
				String reference = deadline.programmeReference();
				events.add(new ICalendar.Event(
						"deadline-" + deadline.programmeId() + "-" + deadline.key().replace(':', '-'), deadline.day(),
						(deadline.breached() ? "Passed: " : "") + deadline.label() + " (" + reference + ")",
						deadline.label() + " ends " + LondonTime.due(deadline.due()) + ". Source: " + deadline.source()
								+ "." + (deadline.programmeName() == null ? ""
										: "\nProgramme: " + deadline.programmeName()),
						site.of("/tasks?programme=" + reference), null));
			}
		}
		return ICalendar.write(PRODUCT, "Spinout: " + user.displayName(), site.host(), events,
				clock.instant());
	}

	private SpinoutUser user(String userId) {
		return new SpinoutUser(userId, people.name(userId), people.groupsOf(userId));
	}

	/** Assigned to the person, or offered to one of their groups and not yet taken; with a due date. */
	private List<Task> openTasks(SpinoutUser user) {
		TaskQuery query = tasks.createTaskQuery().or().taskAssignee(user.id());
		if (!user.groups().isEmpty()) {
			query.taskCandidateGroupIn(user.groups());
		}
		return query.endOr().orderByDueDate().asc().listPage(0, MAX_TASKS).stream()
				.filter(task -> task.getDueDate() != null).toList();
	}

	/** The programme reference (business key) of each task's process instance, in one query. */
	private Map<String, String> references(List<Task> open) {
		Set<String> instances = open.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
				.collect(Collectors.toCollection(HashSet::new));
		if (instances.isEmpty()) {
			return Map.of();
		}
		return runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
				.filter(instance -> instance.getBusinessKey() != null)
				.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
	}
}
