package org.spinout.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.spinout.contract.Variables;
import org.spinout.deadline.Deadline;
import org.spinout.deadline.WorkingDays;
import org.spinout.identity.People;
import org.spinout.insight.JourneyModels;
import org.spinout.insight.ProcessGraph;
import org.spinout.insight.ProgrammePhases;
import org.spinout.journey.RecordProgrammeStop;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Component;

/**
 * Gathers what a programme's page shows: its summary (as the portfolio has it), the progress of its
 * phases, its open tasks, its statutory clocks and its record. Everything is read for this one
 * programme only, so the page costs the same however many others there are.
 */
@Component
class ProgrammePage {

	/** The programme's facts, in the order the page lists them. */
	private static final List<String> FACTS = List.of(Variables.SERVICE_NAME, Variables.PARENT_BODY_TYPE,
			Variables.NATION, Variables.STAFF_COUNT, Variables.TRANSFERRING_STAFF_COUNT, Variables.TARGET_TRANSFER_DATE,
			Variables.LEGAL_FORM, Variables.AWARD_ROUTE, Variables.GO_LIVE_DATE);

	private final ProgrammeSearch search;

	private final ProgrammeSummaries summaries;

	private final ProgrammePhases phases;

	private final AuditTrail trail;

	private final HistoryService history;

	private final TaskService tasks;

	private final People people;

	private final JourneyModels models;

	private final Clock clock;

	ProgrammePage(ProgrammeSearch search, ProgrammeSummaries summaries, ProgrammePhases phases, AuditTrail trail,
			HistoryService history, TaskService tasks, People people, JourneyModels models, Clock clock) {
		this.search = search;
		this.summaries = summaries;
		this.phases = phases;
		this.trail = trail;
		this.history = history;
		this.tasks = tasks;
		this.people = people;
		this.models = models;
		this.clock = clock;
	}

	/** How far a phase has got, in the words of the GOV.UK task list. */
	enum PhaseStatus {
		NOT_STARTED("Not started"),
		IN_PROGRESS("In progress"),
		DONE("Done"),
		STOPPED("Stopped");

		private final String label;

		PhaseStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	record PhaseItem(String processKey, String name, PhaseStatus status, LocalDate started, LocalDate ended,
			String instanceId) {
	}

	record OpenTask(String id, String name, String phase, String assignee, LocalDate due, boolean overdue,
			boolean suspended) {
	}

	record View(ProgrammeRow programme, List<ProgrammeFacts.Fact> facts, List<PhaseItem> phases, List<OpenTask> openTasks,
			List<Deadline> clocks, List<AuditTrail.Entry> trail, String stopReason) {
	}

	boolean exists(String reference) {
		return search.byReference(reference).isPresent();
	}

	/** The programme's summary alone, for its calendar. */
	Optional<ProgrammeRow> summary(String reference) {
		return search.byReference(reference).map(found -> summaries.of(List.of(found)).get(0));
	}

	Optional<View> of(String reference) {
		Optional<ProgrammeSearch.Found> found = search.byReference(reference);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ProgrammeRow programme = summaries.of(List.of(found.get())).get(0);
		List<ProgrammePhases.Phase> journey = phases.all();
		List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(reference).orderByProcessInstanceStartTime().asc().list();
		Map<String, Object> values = variables(programme.id());
		List<Deadline> clocks = programme.deadlines().stream().filter(Deadline::isClock).toList();
		Object stopReason = programme.status() == ProgrammeStatus.STOPPED ? values.get(RecordProgrammeStop.STOP_REASON)
				: null;
		return Optional.of(new View(programme, ProgrammeFacts.of(FACTS, values), phaseItems(journey, instances),
				openTasks(reference, journey, instances), clocks, trail.of(reference, instances, journey, values),
				stopReason == null ? null : stopReason.toString()));
	}

	private List<PhaseItem> phaseItems(List<ProgrammePhases.Phase> journey, List<HistoricProcessInstance> instances) {
		Map<String, HistoricProcessInstance> latestByKey = new HashMap<>();
		for (HistoricProcessInstance instance : instances) {
			if (instance.getSuperProcessInstanceId() != null) {
				latestByKey.put(instance.getProcessDefinitionKey(), instance); // sorted by start: the latest wins
			}
		}
		List<PhaseItem> items = new ArrayList<>();
		for (ProgrammePhases.Phase phase : journey) {
			HistoricProcessInstance instance = latestByKey.get(phase.processKey());
			if (instance == null) {
				items.add(new PhaseItem(phase.processKey(), phase.name(), PhaseStatus.NOT_STARTED, null, null, null));
				continue;
			}
			PhaseStatus status;
			if (instance.getEndTime() == null) {
				status = PhaseStatus.IN_PROGRESS;
			}
			else {
				status = endedNormally(instance) ? PhaseStatus.DONE : PhaseStatus.STOPPED;
			}
			items.add(new PhaseItem(phase.processKey(), phase.name(), status, day(instance.getStartTime()),
					day(instance.getEndTime()), instance.getId()));
		}
		return items;
	}

	/** A phase that ended at one of its normal end events, not at a "Programme stopped" or by deletion. */
	private boolean endedNormally(HistoricProcessInstance instance) {
		if (!HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) || instance.getEndActivityId() == null) {
			return false;
		}
		ProcessGraph graph = models.graph(instance.getProcessDefinitionId());
		return graph.ends().contains(instance.getEndActivityId());
	}

	private List<OpenTask> openTasks(String reference, List<ProgrammePhases.Phase> journey,
			List<HistoricProcessInstance> instances) {
		List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).orderByDueDate().asc()
				.orderByTaskCreateTime().asc().list();
		if (open.isEmpty()) {
			return List.of();
		}
		Map<String, String> phaseOf = new HashMap<>();
		instances.forEach(instance -> phaseOf.put(instance.getId(),
				ProgrammePhases.name(journey, instance.getProcessDefinitionKey())));
		Map<String, String> names = people.names(open.stream().map(Task::getAssignee).toList());
		Instant now = clock.instant();
		return open.stream().map(task -> new OpenTask(task.getId(), task.getName(),
				phaseOf.get(task.getProcessInstanceId()),
				task.getAssignee() == null ? null : names.getOrDefault(task.getAssignee(), task.getAssignee()),
				task.getDueDate() == null ? null : LondonTime.dueDay(task.getDueDate().toInstant()),
				task.getDueDate() != null && !now.isBefore(task.getDueDate().toInstant()), task.isSuspended()))
				.toList();
	}

	private Map<String, Object> variables(String rootId) {
		List<String> names = new ArrayList<>(FACTS);
		names.addAll(List.of(Variables.PROGRAMME_STATUS, RecordProgrammeStop.STOP_REASON, RecordProgrammeStop.STOPPED_AT));
		Map<String, Object> values = new HashMap<>();
		for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
				.processInstanceIdIn(rootId).variableNameIn(names.toArray(String[]::new)).disableBinaryFetching()
				.disableCustomObjectDeserialization().list()) {
			if (variable.getValue() != null && rootId.equals(variable.getActivityInstanceId())) {
				values.put(variable.getName(), variable.getValue());
			}
		}
		return values;
	}

	private static LocalDate day(Date date) {
		return date == null ? null : WorkingDays.toLocalDate(date);
	}
}
