package org.spinout.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.spinout.contract.Variables;
import org.spinout.insight.ProgrammePhases;
import org.spinout.identity.People;
import org.spinout.journey.RecordProgrammeStop;
import org.springframework.stereotype.Component;

/**
 * A programme's record from the engine's history, oldest first: who started it, when each phase
 * began and finished, who completed each task and when, with the decision and reasons they gave
 * (task comments), programme managers' actions (comments on the programme) and how it ended.
 * Reads only this programme's process instances: one query each for the instances and the tasks,
 * one per instance for comments, and one for the people's names.
 */
@Component
class AuditTrail {

	/** The delete reason the engine gives a task that was completed. */
	private static final String COMPLETED = "completed";

	/** Shown where the engine acted on its own (a timer, a phase starting). */
	static final String SYSTEM = "Spinout";

	/** Shown for a person's act whose author the engine did not record. */
	static final String NOT_RECORDED = "Not recorded";

	private final HistoryService history;

	private final TaskService tasks;

	private final People people;

	AuditTrail(HistoryService history, TaskService tasks, People people) {
		this.history = history;
		this.tasks = tasks;
		this.people = people;
	}

	/**
	 * One line of the record. {@code order} keeps simultaneous events in the order they happen: a
	 * start before the comments, the comments before the completion, the end last.
	 */
	record Entry(Instant time, String who, String phase, String what, String detail, int order) {
	}

	List<Entry> of(String reference, List<HistoricProcessInstance> instances, List<ProgrammePhases.Phase> phases,
			Map<String, Object> programme) {
		List<RawEntry> raw = new ArrayList<>();
		Map<String, String> phaseOfInstance = new HashMap<>();
		HistoricProcessInstance root = null;
		for (HistoricProcessInstance instance : instances) {
			boolean isRoot = instance.getSuperProcessInstanceId() == null;
			String phase = isRoot ? null : ProgrammePhases.name(phases, instance.getProcessDefinitionKey());
			phaseOfInstance.put(instance.getId(), phase);
			if (isRoot) {
				root = instance;
				raw.add(new RawEntry(instance.getStartTime(), instance.getStartUserId(), null, "Started the programme",
						null, 0, NOT_RECORDED));
			}
			else {
				raw.add(new RawEntry(instance.getStartTime(), null, phase, "The phase ‘" + phase + "’ began", null, 0,
						SYSTEM));
				if (HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
					raw.add(new RawEntry(instance.getEndTime(), null, phase, "The phase ‘" + phase + "’ finished", null,
							3, SYSTEM));
				}
			}
		}
		List<HistoricTaskInstance> finished = history.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKey(reference).finished().list();
		List<Comment> comments = new ArrayList<>();
		for (HistoricProcessInstance instance : instances) {
			comments.addAll(tasks.getProcessInstanceComments(instance.getId()));
		}
		Map<String, HistoricTaskInstance> taskById = finished.stream()
				.collect(Collectors.toMap(HistoricTaskInstance::getId, task -> task));
		Set<String> merged = new HashSet<>();
		for (HistoricTaskInstance task : finished) {
			String phase = phaseOfInstance.get(task.getProcessInstanceId());
			if (COMPLETED.equals(task.getDeleteReason())) {
				// the decision and reasons given with the completion belong to it
				// (a task completed without being claimed has no assignee: its decision's author completed it)
				List<Comment> given = comments.stream()
						.filter(comment -> task.getId().equals(comment.getTaskId()) && (task.getAssignee() == null
								|| Objects.equals(comment.getUserId(), task.getAssignee())))
						.sorted(Comparator.comparing(Comment::getTime))
						.toList();
				given.forEach(comment -> merged.add(comment.getId()));
				String detail = given.isEmpty() ? null
						: given.stream().map(Comment::getFullMessage).collect(Collectors.joining("\n"));
				String who = task.getAssignee() != null ? task.getAssignee()
						: given.isEmpty() ? null : given.get(0).getUserId();
				raw.add(new RawEntry(task.getEndTime(), who, phase, "Completed ‘" + task.getName() + "’", detail, 2,
						NOT_RECORDED));
			}
			else {
				raw.add(new RawEntry(task.getEndTime(), null, phase,
						"‘" + task.getName() + "’ was closed without being completed", null, 2, SYSTEM));
			}
		}
		for (Comment comment : comments) {
			if (merged.contains(comment.getId())) {
				continue;
			}
			HistoricTaskInstance task = comment.getTaskId() == null ? null : taskById.get(comment.getTaskId());
			String phase = phaseOfInstance.get(comment.getProcessInstanceId());
			if (task != null || comment.getTaskId() != null) {
				String name = task != null ? task.getName() : "an open task";
				raw.add(new RawEntry(comment.getTime(), comment.getUserId(), phase, "Commented on ‘" + name + "’",
						comment.getFullMessage(), 1, NOT_RECORDED));
			}
			else {
				raw.add(new RawEntry(comment.getTime(), comment.getUserId(), phase, comment.getFullMessage(), null, 1,
						NOT_RECORDED));
			}
		}
		if (root != null && root.getEndTime() != null) {
			raw.add(new RawEntry(root.getEndTime(), null, null, ending(root, programme), null, 3, SYSTEM));
		}
		Map<String, String> names = people.names(raw.stream().map(RawEntry::userId).toList());
		return raw.stream()
				.filter(entry -> entry.time() != null)
				.sorted(Comparator.comparing(RawEntry::time).thenComparing(RawEntry::order))
				.map(entry -> new Entry(entry.time().toInstant(),
						entry.userId() == null ? entry.nobody() : names.getOrDefault(entry.userId(), entry.userId()),
						entry.phase(), entry.what(), entry.detail(), entry.order()))
				.toList();
	}

	private static String ending(HistoricProcessInstance root, Map<String, Object> programme) {
		ProgrammeStatus status = ProgrammeStatus.of(programme.get(Variables.PROGRAMME_STATUS), root.getState());
		if (status == ProgrammeStatus.STOPPED) {
			Object at = programme.get(RecordProgrammeStop.STOPPED_AT);
			return at == null ? "The programme stopped" : "The programme stopped at ‘" + at + "’";
		}
		return "The programme went live";
	}

	/** {@code nobody} is shown when no person is recorded. */
	private record RawEntry(java.util.Date time, String userId, String phase, String what, String detail, int order,
			String nobody) {
	}
}
