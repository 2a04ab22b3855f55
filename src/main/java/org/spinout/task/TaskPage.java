package org.spinout.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.spinout.identity.UserNames;
import org.spinout.programme.ProgrammeFacts;
import org.spinout.programme.ProgrammeFacts.Fact;
import org.springframework.stereotype.Component;

/** Gathers what a task page shows: the programme's key facts, the task, and the record so far. */
@Component
class TaskPage {

	/** The programme's key facts, in the order the page lists them. */
	private static final List<String> KEY_FACTS = List.of("programmeReference", "programmeName", "parentBody",
			"serviceName", "nation", "staffCount", "transferringStaffCount", "targetTransferDate", "healthCare");

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final RepositoryService repository;

	private final IdentityService identity;

	TaskPage(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
			IdentityService identity) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
		this.repository = repository;
		this.identity = identity;
	}

	record Entry(Date time, String who, String task, String text) {
	}

	record Person(String id, String name) {
	}

	String programmeReference(Task task) {
		return (String) runtime.getVariable(task.getProcessInstanceId(), TaskLists.PROGRAMME_REFERENCE);
	}

	String phase(Task task) {
		return repository.getProcessDefinition(task.getProcessDefinitionId()).getName();
	}

	List<Fact> facts(Task task) {
		return ProgrammeFacts.of(KEY_FACTS, runtime.getVariables(task.getProcessInstanceId(), KEY_FACTS));
	}

	/** Decisions and comments made so far in the programme, oldest first. */
	List<Entry> record(String reference) {
		if (reference == null) {
			return List.of();
		}
		List<String> instanceIds = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
				.list().stream().map(HistoricProcessInstance::getId).toList();
		List<Comment> comments = new ArrayList<>();
		for (String instanceId : instanceIds) {
			comments.addAll(tasks.getProcessInstanceComments(instanceId));
		}
		if (comments.isEmpty()) {
			return List.of();
		}
		Map<String, String> taskNames = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
				.list().stream()
				.collect(Collectors.toMap(HistoricTaskInstance::getId, HistoricTaskInstance::getName, (a, b) -> a));
		Map<String, String> people = names(comments.stream().map(Comment::getUserId).collect(Collectors.toSet()));
		return comments.stream()
				.sorted(Comparator.comparing(Comment::getTime))
				.map(comment -> new Entry(comment.getTime(), people.getOrDefault(comment.getUserId(), comment.getUserId()),
						taskNames.get(comment.getTaskId()), comment.getFullMessage()))
				.toList();
	}

	/** The members of the task's candidate groups, to whom it may be assigned. */
	List<Person> members(List<String> groups) {
		if (groups.isEmpty()) {
			return List.of();
		}
		Map<String, Person> people = new LinkedHashMap<>();
		for (String group : groups) {
			for (User user : identity.createUserQuery().memberOfGroup(group).orderByUserLastName().asc().list()) {
				people.putIfAbsent(user.getId(), new Person(user.getId(), UserNames.displayName(user)));
			}
		}
		return List.copyOf(people.values());
	}

	String name(String userId) {
		if (userId == null) {
			return null;
		}
		return names(Set.of(userId)).getOrDefault(userId, userId);
	}

	/** The programme a finished task belonged to. */
	String referenceOf(HistoricTaskInstance task) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId()).singleResult();
		return instance == null ? null : instance.getBusinessKey();
	}

	/** Who completed a task that is no longer open, and when; null when it never existed. */
	HistoricTaskInstance finished(String taskId) {
		return history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
	}

	private Map<String, String> names(Set<String> userIds) {
		String[] ids = userIds.stream().filter(id -> id != null).toArray(String[]::new);
		if (ids.length == 0) {
			return Map.of();
		}
		return identity.createUserQuery().userIdIn(ids).list().stream()
				.collect(Collectors.toMap(User::getId, UserNames::displayName));
	}

}
