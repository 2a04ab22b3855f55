package org.spinout.engine;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/** Runs Spinout's own engine commands on tasks, in the caller's transaction. */
@Component
public class TaskCommands {

	private final TaskService tasks;

	private final CommandExecutor commands;

	TaskCommands(TaskService tasks, ProcessEngineConfiguration engine) {
		this.tasks = tasks;
		this.commands = ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired();
	}

	/** See {@link CompleteCheckedTask}: the rule decides who may complete, in place of the engine's check. */
	public void completeChecked(String taskId, String userId, CompleteCheckedTask.Rule mayComplete,
			Map<String, Object> values, String comment) {
		commands.execute(new CompleteCheckedTask(tasks, taskId, userId, mayComplete, values, comment));
	}
}
