package org.spinout.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.spinout.contract.CandidateGroups;
import org.spinout.contract.Variables;

/**
 * The two duties of the journey that no model, form or page may get round, enforced on every user
 * task as the engine reads it, so that they hold on every surface (Spinout's pages, the REST API,
 * Camunda's Tasklist):
 * <ul>
 * <li><b>Four eyes.</b> A task that names, in its extension property {@code approves}, the tasks
 * whose paper it approves (task ids, comma-separated) may not be claimed by, assigned to or
 * completed by anyone who completed one of those tasks in the same programme (the whole tree of
 * process instances from its root), whatever groups they are in;</li>
 * <li><b>Only decision-makers stop a programme.</b> A gate (a task whose {@code decision} is its
 * own, see {@link TaskPlumbing}) whose candidate groups do not include {@code decision-makers}
 * may not be completed with {@code decision = reject}.</li>
 * </ul>
 * The person who completes a task is recorded once, as its assignee in the history: the signed-in
 * user, or else its assignee, whichever way it was completed (an administrator through the REST API
 * or Tasklist may complete a task nobody claimed). The field is set without the engine's assignment
 * events: nobody is told of a task that is finishing. A task completed by the engine itself keeps
 * its assignee. Pages show that person, and the four-eyes check reads it. A refusal is a
 * {@link DutyRefused}.
 */
final class SeparationOfDuties extends AbstractBpmnParseListener {

	/** The extension property naming the tasks whose paper a task approves. */
	static final String APPROVES = "approves";
	static final String REJECT = "reject";

	private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

	@Override
	public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
		Set<String> approved = approvedTasks(element);
		task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, new AtCompletion(approved, isGate(element)));
		if (!approved.isEmpty()) {
			task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, new AtAssignment(approved));
		}
	}

	/** The ids the {@code approves} property names; empty when it names none. */
	static Set<String> approvedTasks(Element task) {
		Element extensions = task.element("extensionElements");
		Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
		if (properties == null) {
			return Set.of();
		}
		return properties.elementsNS(CAMUNDA, "property").stream()
				.filter(property -> APPROVES.equals(property.attribute("name")))
				.flatMap(property -> Arrays.stream(String.valueOf(property.attribute("value")).split(",")))
				.map(String::trim)
				.filter(id -> !id.isEmpty() && !"null".equals(id))
				.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** A gate keeps its {@code decision} to itself, through the mapping that {@link TaskPlumbing} adds. */
	private static boolean isGate(Element task) {
		Element extensions = task.element("extensionElements");
		Element inputOutput = extensions == null ? null : extensions.elementNS(CAMUNDA, "inputOutput");
		return inputOutput != null && inputOutput.elementsNS(CAMUNDA, "inputParameter").stream()
				.anyMatch(parameter -> Variables.DECISION.equals(parameter.attribute("name")));
	}

	/** Who is doing the task now: the signed-in user, or else its assignee; null for the engine itself. */
	private static String actor(DelegateTask task) {
		String signedIn = Context.getCommandContext().getAuthenticatedUserId();
		return signedIn != null ? signedIn : task.getAssignee();
	}

	/** Refuses the person if they completed one of the approved tasks anywhere in the programme. */
	private static void refuseThePreparer(DelegateTask task, Set<String> approved, String person) {
		if (person != null && preparers(task, approved).contains(person)) {
			throw DutyRefused.preparedBy(person, task.getName());
		}
	}

	/**
	 * Who completed the approved tasks in this programme. Read without the person's own
	 * authorizations: they need not see the history of the tasks they are kept from approving.
	 */
	private static Set<String> preparers(DelegateTask task, Set<String> approved) {
		CommandContext context = Context.getCommandContext();
		String root = ((TaskEntity) task).getExecution().getRootProcessInstanceId();
		return context.runWithoutAuthorization(() -> {
			var history = context.getProcessEngineConfiguration().getHistoryService();
			return history.createHistoricTaskInstanceQuery().rootProcessInstanceId(root)
					.taskDefinitionKeyIn(approved.toArray(String[]::new)).finished().list().stream()
					.map(HistoricTaskInstance::getAssignee)
					.filter(Objects::nonNull)
					.collect(Collectors.toSet());
		});
	}

	private static boolean isCandidateGroup(DelegateTask task, String group) {
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group.equals(link.getGroupId())) {
				return true;
			}
		}
		return false;
	}

	/** Checks a completion and records who completed. */
	private record AtCompletion(Set<String> approved, boolean gate) implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			if (gate && REJECT.equals(task.getExecution().getVariableLocal(Variables.DECISION))
					&& !isCandidateGroup(task, CandidateGroups.DECISION_MAKERS)) {
				throw DutyRefused.notADecisionMaker(task.getName());
			}
			String person = actor(task);
			if (person == null) {
				return;
			}
			if (!approved.isEmpty()) {
				refuseThePreparer(task, approved, person);
			}
			if (!person.equals(task.getAssignee()) && task instanceof TaskEntity entity) {
				entity.setAssigneeWithoutCascade(person);
			}
		}
	}

	/** Checks whoever the task is claimed by, assigned or delegated to. */
	private record AtAssignment(Set<String> approved) implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			refuseThePreparer(task, approved, task.getAssignee());
		}
	}
}
