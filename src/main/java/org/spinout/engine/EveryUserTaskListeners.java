package org.spinout.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts each {@link EveryUserTaskListener} on every user task as the engine parses a model. See
 * {@code docs/decisions/every-user-task-listeners.md}.
 */
@Component
class EveryUserTaskListeners extends AbstractProcessEnginePlugin {

	private final List<EveryUserTaskListener> listeners;

	EveryUserTaskListeners(List<EveryUserTaskListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		parseListeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				for (EveryUserTaskListener listener : listeners) {
					listener.events().forEach(event -> task.addBuiltInTaskListener(event, listener));
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(parseListeners);
	}
}
