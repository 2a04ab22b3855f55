package org.spinout.contract;

/** The messages that the code correlates and the models catch, by the name the models give them. */
public final class Messages {

	/** The new body is on the register: the legal formation phase waits for it. */
	public static final String NEW_BODY_REGISTERED = "NewBodyRegistered";

	/** A programme manager moved the target transfer date: the clocks that hang on it start again. */
	public static final String TRANSFER_DATE_MOVED = "TransferDateMoved";

	private Messages() {
	}
}
