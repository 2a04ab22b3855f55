package org.spinout.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Has the engine parse every model with {@link TaskPlumbing}: models are deployed, and read back, with it. */
@Component
public class TaskPlumbingPlugin extends AbstractProcessEnginePlugin {

	/** The expressions the plumbing adds to models: they run like the models' own, so their beans must be allowed. */
	public static final List<String> EXPRESSIONS = List.of(TaskPlumbing.REMINDER_LISTENER, TaskPlumbing.REMINDER_TIMER,
			TaskPlumbing.ESCALATION_LISTENER, TaskPlumbing.ESCALATION_TIMER);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setBpmnParseFactory(PlumbedBpmnParse::new);
	}
}
