package org.spinout.programme;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.spinout.contract.Processes;
import org.spinout.security.ActingUser;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a programme: one instance of the main process, whose business key is the programme's
 * reference. The reference and the start are one transaction, so a start that fails leaves
 * neither a programme nor a used number behind.
 */
@Component
public class ProgrammeStarter {

	public static final String REFERENCE = "programmeReference";

	private final ProgrammeReferences references;

	private final RuntimeService runtime;

	private final ActingUser acting;

	ProgrammeStarter(ProgrammeReferences references, RuntimeService runtime, ActingUser acting) {
		this.references = references;
		this.runtime = runtime;
		this.acting = acting;
	}

	/**
	 * Starts the programme as the given user (recorded as its initiator; the engine checks they
	 * may) and returns its reference.
	 */
	@Transactional
	public String start(Map<String, Object> variables, SpinoutUser user) {
		String reference = references.next();
		Map<String, Object> all = new HashMap<>(variables);
		all.put(REFERENCE, reference);
		acting.run(user, () -> runtime.startProcessInstanceByKey(Processes.PROGRAMME, reference, all));
		return reference;
	}
}
