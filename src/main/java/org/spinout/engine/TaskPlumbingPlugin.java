package org.spinout.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Has the engine parse every model with {@link TaskPlumbing}: models are deployed, and read back, with it. */
@Component
public class TaskPlumbingPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setBpmnParseFactory(PlumbedBpmnParse::new);
	}
}
