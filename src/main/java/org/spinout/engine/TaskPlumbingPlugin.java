package org.spinout.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Has the engine parse every model with {@link TaskPlumbing} (models are deployed, and read back,
 * with it) and enforce the {@link SeparationOfDuties} on every user task, whichever way a task is
 * claimed, assigned or completed.
 */
@Component
public class TaskPlumbingPlugin extends AbstractProcessEnginePlugin {

	/** The expressions the plumbing adds to models: they run like the models' own, so their beans must be allowed. */
	public static final List<String> EXPRESSIONS = List.of(TaskPlumbing.REMINDER_LISTENER, TaskPlumbing.REMINDER_TIMER,
			TaskPlumbing.ESCALATION_LISTENER, TaskPlumbing.ESCALATION_TIMER);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setBpmnParseFactory(PlumbedBpmnParse::new);
		add(configuration::getCustomPostBPMNParseListeners, configuration::setCustomPostBPMNParseListeners,
				(BpmnParseListener) new SeparationOfDuties());
		// Inside the command context a refusal is unwrapped before the engine logs it (as an
		// authorization problem, not an error); outside it, one raised while the context closes.
		add(configuration::getCustomPostCommandInterceptorsTxRequired,
				configuration::setCustomPostCommandInterceptorsTxRequired, new DutyRefusals());
		add(configuration::getCustomPreCommandInterceptorsTxRequired,
				configuration::setCustomPreCommandInterceptorsTxRequired, new DutyRefusals());
		add(configuration::getCustomPostCommandInterceptorsTxRequiresNew,
				configuration::setCustomPostCommandInterceptorsTxRequiresNew, new DutyRefusals());
		add(configuration::getCustomPreCommandInterceptorsTxRequiresNew,
				configuration::setCustomPreCommandInterceptorsTxRequiresNew, new DutyRefusals());
	}

	private static <T> void add(Supplier<List<T>> current, Consumer<List<T>> set, T item) {
		List<T> items = current.get() == null ? new ArrayList<>() : new ArrayList<>(current.get());
		items.add(item);
		set.accept(items);
	}
}
