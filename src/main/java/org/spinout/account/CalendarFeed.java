package org.spinout.account;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.spinout.deadline.ProgrammeDeadline;
import org.spinout.deadline.ProgrammeDeadlines;
import org.spinout.identity.UserNames;
import org.spinout.notification.SiteAddress;
import org.spinout.programme.ProgrammeAccess;
import org.spinout.security.SpinoutUser;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Component;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * A person's calendar: the due dates of their open tasks (assigned to them, or offered to their
 * groups) and the statutory deadlines of the programmes they take part in, each as an all-day event
 * on its last day. Event ids stay the same from one fetch to the next, so calendar programs update
 * an event rather than add another.
 */
@Component
class CalendarFeed {

	/** Enough for any one person's open work; a feed is not an archive. */
	private static final int MAX_TASKS = 500;

	private final TaskService tasks;
	private final RuntimeService runtime;
	private final IdentityService identity;
	private final ProgrammeAccess access;
	private final ProgrammeDeadlines deadlines;
	private final SiteAddress site;
	private final Clock clock;

	CalendarFeed(TaskService tasks, RuntimeService runtime, IdentityService identity, ProgrammeAccess access,
			ProgrammeDeadlines deadlines, SiteAddress site, Clock clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.access = access;
		this.deadlines = deadlines;
		this.site = site;
		this.clock = clock;
	}

	Calendar of(String userId) {
		SpinoutUser user = user(userId);
		Calendar calendar = new Calendar()
				.withProdId(new ProdId("-//Spinout//Tasks and deadlines//EN").getValue())
				.withDefaults()
				.withProperty(new XProperty("X-WR-CALNAME", "Spinout: " + user.displayName()))
				.getFluentTarget();
		Instant stamp = clock.instant();
		List<Task> open = openTasks(user);
		Map<String, String> references = references(open);
		for (Task task : open) {
			String reference = references.get(task.getProcessInstanceId());
			calendar.add(event("task-" + task.getId(), LondonTime.dueDay(task.getDueDate().toInstant()),
					"Due: " + task.getName() + (reference == null ? "" : " (" + reference + ")"),
					"Due " + LondonTime.due(task.getDueDate().toInstant()) + "."
							+ (task.getDescription() == null ? "" : "\n\n" + task.getDescription()),
					site.of("/tasks/" + task.getId()), stamp));
		}
		List<String> programmes = access.runningProgrammes(user);
		for (List<ProgrammeDeadline> ofProgramme : deadlines.of(programmes).values()) {
			for (ProgrammeDeadline deadline : ofProgramme) {
				boolean breached = deadline.status() == ProgrammeDeadline.Status.BREACHED;
				calendar.add(event("deadline-" + deadline.programmeId() + "-" + deadline.key().replace(':', '-'),
						LondonTime.dueDay(deadline.due()),
						(breached ? "Passed: " : "") + deadline.label() + " (" + deadline.programmeReference() + ")",
						deadline.label() + " ends " + LondonTime.due(deadline.due()) + ". Source: " + deadline.source()
								+ "." + (deadline.programmeName() == null ? "" : "\nProgramme: " + deadline.programmeName()),
						site.of("/tasks?programme=" + deadline.programmeReference()), stamp));
			}
		}
		return calendar;
	}

	private VEvent event(String id, LocalDate day, String summary, String description, String url, Instant stamp) {
		VEvent event = new VEvent(day, day.plusDays(1), summary);
		event.add(new Uid(id + "@" + site.host()));
		event.add(new DtStamp(stamp));
		event.add(new Description(description));
		event.add(new Url(URI.create(url)));
		return event;
	}

	private SpinoutUser user(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).sorted()
				.toList();
		return new SpinoutUser(userId, user == null ? userId : UserNames.displayName(user), groups);
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
