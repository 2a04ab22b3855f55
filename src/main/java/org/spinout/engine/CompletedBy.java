package org.spinout.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Records who completed a task, whichever way it was completed. The history names a task's
 * assignee as the person who completed it; a task completed without being claimed (an
 * administrator through the REST API or Tasklist) would have none, and one completed by someone
 * other than its assignee would name the wrong person. So, as a task completes, the signed-in
 * person becomes its assignee in the record. The field is set without the engine's assignment
 * events: nobody is told of a task that is finishing. Work the engine does on its own (a timer)
 * has nobody signed in and changes nothing.
 */
@Component
class CompletedBy extends AbstractProcessEnginePlugin implements TaskListener {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
						.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CompletedBy.this);
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	@Override
	public void notify(DelegateTask task) {
		String person = Context.getCommandContext().getAuthenticatedUserId();
		if (person != null && !person.equals(task.getAssignee()) && task instanceof TaskEntity entity) {
			entity.setAssigneeWithoutCascade(person);
		}
	}
}
