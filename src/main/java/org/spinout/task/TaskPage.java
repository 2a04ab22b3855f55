package org.spinout.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.spinout.contract.Variables;
import org.spinout.insight.ProgrammePhases;
import org.spinout.identity.People;
import org.spinout.programme.ProgrammeFacts;
import org.spinout.programme.ProgrammeFacts.Fact;
import org.springframework.stereotype.Component;

/** Gathers what a task page shows: the programme's key facts, the task, and the record so far. */
@Component
class TaskPage {

	/** The programme's key facts, in the order the page lists them below its name and reference. */
	private static final List<String> KEY_FACTS = List.of(Variables.PARENT_BODY, Variables.SERVICE_NAME,
			Variables.NATION, Variables.STAFF_COUNT, Variables.TRANSFERRING_STAFF_COUNT, Variables.TARGET_TRANSFER_DATE,
			Variables.HEALTH_CARE);

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final RepositoryService repository;

	private final People people;

	private final ProgrammePhases journey;

	TaskPage(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
			People people, ProgrammePhases journey) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
		this.repository = repository;
		this.people = people;
		this.journey = journey;
	}

	record Entry(Date time, String who, String task, String text) {
	}

	/** The programme a task belongs to: its reference and name, which link to it, and its key facts. */
	record Programme(String reference, String name, List<Fact> facts) {
	}

	Programme programme(Task task) {
		List<String> names = new ArrayList<>(KEY_FACTS);
		names.addAll(List.of(TaskLists.PROGRAMME_REFERENCE, Variables.PROGRAMME_NAME));
		Map<String, Object> values = runtime.getVariables(task.getProcessInstanceId(), names);
		return new Programme((String) values.get(TaskLists.PROGRAMME_REFERENCE),
				(String) values.get(Variables.PROGRAMME_NAME), ProgrammeFacts.of(KEY_FACTS, values));
	}

	/** The phase the task belongs to, as the task lists name it. */
	String phase(Task task) {
		return TaskLists.phaseName(journey.all(), repository.getProcessDefinition(task.getProcessDefinitionId()));
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
		return people.names(userIds);
	}

}
