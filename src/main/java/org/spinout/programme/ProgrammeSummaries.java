package org.spinout.programme;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.spinout.deadline.Deadline;
import org.spinout.deadline.ProgrammeDeadlines;
import org.spinout.insight.Forecast;
import org.spinout.insight.Forecasts;
import org.spinout.insight.ProgrammePhases;
import org.springframework.stereotype.Component;

/**
 * Completes programmes found by {@link ProgrammeSearch} with what the portfolio shows of each:
 * current phases, open tasks, deadlines, RAG status and forecast. Every piece is loaded for all the
 * programmes at once, so a page of 25 takes as many statements as a page of one.
 */
@Component
class ProgrammeSummaries {

	/** Keeps IN lists well inside what every database accepts. */
	static final int CHUNK = 500;

	private final HistoryService history;

	private final TaskService tasks;

	private final ProgrammeDeadlines clocks;

	private final Forecasts forecasts;

	private final ProgrammePhases phases;

	private final RagRules rag;

	private final Clock clock;

	ProgrammeSummaries(HistoryService history, TaskService tasks, ProgrammeDeadlines clocks, Forecasts forecasts,
			ProgrammePhases phases, RagRules rag, Clock clock) {
		this.history = history;
		this.tasks = tasks;
		this.clocks = clocks;
		this.forecasts = forecasts;
		this.phases = phases;
		this.rag = rag;
		this.clock = clock;
	}

	List<ProgrammeRow> of(List<ProgrammeSearch.Found> found) {
		List<ProgrammeRow> rows = new ArrayList<>();
		for (int i = 0; i < found.size(); i += CHUNK) {
			rows.addAll(chunk(found.subList(i, Math.min(found.size(), i + CHUNK))));
		}
		return rows;
	}

	private List<ProgrammeRow> chunk(List<ProgrammeSearch.Found> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		String[] references = found.stream().map(ProgrammeSearch.Found::reference).toArray(String[]::new);
		List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKeyIn(references).list();
		Map<String, String> rootOf = new HashMap<>();
		instances.forEach(instance -> rootOf.put(instance.getId(), instance.getRootProcessInstanceId()));
		Map<String, List<Task>> openTasks = new HashMap<>();
		for (Task task : tasks.createTaskQuery().processInstanceBusinessKeyIn(references).list()) {
			String root = rootOf.get(task.getProcessInstanceId());
			if (root != null) {
				openTasks.computeIfAbsent(root, id -> new ArrayList<>()).add(task);
			}
		}
		List<String> running = found.stream().filter(programme -> programme.status().isRunning())
				.map(ProgrammeSearch.Found::id).toList();
		Map<String, List<Deadline>> clockDeadlines = clocks.of(running);
		Map<String, Forecast> forecast = forecasts.of(running);
		List<ProgrammePhases.Phase> journey = phases.all();
		Map<String, List<String>> currentPhases = new HashMap<>();
		for (HistoricProcessInstance instance : instances) {
			if (instance.getSuperProcessInstanceId() != null && instance.getEndTime() == null) {
				currentPhases.computeIfAbsent(instance.getRootProcessInstanceId(), id -> new ArrayList<>())
						.add(instance.getProcessDefinitionKey());
			}
		}
		return found.stream().map(programme -> {
			List<Task> open = openTasks.getOrDefault(programme.id(), List.of());
			List<Deadline> deadlines = new ArrayList<>();
			open.stream().filter(task -> task.getDueDate() != null)
					.map(task -> Deadline.task(task.getId(), task.getName(), task.getDueDate().toInstant(), now))
					.forEach(deadlines::add);
			deadlines.addAll(clockDeadlines.getOrDefault(programme.id(), List.of()));
			deadlines.sort(Comparator.comparing(Deadline::due));
			boolean isRunning = programme.status().isRunning();
			Rag status = isRunning ? rag.assess(deadlines, programme.nation(), now) : null;
			int overdue = (int) open.stream().filter(task -> task.getDueDate() != null
					&& !now.isBefore(task.getDueDate().toInstant())).count();
			return new ProgrammeRow(programme.id(), programme.reference(), programme.name(), programme.parentBody(),
					programme.serviceName(), programme.nation(), programme.status(),
					ProgrammePhases.inOrder(journey, currentPhases.getOrDefault(programme.id(), List.of())), status,
					isRunning && !deadlines.isEmpty() ? deadlines.get(0) : null, open.size(), overdue,
					programme.started(), programme.ended(), forecast.get(programme.id()), List.copyOf(deadlines));
		}).toList();
	}
}
