package org.spinout.contract;

/**
 * The Spring beans the models call by name in their expressions ({@code ${workingDays...}},
 * {@code camunda:delegateExpression="${recordProgrammeStop}"}). Each class that serves one
 * names itself with the constant here, so that renaming it cannot silently break a model.
 */
public final class Delegates {

	public static final String WORKING_DAYS = "workingDays";

	public static final String CLOCKS = "clocks";

	public static final String CHECK_TRANSFER_DATE = "checkTransferDate";

	public static final String RECORD_PROGRAMME_STOP = "recordProgrammeStop";

	public static final String TRANSFER_DATE_MOVE = "transferDateMove";

	public static final String TRANSFER_DATE_CLOCKS = "transferDateClocks";

	public static final String NEW_BODY_REGISTRATION = "newBodyRegistration";

	private Delegates() {
	}
}
