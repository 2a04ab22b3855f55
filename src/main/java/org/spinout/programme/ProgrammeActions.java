package org.spinout.programme;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.spinout.contract.Processes;
import org.spinout.contract.Variables;
import org.spinout.identity.People;
import org.spinout.journey.RecordProgrammeStop;
import org.spinout.security.ActingUser;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What programme managers do to programmes as a whole: suspend and resume one (its main process
 * and the phases it has called), stop one with a reason, and move every open task of one person to
 * another. Each runs as the manager, in one transaction, and leaves a comment in the programme's
 * history saying who did it; a refusal changes nothing.
 */
@Component
class ProgrammeActions {

	static final int MAX_REASON = 1000;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final TaskService tasks;

	private final People people;

	private final ActingUser acting;

	ProgrammeActions(RuntimeService runtime, HistoryService history, TaskService tasks, People people,
			ActingUser acting) {
		this.runtime = runtime;
		this.history = history;
		this.tasks = tasks;
		this.people = people;
		this.acting = acting;
	}

	/** Why an action cannot be done, in words for the person who asked. */
	static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}
	}

	@Transactional
	void suspend(String reference, SpinoutUser user) {
		HistoricProcessInstance root = running(reference);
		if (HistoricProcessInstance.STATE_SUSPENDED.equals(root.getState())) {
			throw new Refused("This programme is already suspended.");
		}
		List<String> instances = unfinished(reference);
		acting.run(user, () -> {
			tasks.createComment(null, root.getId(), "Suspended the programme");
			for (String id : instances) {
				runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).suspend();
			}
		});
	}

	@Transactional
	void resume(String reference, SpinoutUser user) {
		HistoricProcessInstance root = running(reference);
		if (!HistoricProcessInstance.STATE_SUSPENDED.equals(root.getState())) {
			throw new Refused("This programme is not suspended.");
		}
		List<String> instances = unfinished(reference);
		acting.run(user, () -> {
			for (String id : instances) {
				runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate();
			}
			tasks.createComment(null, root.getId(), "Resumed the programme");
		});
	}

	/**
	 * Stops a running programme: records the reason and where it stood as the journey records a
	 * stop at a gate, then ends its main process and every phase it has called.
	 */
	@Transactional
	void stop(String reference, String reason, SpinoutUser user) {
		HistoricProcessInstance root = running(reference);
		String where = whereItStands(reference);
		List<String> instances = unfinished(reference);
		acting.run(user, () -> {
			if (HistoricProcessInstance.STATE_SUSPENDED.equals(root.getState())) {
				for (String id : instances) {
					runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(id).activate();
				}
			}
			runtime.setVariables(root.getId(), Map.of(Variables.PROGRAMME_STATUS, RecordProgrammeStop.STOPPED,
					RecordProgrammeStop.STOP_REASON, reason, RecordProgrammeStop.STOPPED_AT, where));
			tasks.createComment(null, root.getId(), "Stopped the programme: " + reason);
			runtime.deleteProcessInstance(root.getId(), "Stopped by a programme manager: " + reason);
		});
	}

	/**
	 * Gives every open task assigned to {@code from} to {@code to}, who must be in a candidate group
	 * of each. Tasks of suspended programmes stay where they are until the programme resumes.
	 *
	 * @return how many tasks moved
	 */
	@Transactional
	int reassign(String from, String to, SpinoutUser user) {
		People.Person giver = person(from);
		People.Person taker = person(to);
		if (from.equals(to)) {
			throw new Refused("Choose two different people.");
		}
		List<Task> held = tasks.createTaskQuery().taskAssignee(from).active().orderByDueDate().asc().list();
		if (held.isEmpty()) {
			throw new Refused(giver.name() + " holds no open tasks to reassign.");
		}
		List<String> groups = people.groupsOf(to);
		Set<String> allowed = groups.isEmpty() ? Set.of()
				: tasks.createTaskQuery().taskAssignee(from).active().taskCandidateGroupIn(groups)
						.includeAssignedTasks().list().stream().map(Task::getId).collect(Collectors.toSet());
		List<Task> refused = held.stream().filter(task -> !allowed.contains(task.getId())).toList();
		if (!refused.isEmpty()) {
			throw new Refused(taker.name() + " is not in the groups of "
					+ (refused.size() == 1 ? "this task: " : "these tasks: ")
					+ refused.stream().map(task -> "‘" + task.getName() + "’").collect(Collectors.joining(", "))
					+ ". Choose someone in those groups, or reassign the tasks one at a time from their task pages.");
		}
		String message = " from " + giver.name() + " to " + taker.name();
		acting.run(user, () -> {
			for (Task task : held) {
				tasks.setAssignee(task.getId(), to);
				tasks.createComment(null, task.getProcessInstanceId(), "Reassigned ‘" + task.getName() + "’" + message);
			}
		});
		return held.size();
	}

	private HistoricProcessInstance running(String reference) {
		HistoricProcessInstance root = history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(Processes.PROGRAMME).processInstanceBusinessKey(reference)
				.rootProcessInstances().singleResult();
		if (root == null || root.getEndTime() != null) {
			throw new Refused("This programme has ended: it can no longer be changed.");
		}
		return root;
	}

	/** Read before acting as the manager: the engine refuses unpaged lists to a signed-in user. */
	private List<String> unfinished(String reference) {
		return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).unfinished().list()
				.stream().map(HistoricProcessInstance::getId).toList();
	}

	/** The open tasks the programme waits for, which is where it stopped. */
	private String whereItStands(String reference) {
		List<String> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).orderByTaskName().asc().list()
				.stream().map(Task::getName).distinct().toList();
		return open.isEmpty() ? "a programme manager's decision" : String.join(" and ", open);
	}

	private People.Person person(String id) {
		return people.find(id).orElseThrow(() -> new Refused("There is no user called " + id + "."));
	}
}
