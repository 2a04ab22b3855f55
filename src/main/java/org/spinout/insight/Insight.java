package org.spinout.insight;

import java.time.Clock;
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
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.spinout.contract.Processes;
import org.spinout.contract.Variables;
import org.spinout.insight.ProgrammePhases;
import org.springframework.stereotype.Component;

/**
 * The numbers of the insight page: how long each kind of task has taken (the median across completed
 * work, beside what its model plans), and how long each programme's phases took, or have taken so
 * far, beside what their models plan from the day each began. Every figure is in whole calendar
 * days, so that the two sides of a comparison are in the same unit: a plan in working days counts
 * as five of them to a week.
 */
@Component
class Insight {

	static final int PAGE_SIZE = 10;

	private static final long MINUTES_A_DAY = 24 * 60;

	private final StepDurations durations;

	private final JourneyModels models;

	private final ProgrammePhases phases;

	private final Forecasts forecasts;

	private final HistoryService history;

	private final Clock clock;

	Insight(StepDurations durations, JourneyModels models, ProgrammePhases phases, Forecasts forecasts,
			HistoryService history, Clock clock) {
		this.durations = durations;
		this.models = models;
		this.phases = phases;
		this.forecasts = forecasts;
		this.history = history;
		this.clock = clock;
	}

	/** One kind of task, as every programme has it. {@code plannedWorkingDays} is null where the model sets a date. */
	record TaskType(String phase, String name, long medianDays, long completed, Integer plannedWorkingDays) {

		/** The plan in calendar days, to compare with the median; null where the model sets a date. */
		public Long plannedDays() {
			return plannedWorkingDays == null ? null : calendarDays(plannedWorkingDays);
		}
	}

	/** A phase's days so far, or in all once it has {@code finished}, beside the days its model plans. */
	record PhaseDuration(String phase, long actualDays, boolean finished, long plannedDays) {

		/** How it stands against its plan, in words: over or under, or for a running phase what is left. */
		public String againstPlan() {
			long difference = actualDays - plannedDays;
			if (difference > 0) {
				return days(difference) + " over" + (finished ? "" : " so far");
			}
			if (!finished) {
				return days(-difference) + " left in the plan";
			}
			return difference == 0 ? "On plan" : days(-difference) + " under";
		}
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
		// sorted by the exact medians: whole days would tie every task done within a day
		for (StepDurations.Step step : durations.all().values().stream().filter(StepDurations.Step::isUserTask)
				.sorted(Comparator.comparing(StepDurations.Step::median).reversed()
						.thenComparing(StepDurations.Step::name))
				.toList()) {
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
		return types;
	}

	/**
	 * The programmes, newest first, a page at a time, with their phases' durations against plan; only
	 * the programme with the given reference when there is one.
	 */
	Page programmes(int page, String reference) {
		HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(Processes.PROGRAMME).rootProcessInstances();
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
		Instant now = clock.instant();
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
			Object name = values.get(Variables.PROGRAMME_NAME);
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

	/** Whole days, to the nearest. */
	static long days(Duration duration) {
		return Math.round((double) duration.toMinutes() / MINUTES_A_DAY);
	}

	/** The calendar days that working days span, five of them to a week. */
	static long calendarDays(int workingDays) {
		return Math.round(workingDays * 7 / 5.0);
	}

	/** "1 day", "12 days". */
	static String days(long count) {
		return count == 1 ? "1 day" : count + " days";
	}
}
