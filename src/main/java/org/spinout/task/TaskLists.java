package org.spinout.task;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.spinout.access.TaskAccess;
import org.spinout.contract.Variables;
import org.spinout.insight.ProgrammePhases;
import org.spinout.identity.People;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;

/**
 * The task lists: one page of open tasks with what each row shows and what the person may do
 * from it. The database work is the same for every page whatever the number of programmes: one
 * query for the page, and one each for the page's programme names, assignees and candidate
 * groups, and one for the members of each of those groups. The page is read one row long, to
 * know whether another follows, rather than counted: a count would read every task the person
 * may take, as many as there are programmes.
 */
@Component
public class TaskLists {

	static final String PROGRAMME_REFERENCE = "programmeReference";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final People people;

	private final TaskCandidates candidates;

	private final ProgrammePhases journey;

	private final Clock clock;

	TaskLists(TaskService tasks, RuntimeService runtime, RepositoryService repository, People people,
			TaskCandidates candidates, ProgrammePhases journey, Clock clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.repository = repository;
		this.people = people;
		this.candidates = candidates;
		this.journey = journey;
		this.clock = clock;
	}

	/** One page of a list, and whether more pages follow it. */
	record Page(List<TaskRow> rows, boolean more, TaskListQuery query) {

		/** The position of the page's first row in the whole list, counting from one. */
		public int from() {
			return query.firstResult() + 1;
		}

		public int to() {
			return query.firstResult() + rows.size();
		}

		/** How many tasks the list holds, when this page is its last; otherwise unknown. */
		public Integer total() {
			return more ? null : to();
		}
	}

	Page page(SpinoutUser user, TaskListQuery request) {
		List<Task> found = query(user, request).listPage(request.firstResult(), TaskListQuery.PAGE_SIZE + 1);
		boolean more = found.size() > TaskListQuery.PAGE_SIZE;
		return new Page(rows(user, more ? found.subList(0, TaskListQuery.PAGE_SIZE) : found), more, request);
	}

	/** How many tasks wait for the user: assigned to them, and available to their groups. */
	public record Counts(long mine, long mineOverdue, long available, long availableOverdue) {
	}

	public Counts counts(SpinoutUser user) {
		Date now = Date.from(clock.instant());
		TaskQuery mine = tasks.createTaskQuery().taskAssignee(user.id());
		long mineCount = mine.count();
		long mineOverdue = tasks.createTaskQuery().taskAssignee(user.id()).dueBefore(now).count();
		if (user.groups().isEmpty()) {
			return new Counts(mineCount, mineOverdue, 0, 0);
		}
		long available = tasks.createTaskQuery().taskCandidateGroupIn(user.groups()).count();
		long availableOverdue = tasks.createTaskQuery().taskCandidateGroupIn(user.groups()).dueBefore(now).count();
		return new Counts(mineCount, mineOverdue, available, availableOverdue);
	}

	/**
	 * The phases a list can be filtered by, process key to name, in the order a programme reaches
	 * them. The main process is not one of them: its own few tasks show under every phase.
	 */
	Map<String, String> phases() {
		return journey.all().stream().collect(Collectors.toMap(ProgrammePhases.Phase::processKey,
				ProgrammePhases.Phase::name, (a, b) -> a, LinkedHashMap::new));
	}

	/** What a row calls the process its task belongs to: its phase, "Programme", or a model's own name. */
	static String phaseName(List<ProgrammePhases.Phase> phases, ProcessDefinition definition) {
		String name = ProgrammePhases.name(phases, definition.getKey());
		if (!name.equals(definition.getKey()) || definition.getName() == null) {
			return name;
		}
		return definition.getName();
	}

	private TaskQuery query(SpinoutUser user, TaskListQuery request) {
		TaskQuery query = tasks.createTaskQuery();
		switch (request.view()) {
			case MINE -> query.taskAssignee(user.id());
			case AVAILABLE -> query.taskCandidateGroupIn(request.group() != null ? List.of(request.group())
					: user.groups().isEmpty() ? List.of("-") : user.groups());
			case ALL -> {
			}
		}
		if (request.group() != null && request.view() != TaskListQuery.View.AVAILABLE) {
			query.taskCandidateGroup(request.group()).includeAssignedTasks();
		}
		if (TaskListQuery.UNASSIGNED.equals(request.assignee())) {
			query.taskUnassigned();
		}
		else if (request.assignee() != null) {
			query.taskAssignee(request.assignee());
		}
		if (request.programme() != null) {
			query.processInstanceBusinessKey(request.programme());
		}
		if (request.phase() != null) {
			query.processDefinitionKey(request.phase());
		}
		if (request.overdueOnly()) {
			query.dueBefore(Date.from(clock.instant()));
		}
		if (request.text() != null) {
			String like = "%" + request.text().replace("%", "").replace("_", "") + "%";
			query.or()
					.taskNameLike(like)
					.processInstanceBusinessKeyLike(like)
					.processVariableValueLike(Variables.PROGRAMME_NAME, like)
					.endOr();
		}
		switch (request.sort()) {
			case DUE -> query.orderByDueDate().asc().orderByTaskCreateTime().asc();
			case CREATED -> query.orderByTaskCreateTime().desc();
			case PROGRAMME -> query.orderByProcessVariable(Variables.PROGRAMME_NAME, ValueType.STRING).asc()
					.orderByDueDate().asc();
		}
		return query;
	}

	List<TaskRow> rows(SpinoutUser user, List<Task> page) {
		if (page.isEmpty()) {
			return List.of();
		}
		Set<String> instanceIds = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		Map<String, Map<String, Object>> programmeFacts = runtime.createVariableInstanceQuery()
				.processInstanceIdIn(instanceIds.toArray(String[]::new))
				.variableNameIn(Variables.PROGRAMME_NAME, PROGRAMME_REFERENCE)
				.disableCustomObjectDeserialization()
				.list().stream()
				.collect(Collectors.groupingBy(VariableInstance::getProcessInstanceId,
						Collectors.toMap(VariableInstance::getName, variable -> String.valueOf(variable.getValue()),
								(a, b) -> a)));
		// from the engine's cache of deployed definitions, without a query
		List<ProgrammePhases.Phase> phaseList = journey.all();
		Map<String, String> phases = page.stream().map(Task::getProcessDefinitionId).distinct()
				.map(repository::getProcessDefinition)
				.collect(Collectors.toMap(ProcessDefinition::getId, definition -> phaseName(phaseList, definition)));
		Map<String, List<String>> groups = candidates.groupsOf(page.stream().map(Task::getId).toList());
		Map<String, List<People.Person>> members = candidates.membersOf(
				groups.values().stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new)));
		Map<String, String> assignees = people.names(page.stream().map(Task::getAssignee).toList());
		Date now = Date.from(clock.instant());
		return page.stream().map(task -> {
			Map<String, Object> facts = programmeFacts.getOrDefault(task.getProcessInstanceId(), Map.of());
			List<String> offeredTo = groups.getOrDefault(task.getId(), List.of());
			TaskAccess.Permissions permissions = TaskAccess.permissions(user, task, offeredTo);
			return new TaskRow(task.getId(), task.getName(),
					(String) facts.get(PROGRAMME_REFERENCE), (String) facts.get(Variables.PROGRAMME_NAME),
					phases.get(task.getProcessDefinitionId()), task.getDueDate(), DueStatus.of(task.getDueDate(), now),
					task.getAssignee(), task.getAssignee() == null ? null : assignees.getOrDefault(task.getAssignee(), task.getAssignee()),
					task.getCreateTime(), permissions.canClaim(), permissions.canAssign()
							? TaskCandidates.union(offeredTo, members) : List.of());
		}).toList();
	}
}
