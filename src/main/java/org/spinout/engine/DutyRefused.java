package org.spinout.engine;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * The engine refused a claim, an assignment or a completion that would break a duty of the journey:
 * the person prepared the paper the task approves, or an officer's task tried to stop the programme.
 * An {@link AuthorizationException}, so that the REST API answers 403 and the pages say why, with
 * the same message everywhere.
 */
public class DutyRefused extends AuthorizationException {

	private static final long serialVersionUID = 1L;

	DutyRefused(String message) {
		super(message);
	}

	static DutyRefused preparedBy(String userId, String taskName) {
		return new DutyRefused(userId + " prepared the paper that '" + taskName + "' approves, in this programme: "
				+ "whoever prepares a paper does not approve it. Someone else in the task's groups must take it.");
	}

	static DutyRefused notADecisionMaker(String taskName) {
		return new DutyRefused("'" + taskName + "' cannot stop the programme: only the decision-makers stop a "
				+ "programme. Recommend it to them, or send the work back.");
	}
}
