package org.spinout.programme;

import java.util.Arrays;
import java.util.Optional;

import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Where a programme stands as a whole. The journey records active, stopped or live in the
 * programme's {@code programmeStatus}; a suspension, and a stop from outside the journey (the
 * instance deleted), are read from the state of its main process instance.
 */
public enum ProgrammeStatus {

	ACTIVE("active", "Active", "govuk-tag--blue"),
	SUSPENDED("suspended", "Suspended", "govuk-tag--yellow"),
	STOPPED("stopped", "Stopped", "govuk-tag--red"),
	LIVE("live", "Live", "govuk-tag--green");

	private final String value;

	private final String label;

	private final String tagClass;

	ProgrammeStatus(String value, String label, String tagClass) {
		this.value = value;
		this.label = label;
		this.tagClass = tagClass;
	}

	public String value() {
		return value;
	}

	public String label() {
		return label;
	}

	public String tagClass() {
		return tagClass;
	}

	public boolean isRunning() {
		return this == ACTIVE || this == SUSPENDED;
	}

	static Optional<ProgrammeStatus> parse(String value) {
		return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst();
	}

	/** From the recorded status and the state of the main process instance. */
	static ProgrammeStatus of(Object recorded, String state) {
		if ("stopped".equals(recorded) || HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(state)
				|| HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(state)) {
			return STOPPED;
		}
		if ("live".equals(recorded) || HistoricProcessInstance.STATE_COMPLETED.equals(state)) {
			return LIVE;
		}
		if (HistoricProcessInstance.STATE_SUSPENDED.equals(state)) {
			return SUSPENDED;
		}
		return ACTIVE;
	}
}
