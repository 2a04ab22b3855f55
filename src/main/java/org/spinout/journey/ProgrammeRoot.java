package org.spinout.journey;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The programme a phase belongs to: the root process instance above it, which keeps the programme's
 * record and whose process instance tree holds every phase. Phases of one programme tell each other
 * things by messages to that tree only, never by signals, which would reach every programme.
 */
final class ProgrammeRoot {

	private ProgrammeRoot() {
	}

	/** The programme's main process instance; the phase itself when it runs on its own, as in its tests. */
	static DelegateExecution of(DelegateExecution execution) {
		DelegateExecution instance = execution.getProcessInstance();
		while (instance.getSuperExecution() != null) {
			instance = instance.getSuperExecution().getProcessInstance();
		}
		return instance;
	}

	/**
	 * Delivers the message, with these variables, to every process instance of the programme that
	 * waits for it; an instance that does not wait for it is left alone.
	 */
	static void tell(DelegateExecution execution, String message, Map<String, Object> variables) {
		RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
		String root = of(execution).getProcessInstanceId();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery().rootProcessInstanceId(root).list()) {
			runtime.createMessageCorrelation(message).processInstanceId(instance.getId()).setVariables(variables)
					.correlateAllWithResult();
		}
	}
}
