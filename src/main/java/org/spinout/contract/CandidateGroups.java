package org.spinout.contract;

import java.util.Set;

/**
 * The groups that the models offer tasks to ({@code camunda:candidateGroups}), each a group in
 * the engine's identity service. Groups that hold no tasks (process designers, administrators)
 * are Spinout's own business and live with {@code identity.Role}.
 */
public final class CandidateGroups {

	public static final String PROGRAMME_MANAGERS = "programme-managers";

	public static final String SHADOW_BOARD = "shadow-board";

	public static final String SPONSORS = "sponsors";

	public static final String DECISION_MAKERS = "decision-makers";

	public static final String LEGAL = "legal";

	public static final String FINANCE = "finance";

	public static final String SCRUTINY = "scrutiny";

	public static final String COMMISSIONERS = "commissioners";

	public static final String PROCUREMENT = "procurement";

	public static final String HR = "hr";

	public static final String UNIONS = "unions";

	public static final String PENSIONS = "pensions";

	/** Every group above: the only groups a model may offer a task to. */
	public static final Set<String> ALL = Set.of(PROGRAMME_MANAGERS, SHADOW_BOARD, SPONSORS, DECISION_MAKERS, LEGAL,
			FINANCE, SCRUTINY, COMMISSIONERS, PROCUREMENT, HR, UNIONS, PENSIONS);

	private CandidateGroups() {
	}
}
