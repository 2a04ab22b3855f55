package org.spinout.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.spinout.programme.ProgrammePhases;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.stereotype.Component;

/**
 * The numbers of the insight page: how long each kind of task has taken (the median across completed
 * work, beside what its model plans), and how long each programme's phases took, or have taken so
 * far, beside what their models plan from the day each began.
 */
@Component
class Insight {

	static final int PAGE_SIZE = 10;

	private static final double MINUTES_A_DAY = 24 * 60;

	private final StepDurations durations;

	private final JourneyModels models;

	private final ProgrammePhases phases;

	private final Forecasts forecasts;

	private final HistoryService history;

	Insight(StepDurations durations, JourneyModels models, ProgrammePhases phases, Forecasts forecasts,
			HistoryService history) {
		this.durations = durations;
		this.models = models;
		this.phases = phases;
		this.forecasts = forecasts;
		this.history = history;
	}

	/** One kind of task, as every programme has it. {@code plannedWorkingDays} is null where the model sets a date. */
	record TaskType(String phase, String name, double medianDays, long completed, Integer plannedWorkingDays) {
	}

	record PhaseDuration(String phase, double actualDays, boolean finished, double plannedDays) {
	}

	record ProgrammeDurations(String reference, String name, List<PhaseDuration> phases) {
	}

	record Page(List<ProgrammeDurations> programmes, long total, int page) {

		public long pages() {
			return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}
	}

	/** The kinds of task that have completed at least once, longest median first. */
	List<TaskType> taskTypes() {
		Map<String, ProcessDefinition> latest = models.latest();
		List<ProgrammePhases.Phase> journey = phases.of(latest);
		List<TaskType> types = new ArrayList<>();
		for (StepDurations.Step step : durations.all().values()) {
			if (!step.isUserTask()) {
				continue;
			}
			Integer planned = null;
			ProcessDefinition definition = latest.get(step.processKey());
			if (definition != null) {
				ProcessGraph.Node node = models.graph(definition.getId()).node(step.activityId());
				OptionalInt days = Forecasts.plannedWorkingDays(node == null ? null : node.expression());
				planned = days.isPresent() ? days.getAsInt() : null;
			}
			types.add(new TaskType(ProgrammePhases.name(journey, step.processKey()), step.name(), days(step.median()),
					step.completed(), planned));
		}
		types.sort(Comparator.comparingDouble(TaskType::medianDays).reversed().thenComparing(TaskType::name));
		return types;
	}

	/**
	 * The programmes, newest first, a page at a time, with their phases' durations against plan; only
	 * the programme with the given reference when there is one.
	 */
	Page programmes(int page, String reference) {
		HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(ProgrammeStarter.PROCESS_KEY).rootProcessInstances();
		if (reference != null) {
			query.processInstanceBusinessKey(reference);
		}
		long total = query.count();
		List<HistoricProcessInstance> roots = query.orderByProcessInstanceStartTime().desc()
				.listPage((page - 1) * PAGE_SIZE, PAGE_SIZE);
		if (roots.isEmpty()) {
			return new Page(List.of(), total, page);
		}
		Map<String, Map<String, Object>> variables = variables(roots);
		Map<String, List<HistoricProcessInstance>> phasesOf = new HashMap<>();
		for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKeyIn(roots.stream().map(HistoricProcessInstance::getBusinessKey)
						.toArray(String[]::new))
				.orderByProcessInstanceStartTime().asc().list()) {
			if (instance.getSuperProcessInstanceId() != null) {
				phasesOf.computeIfAbsent(instance.getRootProcessInstanceId(), id -> new ArrayList<>()).add(instance);
			}
		}
		List<ProgrammePhases.Phase> journey = phases.all();
		Instant now = ClockUtil.getCurrentTime().toInstant();
		List<ProgrammeDurations> programmes = new ArrayList<>();
		for (HistoricProcessInstance root : roots) {
			Map<String, Object> values = variables.getOrDefault(root.getId(), Map.of());
			List<PhaseDuration> durations = new ArrayList<>();
			for (HistoricProcessInstance phase : phasesOf.getOrDefault(root.getId(), List.of())) {
				Instant start = phase.getStartTime().toInstant();
				Instant end = phase.getEndTime() == null ? now : phase.getEndTime().toInstant();
				Instant planned = forecasts.plannedEnd(phase.getProcessDefinitionKey(), start, values);
				durations.add(new PhaseDuration(ProgrammePhases.name(journey, phase.getProcessDefinitionKey()),
						days(Duration.between(start, end)), phase.getEndTime() != null,
						days(Duration.between(start, planned))));
			}
			Object name = values.get("programmeName");
			programmes.add(new ProgrammeDurations(root.getBusinessKey(), name == null ? root.getBusinessKey()
					: name.toString(), durations));
		}
		return new Page(programmes, total, page);
	}

	private Map<String, Map<String, Object>> variables(List<HistoricProcessInstance> roots) {
		Map<String, Map<String, Object>> values = new HashMap<>();
		for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
				.processInstanceIdIn(roots.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
				.disableBinaryFetching().disableCustomObjectDeserialization().list()) {
			if (variable.getValue() != null && variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
				values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
						.put(variable.getName(), variable.getValue());
			}
		}
		return values;
	}

	/** Days to one decimal place. */
	static double days(Duration duration) {
		return Math.round(duration.toMinutes() / MINUTES_A_DAY * 10) / 10.0;
	}
}
