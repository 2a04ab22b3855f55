package org.spinout.journey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.spinout.contract.Delegates;
import org.spinout.contract.Messages;
import org.spinout.contract.Variables;
import org.springframework.stereotype.Component;

/**
 * The new organisation's registration, which other phases wait for: the contract cannot be signed,
 * pensions admitted or employee information given before the body exists. Legal formation announces
 * it ({@code ${newBodyRegistration.announce(execution)}}): the facts go on the programme's record and
 * the message {@value Messages#NEW_BODY_REGISTERED} to every phase of the programme waiting for
 * it. A phase about to wait first looks it up ({@code ${newBodyRegistration.lookUp(execution)}}),
 * since a message reaches only those already waiting.
 */
@Component(Delegates.NEW_BODY_REGISTRATION)
public class NewBodyRegistration {

	/** What the other phases need to know of the new organisation. */
	static final List<String> FACTS = List.of(Variables.REGISTRATION_DATE, Variables.REGISTERED_NAME,
			Variables.LEGAL_FORM, Variables.SOCIETY_NUMBER, Variables.COMPANY_NUMBER);

	/** Records the registration on the programme and tells the phases waiting for it. */
	public void announce(DelegateExecution execution) {
		Map<String, Object> facts = new HashMap<>();
		for (String name : FACTS) {
			Object value = execution.getVariable(name);
			if (value != null) {
				facts.put(name, value);
			}
		}
		facts.put(Variables.NEW_BODY_REGISTERED, true);
		DelegateExecution programme = ProgrammeRoot.of(execution);
		facts.forEach(programme::setVariableLocal);
		ProgrammeRoot.tell(execution, Messages.NEW_BODY_REGISTERED, facts);
	}

	/**
	 * Sets {@value Variables#NEW_BODY_REGISTERED} in the phase: whether the programme records the new
	 * organisation as registered, with its facts copied into the phase when it is.
	 */
	public void lookUp(DelegateExecution execution) {
		DelegateExecution programme = ProgrammeRoot.of(execution);
		boolean registered = Boolean.TRUE.equals(programme.getVariableLocal(Variables.NEW_BODY_REGISTERED));
		if (registered) {
			for (String name : FACTS) {
				Object value = programme.getVariableLocal(name);
				if (value != null) {
					execution.setVariable(name, value);
				}
			}
		}
		execution.setVariable(Variables.NEW_BODY_REGISTERED, registered);
	}
}
