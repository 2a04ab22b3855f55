package org.spinout.contract;

/** The keys of the processes in {@code processes/}: the programme and the phases it calls. */
public final class Processes {

	/** The main process: one instance per programme, its business key the programme's reference. */
	public static final String PROGRAMME = "spin-out-programme";

	public static final String STAKEHOLDER_ENGAGEMENT = "stakeholder-engagement";

	public static final String BUSINESS_CASE = "business-case";

	public static final String SPIN_OUT_DECISION = "spin-out-decision";

	public static final String CALL_IN = "call-in";

	public static final String LEGAL_FORMATION = "legal-formation";

	public static final String CONTRACT_PROCUREMENT = "contract-procurement";

	public static final String STAFF_TRANSFER = "staff-transfer";

	public static final String GO_LIVE = "go-live";

	/** Called when a programme stops, to wind down in order. */
	public static final String STOP_IN_ORDER = "stop-in-order";

	private Processes() {
	}
}
