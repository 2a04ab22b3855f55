package org.spinout.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.spinout.contract.Variables;
import org.springframework.stereotype.Component;

/**
 * The upcoming and breached statutory deadlines of programmes, worked out from the date variables the
 * models count their clocks from ({@code spinout.clocks.<name>.variables}) with the same
 * {@link StatutoryClocks} the models use, so a page, a calendar and an alert all show the date the
 * process waits for.
 *
 * <p>A programme is its root process instance; its phases are called processes that carry the
 * programme reference as their business key. The database work is three queries for any number of
 * programmes (the roots, their phases, the variables), so a page listing many programmes costs what
 * one costs.
 */
@Component
public class ProgrammeDeadlines {

	/** Keeps IN lists well inside what every database accepts. */
	private static final int CHUNK = 500;

	private final HistoryService history;
	private final StatutoryClocks clocks;
	private final Map<String, ClockPeriod> periods;
	private final Clock clock;

	public ProgrammeDeadlines(HistoryService history, StatutoryClocks clocks, ClockPeriods periods, Clock clock) {
		this.history = history;
		this.clocks = clocks;
		this.periods = Map.copyOf(periods);
		this.clock = clock;
	}

	/** The deadlines of one programme, soonest first; empty for an unknown id. */
	public List<Deadline> of(String programmeId) {
		return of(List.of(programmeId)).getOrDefault(programmeId, List.of());
	}

	/** The deadlines of each of the given programmes (root process instance ids), soonest first. */
	public Map<String, List<Deadline>> of(Collection<String> programmeIds) {
		return of(programmeIds, clock.instant());
	}

	Map<String, List<Deadline>> of(Collection<String> programmeIds, Instant now) {
		Map<String, HistoricProcessInstance> roots = roots(programmeIds);
		if (roots.isEmpty()) {
			return Map.of();
		}
		Map<String, String> programmeOfInstance = phases(roots);
		Map<String, Map<String, Object>> variables = variables(programmeOfInstance, roots.keySet());
		Map<String, List<Deadline>> deadlines = new LinkedHashMap<>();
		for (HistoricProcessInstance root : roots.values()) {
			deadlines.put(root.getId(), deadlines(root, variables.getOrDefault(root.getId(), Map.of()), now));
		}
		return deadlines;
	}

	private List<Deadline> deadlines(HistoricProcessInstance root, Map<String, Object> values, Instant now) {
		String nation = values.get(Variables.NATION) == null ? null : values.get(Variables.NATION).toString();
		String name = values.get(Variables.PROGRAMME_NAME) == null ? null
				: values.get(Variables.PROGRAMME_NAME).toString();
		List<Deadline> found = new ArrayList<>();
		for (Map.Entry<String, ClockPeriod> entry : periods.entrySet()) {
			String clock = entry.getKey();
			ClockPeriod period = entry.getValue();
			if (period.getChosenBy() != null && !clock.equals(values.get(period.getChosenBy()))) {
				continue;
			}
			if (period.getMetBy() != null && values.get(period.getMetBy()) != null) {
				continue;
			}
			for (String variable : period.getVariables()) {
				Date anchor = date(values.get(variable));
				if (anchor == null) {
					continue;
				}
				Instant due = (period.getDirection() == ClockDirection.BEFORE ? clocks.before(clock, anchor, nation)
						: clocks.after(clock, anchor, nation)).toInstant();
				Instant warningFrom = clocks.warning(clock, anchor, nation).toInstant();
				Deadline.Status status;
				if (!now.isBefore(due)) {
					if (period.getKind() == ClockKind.WAITING_PERIOD) {
						continue; // a waiting period that has ended is over, not breached
					}
					status = Deadline.Status.BREACHED;
				}
				else {
					status = now.isBefore(warningFrom) ? Deadline.Status.UPCOMING
							: Deadline.Status.WARNING;
				}
				Deadline.Kind kind = period.getKind() == ClockKind.WAITING_PERIOD ? Deadline.Kind.WAITING_PERIOD
						: Deadline.Kind.DEADLINE;
				found.add(new Deadline(kind, root.getId(), root.getBusinessKey(), name, clock, clock + ":" + variable,
						period.getLabel(), period.getSource(), due, warningFrom, status, null));
			}
		}
		found.sort(Comparator.comparing(Deadline::due).thenComparing(Deadline::key));
		return found;
	}

	private Map<String, HistoricProcessInstance> roots(Collection<String> programmeIds) {
		Map<String, HistoricProcessInstance> roots = new LinkedHashMap<>();
		for (List<String> chunk : chunks(new LinkedHashSet<>(programmeIds))) {
			history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(chunk)).list().stream()
					.filter(instance -> instance.getId().equals(instance.getRootProcessInstanceId()))
					.forEach(instance -> roots.put(instance.getId(), instance));
		}
		return roots;
	}

	/** Every process instance of the programmes, root included, mapped to its programme's id. */
	private Map<String, String> phases(Map<String, HistoricProcessInstance> roots) {
		Map<String, String> programmeOf = new HashMap<>();
		roots.keySet().forEach(id -> programmeOf.put(id, id));
		List<String> references = roots.values().stream().map(HistoricProcessInstance::getBusinessKey)
				.filter(key -> key != null).distinct().toList();
		for (List<String> chunk : chunks(references)) {
			for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
					.processInstanceBusinessKeyIn(chunk.toArray(String[]::new)).list()) {
				if (roots.containsKey(instance.getRootProcessInstanceId())) {
					programmeOf.put(instance.getId(), instance.getRootProcessInstanceId());
				}
			}
		}
		return programmeOf;
	}

	/**
	 * The values the clocks need, per programme. A phase receives a copy of the programme's variables
	 * and hands some back: the root's own value is the programme's record, otherwise the newest copy.
	 */
	private Map<String, Map<String, Object>> variables(Map<String, String> programmeOf, Set<String> rootIds) {
		Set<String> names = new LinkedHashSet<>(List.of(Variables.NATION, Variables.PROGRAMME_NAME));
		for (ClockPeriod period : periods.values()) {
			names.addAll(period.getVariables());
			if (period.getChosenBy() != null) {
				names.add(period.getChosenBy());
			}
			if (period.getMetBy() != null) {
				names.add(period.getMetBy());
			}
		}
		List<HistoricVariableInstance> found = new ArrayList<>();
		for (List<String> chunk : chunks(programmeOf.keySet())) {
			found.addAll(history.createHistoricVariableInstanceQuery()
					.processInstanceIdIn(chunk.toArray(String[]::new))
					.variableNameIn(names.toArray(String[]::new))
					.disableBinaryFetching()
					.disableCustomObjectDeserialization()
					.list());
		}
		found.sort(Comparator.comparing((HistoricVariableInstance variable) -> rootIds.contains(variable.getProcessInstanceId()))
				.thenComparing(HistoricVariableInstance::getCreateTime, Comparator.nullsFirst(Comparator.naturalOrder())));
		Map<String, Map<String, Object>> values = new HashMap<>();
		for (HistoricVariableInstance variable : found) {
			if (variable.getValue() == null) {
				continue; // a phase handing back nothing must not hide a value set elsewhere
			}
			// sorted so that the root's value, then the newest copy, is put last and wins
			values.computeIfAbsent(programmeOf.get(variable.getProcessInstanceId()), id -> new HashMap<>())
					.put(variable.getName(), variable.getValue());
		}
		return values;
	}

	/** A date variable as the models keep it (a java.util.Date), or a form's 'YYYY-MM-DD' not yet converted. */
	private static Date date(Object value) {
		if (value instanceof Date date) {
			return date;
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return WorkingDays.startOf(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
		return null;
	}

	private static List<List<String>> chunks(Collection<String> ids) {
		List<String> all = new ArrayList<>(ids);
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
		return chunks;
	}
}
