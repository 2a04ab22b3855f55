package org.spinout.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.spinout.deadline.StatutoryClocks;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.BeanCall;
import org.spinout.engine.OpenSteps;
import org.spinout.engine.OpenSteps.OpenStep;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Component;

/**
 * Predicts when programmes go live. From where each programme stands (its active steps, in the
 * engine's history), the remaining steps of its models are walked forward: a step takes the median
 * duration of its completed instances once there are enough of them, and otherwise what its model
 * plans (the working days of its due date, the length of its clock). Where a route forks, the longest
 * open route counts, and loops (send-backs) are assumed not to happen again. The database work is
 * the same for one programme or a page of them: their active steps, the medians, the latest models.
 */
@Component
public class Forecasts {

	/** Keeps IN lists well inside what every database accepts. */
	private static final int CHUNK = 500;

	private static final String NATION = "nation";

	private final OpenSteps openSteps;

	private final HistoryService history;

	private final JourneyModels models;

	private final StepDurations durations;

	private final WorkingDays workingDays;

	private final StatutoryClocks clocks;

	private final ForecastProperties properties;

	private final Clock clock;

	Forecasts(OpenSteps openSteps, HistoryService history, JourneyModels models, StepDurations durations, WorkingDays workingDays,
			StatutoryClocks clocks, ForecastProperties properties, Clock clock) {
		this.openSteps = openSteps;
		this.history = history;
		this.models = models;
		this.durations = durations;
		this.workingDays = workingDays;
		this.clocks = clocks;
		this.properties = properties;
		this.clock = clock;
	}

	/** The forecast of each running programme among those given (root process instance ids). */
	public Map<String, Forecast> of(Collection<String> programmeIds) {
		if (programmeIds.isEmpty()) {
			return Map.of();
		}
		Map<String, List<OpenStep>> active = openSteps.of(programmeIds);
		Context context = new Context(clock.instant(), durations.all(), models.latest());
		Map<String, Map<String, Object>> variables = variables(active, context);
		Map<String, Forecast> forecasts = new LinkedHashMap<>();
		for (String root : programmeIds) {
			List<OpenStep> steps = active.getOrDefault(root, List.of());
			if (steps.stream().anyMatch(step -> step.instanceId().equals(root))) {
				forecasts.put(root, forecast(root, steps, variables.getOrDefault(root, Map.of()), context));
			}
		}
		return forecasts;
	}

	/**
	 * When the latest model of a process, begun at {@code start}, ends by its plan alone (due dates
	 * and clocks, no history): what a phase was planned to take, to set beside what it took.
	 */
	public Instant plannedEnd(String processKey, Instant start, Map<String, Object> variables) {
		Context context = new Context(start, Map.of(), models.latest());
		ProcessDefinition definition = context.latest().get(processKey);
		if (definition == null) {
			return start;
		}
		return new Walk(context, variables, Map.of()).process(models.graph(definition.getId()), start, null);
	}

	private Forecast forecast(String root, List<OpenStep> active, Map<String, Object> variables, Context context) {
		Map<String, List<OpenStep>> byInstance = new HashMap<>();
		active.forEach(step -> byInstance.computeIfAbsent(step.instanceId(), id -> new ArrayList<>()).add(step));
		Walk walk = new Walk(context, variables, byInstance);
		Instant end = walk.instance(root, null);
		walk.steps.sort(Comparator.comparing(Forecast.Step::finish));
		return new Forecast(LondonTime.dueDay(end), WorkingDays.toLocalDate(Date.from(context.now())), List.copyOf(walk.steps));
	}

	/**
	 * The values the plans of the models count from, per programme, from its running process
	 * instances: the programme's own value where it has one, otherwise the newest copy in a phase.
	 */
	private Map<String, Map<String, Object>> variables(Map<String, List<OpenStep>> active, Context context) {
		Map<String, String> rootOf = new HashMap<>();
		active.forEach((root, steps) -> steps.forEach(step -> rootOf.put(step.instanceId(), root)));
		if (rootOf.isEmpty()) {
			return Map.of();
		}
		Set<String> names = new HashSet<>(List.of(NATION));
		context.latest().values().forEach(definition -> models.graph(definition.getId()).nodes()
				.forEach(node -> names.addAll(variablesOf(node.expression()))));
		List<HistoricVariableInstance> found = new ArrayList<>();
		List<String> instances = List.copyOf(rootOf.keySet());
		for (int i = 0; i < instances.size(); i += CHUNK) {
			found.addAll(history.createHistoricVariableInstanceQuery()
					.processInstanceIdIn(instances.subList(i, Math.min(instances.size(), i + CHUNK)).toArray(String[]::new))
					.variableNameIn(names.toArray(String[]::new))
					.disableBinaryFetching()
					.disableCustomObjectDeserialization()
					.list());
		}
		// the programme's own value is put last, so it wins; among phases the newest wins
		found.sort(Comparator.comparing((HistoricVariableInstance variable) -> rootOf.get(variable.getProcessInstanceId())
				.equals(variable.getProcessInstanceId()))
				.thenComparing(HistoricVariableInstance::getCreateTime, Comparator.nullsFirst(Comparator.naturalOrder())));
		Map<String, Map<String, Object>> values = new HashMap<>();
		for (HistoricVariableInstance variable : found) {
			if (variable.getValue() != null) {
				values.computeIfAbsent(rootOf.get(variable.getProcessInstanceId()), id -> new HashMap<>())
						.put(variable.getName(), variable.getValue());
			}
		}
		return values;
	}

	/** The working days a due date expression plans, such as 10 for {@code ${workingDays.fromNow(10, nation)}}. */
	static OptionalInt plannedWorkingDays(String expression) {
		return BeanCall.of(expression).filter(Forecasts::isWorkingDaysFromNow)
				.map(call -> OptionalInt.of(((Number) call.arguments().get(0).value()).intValue()))
				.orElse(OptionalInt.empty());
	}

	/** The variables a due date or timer expression of a model counts from. */
	static Set<String> variablesOf(String expression) {
		return BeanCall.of(expression).filter(Forecasts::isClock).map(call -> call.arguments().stream().limit(2)
				.filter(BeanCall.Argument::isName).map(BeanCall.Argument::name).collect(Collectors.toSet()))
				.orElse(Set.of());
	}

	/** {@code ${workingDays.fromNow(10, nation)}}: whole working days from when the task starts. */
	private static boolean isWorkingDaysFromNow(BeanCall call) {
		return call.is("workingDays", "fromNow", 2) && call.arguments().get(0).value() instanceof Long
				&& isNation(call.arguments().get(1));
	}

	/**
	 * {@code ${clocks.after('clock-name', anchorDate, nation)}} (or {@code before}): a statutory clock,
	 * named in the model or by a variable, counted from a date variable.
	 */
	private static boolean isClock(BeanCall call) {
		if (!(call.is("clocks", "after", 3) || call.is("clocks", "before", 3))) {
			return false;
		}
		BeanCall.Argument clock = call.arguments().get(0);
		return (clock.isName() || clock.value() instanceof String) && call.arguments().get(1).isName()
				&& isNation(call.arguments().get(2));
	}

	private static boolean isNation(BeanCall.Argument argument) {
		return NATION.equals(argument.name());
	}

	private record Context(Instant now, Map<StepDurations.Key, StepDurations.Step> history,
			Map<String, ProcessDefinition> latest) {
	}

	private record Estimate(Instant finish, Forecast.Basis basis, long completed) {
	}

	/** One programme's walk through what is left of its models, collecting the steps on the way. */
	private final class Walk {

		private final Context context;

		private final Map<String, Object> variables;

		private final String nation;

		private final Map<String, List<OpenStep>> active;

		private final List<Forecast.Step> steps = new ArrayList<>();

		Walk(Context context, Map<String, Object> variables, Map<String, List<OpenStep>> active) {
			this.context = context;
			this.variables = variables;
			this.nation = variables.get(NATION) == null ? null : variables.get(NATION).toString();
			this.active = active;
		}

		/** When a running process instance is expected to end. */
		Instant instance(String instanceId, String phase) {
			List<OpenStep> here = active.getOrDefault(instanceId, List.of());
			ProcessGraph graph = models.graph(here.get(0).definitionId());
			String phaseName = phase == null ? null : phase;
			Map<String, Instant> positions = new HashMap<>();
			for (OpenStep step : here) {
				ProcessGraph.Node node = graph.node(step.activityId());
				if (node == null || "subProcess".equals(step.type())) {
					continue; // a container: its own active steps say where it stands
				}
				Instant finish;
				if (node.kind() == ProcessGraph.Kind.CALL) {
					finish = step.calledInstanceId() != null && active.containsKey(step.calledInstanceId())
							? instance(step.calledInstanceId(), node.name())
							: call(node, context.now());
				}
				else {
					finish = remaining(graph, node, step.start(), phaseName);
				}
				positions.merge(node.id(), finish, Walk::later);
			}
			return forward(graph, positions, Map.of(), phaseName);
		}

		/** A process not started yet, started at {@code start}. */
		private Instant call(ProcessGraph.Node node, Instant start) {
			ProcessDefinition called = context.latest().get(node.calledElement());
			if (called == null) {
				return start;
			}
			return process(models.graph(called.getId()), start, node.name());
		}

		Instant process(ProcessGraph graph, Instant start, String phase) {
			Map<String, Instant> arrivals = new HashMap<>();
			graph.starts().forEach(id -> arrivals.put(id, start));
			return forward(graph, Map.of(), arrivals, phase);
		}

		/**
		 * Walks the graph in order from the given positions (already finishing at a known time) and
		 * arrivals (nodes reached at a time), and returns when the process ends normally.
		 */
		private Instant forward(ProcessGraph graph, Map<String, Instant> positions, Map<String, Instant> arrivals,
				String phase) {
			Map<String, Instant> arrival = new HashMap<>(arrivals);
			Instant end = null;
			Instant latest = context.now();
			for (String id : graph.order()) {
				Instant finish = positions.get(id);
				if (arrival.containsKey(id)) {
					finish = later(finish, advance(graph, graph.node(id), arrival.get(id), phase));
				}
				if (finish == null) {
					continue;
				}
				latest = later(latest, finish);
				if (graph.ends().contains(id)) {
					end = later(end, finish);
				}
				for (String next : graph.successors(id)) {
					arrival.merge(next, finish, Walk::later);
				}
			}
			return end != null ? end : latest;
		}

		/** When a step not yet started, reached at {@code start}, is expected to finish. */
		private Instant advance(ProcessGraph graph, ProcessGraph.Node node, Instant start, String phase) {
			return switch (node.kind()) {
				case CALL -> call(node, start);
				case INSTANT -> start;
				default -> record(graph, node, phase, estimate(graph, node, start, false));
			};
		}

		/** When an active step, started at {@code start}, is expected to finish: never before now. */
		private Instant remaining(ProcessGraph graph, ProcessGraph.Node node, Instant start, String phase) {
			if (node.kind() == ProcessGraph.Kind.INSTANT) {
				return context.now();
			}
			Estimate estimate = estimate(graph, node, start, true);
			return record(graph, node, phase,
					new Estimate(later(estimate.finish(), context.now()), estimate.basis(), estimate.completed()));
		}

		private Estimate estimate(ProcessGraph graph, ProcessGraph.Node node, Instant start, boolean running) {
			StepDurations.Step history = context.history().get(new StepDurations.Key(graph.processKey(), node.id()));
			boolean enoughHistory = history != null && history.completed() >= properties.minimumHistory();
			if (node.kind() == ProcessGraph.Kind.TIMER && running) {
				// a running timer waits for a date already known: the clock's own end
				Instant date = planned(node, start, true);
				if (date != null) {
					return new Estimate(date, Forecast.Basis.CLOCK, 0);
				}
			}
			if (enoughHistory) {
				return new Estimate(start.plus(history.median()), Forecast.Basis.HISTORY, history.completed());
			}
			Instant planned = planned(node, start, running);
			if (planned != null) {
				return new Estimate(planned, node.kind() == ProcessGraph.Kind.TIMER ? Forecast.Basis.CLOCK
						: Forecast.Basis.PLAN, 0);
			}
			if (node.kind() == ProcessGraph.Kind.USER_TASK) {
				return new Estimate(workingDays.add(Date.from(start), properties.defaultTaskWorkingDays(), nation)
						.toInstant(), Forecast.Basis.PLAN, 0);
			}
			return new Estimate(start, Forecast.Basis.PLAN, 0);
		}

		/**
		 * What the model plans for a step reached at {@code start}: the working days of its due date,
		 * or the end of its clock. A clock counted from a date the programme records is counted from that
		 * date once the step is running (the date is then set); before, from the step's start.
		 */
		private Instant planned(ProcessGraph.Node node, Instant start, boolean running) {
			String expression = node.expression();
			if (expression == null) {
				return null;
			}
			String text = expression.strip();
			Optional<BeanCall> call = BeanCall.of(text);
			OptionalInt days = plannedWorkingDays(text);
			if (days.isPresent()) {
				return workingDays.add(Date.from(start), days.getAsInt(), nation).toInstant();
			}
			if (call.filter(Forecasts::isClock).isPresent()) {
				BeanCall clock = call.get();
				BeanCall.Argument named = clock.arguments().get(0);
				String name = named.isName() ? text(variables.get(named.name())) : (String) named.value();
				Date anchor = date(variables.get(clock.arguments().get(1).name()));
				if (name == null) {
					return null;
				}
				try {
					if ("before".equals(clock.method())) {
						return anchor == null ? null
								: later(start, clocks.before(name, anchor, nation).toInstant());
					}
					Date from = running && anchor != null ? anchor : Date.from(start);
					return clocks.after(name, from, nation).toInstant();
				}
				catch (IllegalArgumentException unknownClock) {
					return null;
				}
			}
			return duration(text, start);
		}

		private Instant record(ProcessGraph graph, ProcessGraph.Node node, String phase, Estimate estimate) {
			steps.add(new Forecast.Step(phase, node.id(), node.name(), estimate.finish(), estimate.basis(),
					estimate.completed()));
			return estimate.finish();
		}

		private static Instant later(Instant a, Instant b) {
			if (a == null) {
				return b;
			}
			return b == null || a.isAfter(b) ? a : b;
		}
	}

	/** An ISO-8601 timer duration such as P10D or PT48H; null for anything else. */
	private static Instant duration(String text, Instant start) {
		try {
			if (text.startsWith("PT")) {
				return start.plus(Duration.parse(text));
			}
			if (text.startsWith("P")) {
				return WorkingDays.startOf(WorkingDays.toLocalDate(Date.from(start)).plus(Period.parse(text)))
						.toInstant();
			}
		}
		catch (DateTimeParseException notADuration) {
			return null;
		}
		return null;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static Date date(Object value) {
		if (value instanceof Date date) {
			return date;
		}
		if (value instanceof String text && text.length() >= 10) {
			try {
				return WorkingDays.startOf(LocalDate.parse(text.substring(0, 10)));
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
		return null;
	}
}
