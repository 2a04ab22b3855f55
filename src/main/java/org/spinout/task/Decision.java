package org.spinout.task;

import java.util.Arrays;
import java.util.Optional;

/**
 * The answer at a gate, as its form's {@code decision} field gives it. Rejecting or sending back
 * needs reasons, which go on record with the decision.
 */
public enum Decision {

	APPROVE("approve", "Approved"),
	REJECT("reject", "Rejected"),
	SEND_BACK("sendBack", "Sent back for changes");

	private final String value;

	private final String recordedAs;

	Decision(String value, String recordedAs) {
		this.value = value;
		this.recordedAs = recordedAs;
	}

	public static Optional<Decision> of(Object value) {
		return Arrays.stream(values()).filter(decision -> decision.value.equals(value)).findFirst();
	}

	/** The value the form's {@code decision} field submits. */
	public String value() {
		return value;
	}

	public boolean needsReasons() {
		return this != APPROVE;
	}

	/** The comment that records the decision on the task and in the programme's history. */
	public String comment(String reasons) {
		return reasons == null || reasons.isBlank() ? recordedAs : recordedAs + ": " + reasons.strip();
	}
}
