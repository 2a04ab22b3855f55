package org.spinout.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
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
 * Puts the {@link TaskNotifier} on every user task of every model as it is parsed, so no model has
 * to carry it and none can forget it. Built-in listeners run even where an operator skips a
 * model's own listeners, so nobody misses work that an instance modification created.
 */
@Component
class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

	private final TaskNotifier notifier;

	NotificationEnginePlugin(TaskNotifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, notifier);
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, notifier);
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}
}
