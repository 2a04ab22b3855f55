package org.spinout.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Comment;
import org.spinout.contract.Processes;

/** What the engine recorded of a programme, by its reference: for the tests to read. */
final class ProgrammeRecord {

	private final HistoryService history;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final RepositoryService repository;

	ProgrammeRecord(ProcessEngine engine) {
		this.history = engine.getHistoryService();
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.repository = engine.getRepositoryService();
	}

	HistoricProcessInstance root(String reference) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.processInstanceBusinessKey(reference).singleResult();
	}

	/** The last value of a variable of the programme's own process instance, also after it ended. */
	Object variable(String reference, String name) {
		String rootId = root(reference).getId();
		HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(rootId)
				.activityInstanceIdIn(rootId).variableName(name).singleResult();
		return variable == null ? null : variable.getValue();
	}

	/** The last value of a variable set anywhere in the programme: the main process or one of its phases. */
	Object anyVariable(String reference, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceIdIn(history
				.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
				.map(HistoricProcessInstance::getId).toArray(String[]::new)).variableName(name).list().stream()
				.filter(variable -> variable.getValue() != null)
				.max(Comparator.comparing(HistoricVariableInstance::getCreateTime))
				.map(HistoricVariableInstance::getValue).orElse(null);
	}

	/** The comments on the programme's tasks, oldest first. */
	List<String> comments(String reference) {
		return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
				.flatMap(instance -> tasks.getProcessInstanceComments(instance.getId()).stream())
				.sorted(Comparator.comparing(Comment::getTime))
				.map(Comment::getFullMessage)
				.toList();
	}

	/** Who completed the tasks of that key. */
	List<String> completedBy(String reference, String taskKey) {
		return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
				.taskDefinitionKey(taskKey).finished().list().stream().map(HistoricTaskInstance::getAssignee).toList();
	}

	/** The keys of the phase processes running under the programme. */
	Set<String> runningPhases(String reference) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
				.map(instance -> repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey())
				.filter(key -> !key.equals(Processes.PROGRAMME))
				.collect(Collectors.toSet());
	}

	boolean isRunning(String reference) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() > 0;
	}
}
