package org.spinout.form;

import java.util.List;

/**
 * What is wrong with one field's answer.
 *
 * @param key the field's key
 * @param message the message shown beside the field and in the error summary
 * @param inputIds the ids of the inputs to mark, first the one the error summary links to (a
 *        date missing its month marks only the month)
 */
public record FieldError(String key, String message, List<String> inputIds) {

	public FieldError {
		inputIds = List.copyOf(inputIds);
	}

	/** The id the error summary links to. */
	public String inputId() {
		return inputIds.get(0);
	}
}
