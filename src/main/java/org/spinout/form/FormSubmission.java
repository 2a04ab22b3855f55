package org.spinout.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form's answers as submitted, checked against its schema: either valid, with the typed values
 * to give the engine, or with an error per field to show. It also keeps what was entered, so
 * the page shows the answers again beside their errors.
 */
public final class FormSubmission {

	private final Map<String, Object> values;

	private final Map<String, FieldError> errors;

	private final Map<String, List<String>> entries;

	FormSubmission(Map<String, Object> values, Map<String, FieldError> errors, Map<String, List<String>> entries) {
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
		this.entries = Map.copyOf(entries);
	}

	public boolean isValid() {
		return errors.isEmpty();
	}

	/**
	 * The answers as process variables, in form order: String, Long, Double (a number with
	 * decimals allowed), Boolean, Date (midnight in London) and, for a checklist, the chosen
	 * values joined by commas. A field left empty maps to null, so that clearing an answer clears
	 * the variable. Read-only fields and fields hidden by their condition are absent, so they
	 * keep their value.
	 *
	 * @throws IllegalStateException when the submission has errors: nothing half-checked reaches
	 *         the engine
	 */
	public Map<String, Object> values() {
		if (!isValid()) {
			throw new IllegalStateException("The submission has errors in " + errors.keySet() + "; show them instead");
		}
		return values;
	}

	/**
	 * The value of one field that passed its own rules, even while other fields have errors, for a
	 * rule between fields that is checked in the same round; empty for a field with an error, not
	 * asked, or left empty.
	 */
	public Optional<Object> checkedValue(String key) {
		return Optional.ofNullable(values.get(key));
	}

	/**
	 * The same answers with one more error, for a rule that lies outside the form's schema (such
	 * as a decision's reasons, needed only when rejecting or sending back).
	 */
	public FormSubmission withError(String key, String message) {
		Map<String, FieldError> more = new LinkedHashMap<>(errors);
		more.put(key, new FieldError(key, message, List.of(key)));
		return new FormSubmission(values, more, entries);
	}

	/** The errors by field key, in form order; empty when the submission is valid. */
	public Map<String, FieldError> errors() {
		return errors;
	}

	/** What the request held for a field, ready to show again; null for a field it did not read. */
	List<String> entries(String key) {
		return entries.get(key);
	}
}
