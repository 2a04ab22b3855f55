package org.spinout.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.spinout.contract.Processes;
import org.spinout.contract.Variables;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.EngineClock;
import org.spinout.form.FormSchema;
import org.spinout.form.Forms;
import org.spinout.identity.People;
import org.spinout.identity.Role;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.security.SpinoutUser;
import org.spinout.task.Decision;
import org.spinout.task.TaskCompletion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Drives a programme through its journey by the engine's API, as its people would: each open
 * task is claimed and completed by a member of its candidate groups, with answers its form
 * accepts (see {@link PlausibleAnswers}), decisions are recorded as comments as the task page
 * records them, and time passes on the engine clock, firing the timers that fall due on the way.
 * Used to seed the demo programmes and by tests.
 *
 * <p>The driver moves the engine clock forward and never back; the caller resets it
 * ({@link EngineClock#reset()}) when done, and keeps the job executor from running meanwhile, since
 * the driver runs the programme's due jobs itself.
 */
@Component
@Profile("demo")
public class JourneyDriver {

	/** More steps than any journey takes: a journey that needs more goes round in a loop. */
	private static final int MAX_STEPS = 2_000;

	/** People work on tasks between these hours, London time. */
	private static final LocalTime WORK_STARTS = LocalTime.of(9, 30);

	private static final LocalTime WORK_ENDS = LocalTime.of(17, 0);

	private final ProgrammeStarter starter;

	private final Forms forms;

	private final TaskCompletion completion;

	private final PlausibleAnswers plausible;

	private final WorkingDays workingDays;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final People people;

	private final EngineClock clock;

	/** The last step of completing a task: the application's own path, or the engine's alone. */
	public interface Completer {

		void complete(Task task, SpinoutUser user, Map<String, Object> values, String comment);
	}

	private final Completer completer;

	@Autowired
	JourneyDriver(ProgrammeStarter starter, Forms forms, TaskCompletion completion, PlausibleAnswers plausible,
			WorkingDays workingDays, RepositoryService repository, RuntimeService runtime, TaskService tasks,
			ManagementService management, People people, EngineClock clock) {
		this(starter, forms, completion, plausible, workingDays, repository, runtime, tasks, management, people, clock,
				completion::complete);
	}

	private JourneyDriver(ProgrammeStarter starter, Forms forms, TaskCompletion completion, PlausibleAnswers plausible,
			WorkingDays workingDays, RepositoryService repository, RuntimeService runtime, TaskService tasks,
			ManagementService management, People people, EngineClock clock, Completer completer) {
		this.completer = completer;
		this.clock = clock;
		this.starter = starter;
		this.forms = forms;
		this.completion = completion;
		this.plausible = plausible;
		this.workingDays = workingDays;
		this.repository = repository;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.people = people;
	}

	/**
	 * Starts a programme through the start form, as a programme manager would, at the engine
	 * clock's time; fields not given get plausible answers.
	 *
	 * @return the programme's reference
	 */
	public String start(Map<String, Object> answers) {
		String definitionId = repository.createProcessDefinitionQuery()
				.processDefinitionKey(Processes.PROGRAMME).latestVersion().singleResult().getId();
		FormSchema schema = forms.forStart(definitionId);
		Map<String, Object> values = fill(schema, Map.of(), answers, "");
		return starter.start(values, memberOf(List.of(Role.PROGRAMME_MANAGERS.groupId()), "start a programme"));
	}

	/** {@link #advanceUntil(String, Steering, String...)} with the default steering. */
	public void advanceUntil(String reference, String... taskKeys) {
		advanceUntil(reference, Steering.DEFAULT, taskKeys);
	}

	/**
	 * Works through the programme until a task of each key is open, leaving those open: every
	 * other task is completed, the one due to be done first first, and timers fire as the clock
	 * reaches them. Gates are approved unless the steering answers otherwise.
	 *
	 * @throws JourneyNotReached when the programme ends first, or waits for nothing that can come
	 */
	public void advanceUntil(String reference, Steering steering, String... taskKeys) {
		if (taskKeys.length == 0) {
			throw new IllegalArgumentException("Name the tasks to advance to, or run the journey to its end");
		}
		drive(running(reference), steering, new LinkedHashSet<>(Arrays.asList(taskKeys)));
	}

	/** {@link #runToEnd(String, Steering)} with the default steering. */
	public void runToEnd(String reference) {
		runToEnd(reference, Steering.DEFAULT);
	}

	/** Works through the programme until it ends: live, or stopped at a gate the steering rejects. */
	public void runToEnd(String reference, Steering steering) {
		drive(running(reference), steering, Set.of());
	}

	/** {@link #complete(String, String, Map, Steering)} at once, with the default steering. */
	public void complete(String reference, String taskKey, Map<String, Object> overrides) {
		complete(reference, taskKey, overrides, Steering.DEFAULT);
	}

	/**
	 * Completes the open task of that key with these answers on top of the plausible ones, once the
	 * steering's pace has passed since it opened.
	 *
	 * @throws IllegalStateException when no task of that key is open
	 * @throws IllegalArgumentException when the form refuses an answer given
	 */
	public void complete(String reference, String taskKey, Map<String, Object> overrides, Steering steering) {
		Run run = running(reference);
		Task task = tasksOf(reference).stream().filter(open -> open.getTaskDefinitionKey().equals(taskKey))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						taskKey + " is not open in " + reference + "; open are " + openTaskKeys(reference)));
		Instant workedOn = workTime(task, steering, run);
		Instant now = clock.instant();
		passTime(run, workedOn.isAfter(now) ? workedOn : now, steering);
		Task stillOpen = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		if (stillOpen == null) {
			throw new JourneyNotReached(taskKey + " of " + reference + " closed on a timer before anybody got to it");
		}
		complete(run, stillOpen, steering, overrides);
	}

	/** {@link #decide(String, String, String, String, Steering)} at once. */
	public void decide(String reference, String gateTaskKey, String decision, String reason) {
		decide(reference, gateTaskKey, decision, reason, Steering.DEFAULT);
	}

	/**
	 * Decides a gate or review: {@code approve}, {@code reject} or {@code sendBack}, with the reasons
	 * a rejection or a send-back needs. The decision goes on record as the task page records it.
	 */
	public void decide(String reference, String gateTaskKey, String decision, String reason, Steering steering) {
		Decision known = Decision.of(decision)
				.orElseThrow(() -> new IllegalArgumentException("There is no decision called " + decision));
		if (known.needsReasons() && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException("A decision to " + decision + " needs reasons");
		}
		Map<String, Object> answers = new HashMap<>();
		answers.put(Variables.DECISION, decision);
		answers.put(Variables.DECISION_REASON, reason);
		complete(reference, gateTaskKey, answers, steering);
	}

	/**
	 * Lets time pass up to {@code until} without anybody doing anything: the programme's timers
	 * fire in turn at their due time (reminders, escalations, statutory clocks). Nothing happens to
	 * a programme that has ended.
	 */
	public void passTime(String reference, Instant until) {
		ProcessInstance root = findRoot(reference);
		if (root != null) {
			passTime(new Run(reference, root.getId(), nationOf(root.getId())), until, Steering.DEFAULT);
		}
	}

	/** The keys of the programme's open tasks, oldest first. */
	public List<String> openTaskKeys(String reference) {
		return tasksOf(reference).stream().map(Task::getTaskDefinitionKey).toList();
	}

	/** The programme being driven, with what the driver looks up once: its root instance and nation. */
	private record Run(String reference, String rootId, String nation, Map<List<String>, SpinoutUser> people) {

		Run(String reference, String rootId, String nation) {
			this(reference, rootId, nation, new HashMap<>());
		}
	}

	private Run running(String reference) {
		ProcessInstance root = findRoot(reference);
		if (root == null) {
			throw new IllegalStateException(reference + " is not a running programme");
		}
		return new Run(reference, root.getId(), nationOf(root.getId()));
	}

	private void passTime(Run run, Instant until, Steering steering) {
		for (int step = 0; step < MAX_STEPS; step++) {
			Job job = nextJob(run.rootId());
			if (job == null || (job.getDuedate() != null && job.getDuedate().toInstant().isAfter(until))) {
				moveClockTo(until, steering, run.reference());
				return;
			}
			if (job.getDuedate() != null) {
				moveClockTo(job.getDuedate().toInstant(), steering, run.reference());
			}
			execute(job);
		}
		throw new JourneyNotReached(run.reference() + " keeps firing timers without end");
	}

	/**
	 * The driver's loop: a job that is due runs first; then the task a person gets to first is
	 * done, unless a timer falls due before, in which case the clock moves on to it.
	 */
	private void drive(Run run, Steering steering, Set<String> targets) {
		String reference = run.reference();
		for (int step = 0; step < MAX_STEPS; step++) {
			Job job = nextJob(run.rootId());
			if (job != null && isDue(job)) {
				execute(job);
				continue;
			}
			List<Task> open = tasksOf(reference);
			if (!targets.isEmpty() && open.stream().map(Task::getTaskDefinitionKey).toList().containsAll(targets)) {
				return;
			}
			Task next = open.stream().filter(task -> !targets.contains(task.getTaskDefinitionKey()))
					.min(Comparator.comparing((Task task) -> workTime(task, steering, run))
							.thenComparing(Task::getCreateTime))
					.orElse(null);
			if (next != null && (job == null || !workTime(next, steering, run).isAfter(job.getDuedate().toInstant()))) {
				moveClockTo(workTime(next, steering, run), steering, reference);
				complete(run, next, steering, Map.of());
			}
			else if (job != null) {
				moveClockTo(job.getDuedate().toInstant(), steering, reference);
			}
			else if (runtime.createProcessInstanceQuery().processInstanceId(run.rootId()).count() == 0) {
				if (targets.isEmpty()) {
					return;
				}
				throw new JourneyNotReached(reference + " ended before " + targets + " opened");
			}
			else {
				throw new JourneyNotReached(reference + " waits with nothing to do and no timer; "
						+ (targets.isEmpty() ? "it cannot end" : targets + " cannot open") + "; open are "
						+ openTaskKeys(reference));
			}
		}
		throw new JourneyNotReached(reference + " has not got there in " + MAX_STEPS + " steps: it goes round in a loop");
	}

	private void complete(Run run, Task task, Steering steering, Map<String, Object> overrides) {
		FormSchema schema = forms.forTask(task.getId());
		Map<String, Object> given = new HashMap<>(steering.answers());
		given.put(Variables.DECISION, Decision.APPROVE.value());
		given.putAll(overrides);
		Map<String, Object> values = fill(schema, tasks.getVariables(task.getId()), given, run.reference());
		String comment = Decision.of(values.get(Variables.DECISION))
				.map(decision -> decision.comment((String) values.get(Variables.DECISION_REASON)))
				.orElse(null);
		completer.complete(task, candidateFor(task, run.people()), values, comment);
	}

	/**
	 * The same driver with another last step, for the benchmark that sets the application's
	 * completion path against the engine's bare {@code TaskService.complete}.
	 */
	public JourneyDriver completingWith(Completer other) {
		return new JourneyDriver(starter, forms, completion, plausible, workingDays, repository, runtime, tasks,
				management, people, clock, other);
	}

	private Map<String, Object> fill(FormSchema schema, Map<String, Object> stored, Map<String, Object> given,
			String reference) {
		LocalDate today = workingDays.today();
		return FormFilling.fill(schema, stored, given,
				(field, seen) -> plausible.answer(field, new PlausibleAnswers.Asked(reference, today, seen)),
				field -> plausible.withinRules(field, new PlausibleAnswers.Asked(reference, today, stored::get)));
	}

	/**
	 * When a person gets to the task: the pace after it opened, spread from three quarters to one
	 * and a quarter by the task (not every task takes as long, and the same programme always
	 * takes the same), in working hours of a working day.
	 */
	private Instant workTime(Task task, Steering steering, Run run) {
		Instant opened = task.getCreateTime().toInstant();
		if (steering.pace().isZero()) {
			return opened;
		}
		double spread = 0.75 + Math.floorMod((run.reference() + task.getTaskDefinitionKey()).hashCode(), 51) / 100.0;
		ZonedDateTime at = opened.plus(Duration.ofSeconds((long) (steering.pace().toSeconds() * spread)))
				.atZone(WorkingDays.LONDON);
		if (at.toLocalTime().isAfter(WORK_ENDS)) {
			at = at.plusDays(1).with(WORK_STARTS);
		}
		else if (at.toLocalTime().isBefore(WORK_STARTS)) {
			at = at.with(WORK_STARTS);
		}
		while (!workingDays.isWorkingDay(at.toLocalDate(), run.nation())) {
			at = at.plusDays(1).with(WORK_STARTS);
		}
		return at.toInstant();
	}

	/** Moves the engine clock forward to the instant (never back), as far as the steering allows. */
	private void moveClockTo(Instant instant, Steering steering, String reference) {
		if (steering.notAfter() != null && instant.isAfter(steering.notAfter())) {
			throw new JourneyNotReached(reference + " would need the clock at " + instant + ", after its limit "
					+ steering.notAfter());
		}
		if (instant.isAfter(clock.instant())) {
			clock.moveTo(instant);
		}
	}

	/** The programme's next job: one to run now (due, or without a due date), else the next timer. */
	private Job nextJob(String rootId) {
		List<Job> jobs = management.createJobQuery().rootProcessInstanceId(rootId).executable().orderByJobDuedate()
				.asc().listPage(0, 1);
		if (jobs.isEmpty()) {
			jobs = management.createJobQuery().rootProcessInstanceId(rootId).timers().orderByJobDuedate().asc()
					.listPage(0, 1);
		}
		return jobs.isEmpty() ? null : jobs.get(0);
	}

	private boolean isDue(Job job) {
		return job.getDuedate() == null || job.getDuedate().toInstant().compareTo(clock.instant()) <= 0;
	}

	/** Runs a job as the job executor would; a job that fails stops the journey where it is. */
	private void execute(Job job) {
		try {
			management.executeJob(job.getId());
		}
		catch (RuntimeException e) {
			throw new IllegalStateException("The job " + job.getId() + " of process instance "
					+ job.getProcessInstanceId() + " failed: " + e.getMessage(), e);
		}
	}

	private List<Task> tasksOf(String reference) {
		return tasks.createTaskQuery().processInstanceBusinessKey(reference).orderByTaskCreateTime().asc().list();
	}

	private ProcessInstance findRoot(String reference) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.processInstanceBusinessKey(reference).singleResult();
	}

	private String nationOf(String rootId) {
		Object nation = runtime.getVariable(rootId, "nation");
		return nation == null ? null : nation.toString();
	}

	/**
	 * Who does the task: its assignee, else a member of its candidate groups. The programme
	 * managers that an escalation adds come last, so the people the model names do their own work.
	 */
	private SpinoutUser candidateFor(Task task, Map<List<String>, SpinoutUser> people) {
		if (task.getAssignee() != null) {
			return user(task.getAssignee());
		}
		List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
				.map(IdentityLink::getGroupId)
				.distinct()
				.sorted(Comparator.comparing((String group) -> group.equals(Role.PROGRAMME_MANAGERS.groupId()))
						.thenComparing(Comparator.naturalOrder()))
				.toList();
		return people.computeIfAbsent(groups, candidates -> memberOf(candidates, "do " + task.getTaskDefinitionKey()));
	}

	/** The first member of the first group that has one, leaving administrators to their own work. */
	private SpinoutUser memberOf(List<String> groups, String purpose) {
		Set<String> administrators = people.membersOf(Role.ADMINISTRATORS.groupId()).stream()
				.map(People.Person::id).collect(Collectors.toSet());
		for (String group : groups) {
			List<String> members = people.membersOf(group).stream().map(People.Person::id)
					.sorted(Comparator.comparing(administrators::contains))
					.toList();
			if (!members.isEmpty()) {
				return user(members.get(0));
			}
		}
		throw new JourneyNotReached("Nobody in " + groups + " can " + purpose);
	}

	private SpinoutUser user(String userId) {
		return new SpinoutUser(userId, people.name(userId), people.groupsOf(userId));
	}
}
