package org.spinout.journey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The new organisation's registration, which other phases wait for: the contract cannot be signed,
 * pensions admitted or employee information given before the body exists. Legal formation announces
 * it ({@code ${newBodyRegistration.announce(execution)}}): the facts go on the programme's record and
 * the message {@value #MESSAGE} to every phase of the programme waiting for it. A phase about to wait
 * first looks it up ({@code ${newBodyRegistration.lookUp(execution)}}), since a message reaches only
 * those already waiting.
 */
@Component("newBodyRegistration")
public class NewBodyRegistration {

	public static final String MESSAGE = "NewBodyRegistered";

	/** True once the new organisation is registered; what a waiting phase decides on. */
	public static final String REGISTERED = "newBodyRegistered";

	/** What the other phases need to know of the new organisation. */
	static final List<String> FACTS = List.of("registrationDate", "registeredName", "legalForm", "societyNumber",
			"companyNumber");

	/** Records the registration on the programme and tells the phases waiting for it. */
	public void announce(DelegateExecution execution) {
		Map<String, Object> facts = new HashMap<>();
		for (String name : FACTS) {
			Object value = execution.getVariable(name);
			if (value != null) {
				facts.put(name, value);
			}
		}
		facts.put(REGISTERED, true);
		DelegateExecution programme = ProgrammeRoot.of(execution);
		facts.forEach(programme::setVariableLocal);
		ProgrammeRoot.tell(execution, MESSAGE, facts);
	}

	/**
	 * Sets {@value #REGISTERED} in the phase: whether the programme records the new organisation as
	 * registered, with its facts copied into the phase when it is.
	 */
	public void lookUp(DelegateExecution execution) {
		DelegateExecution programme = ProgrammeRoot.of(execution);
		boolean registered = Boolean.TRUE.equals(programme.getVariableLocal(REGISTERED));
		if (registered) {
			for (String name : FACTS) {
				Object value = programme.getVariableLocal(name);
				if (value != null) {
					execution.setVariable(name, value);
				}
			}
		}
		execution.setVariable(REGISTERED, registered);
	}
}
