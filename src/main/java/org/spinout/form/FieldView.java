package org.spinout.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One component ready for {@code templates/form/fields.html}: the schema's component with what
 * to show in it now (the answer entered or stored, its error, the read-only value or the text
 * with its placeholders filled in) and the ids the GOV.UK markup links together.
 */
public final class FieldView {

	private static final Pattern WEB_ADDRESS = Pattern.compile("^https?://\\S+$");

	private final FormComponent component;

	private final List<String> entries;

	private final FieldError error;

	private final List<String> display;

	private final List<TextBlock> text;

	FieldView(FormComponent component, List<String> entries, FieldError error, List<String> display,
			List<TextBlock> text) {
		this.component = component;
		this.entries = List.copyOf(entries);
		this.error = error;
		this.display = List.copyOf(display);
		this.text = List.copyOf(text);
	}

	public FormComponent component() {
		return component;
	}

	/** The form-js type name, which selects the markup. */
	public String type() {
		return component.type().jsonName();
	}

	/** The id of the field's (first) input, also its request parameter and its key. */
	public String id() {
		return component.key();
	}

	/** The id of the n-th (from 0) radio or checkbox: the first takes the field's id, so error links reach it. */
	public String itemId(int index) {
		return index == 0 ? id() : id() + "-" + (index + 1);
	}

	/** A text field as wide as its longest answer, as GOV.UK asks; empty for the full width. */
	public String widthClass() {
		Integer maxLength = component.rules().maxLength();
		if (maxLength == null || maxLength > 20) {
			return "";
		}
		return maxLength <= 10 ? "govuk-input--width-10" : "govuk-input--width-20";
	}

	public String label() {
		return component.label();
	}

	public String hint() {
		return component.hint();
	}

	public String hintId() {
		return id() + "-hint";
	}

	public String errorId() {
		return id() + "-error";
	}

	/** The character count's message, for a text area with a maximum length. */
	public String countId() {
		return id() + "-info";
	}

	public boolean hasCharacterCount() {
		return component.type() == ComponentType.TEXT_AREA && component.rules().maxLength() != null;
	}

	/** The ids that describe the input: hint, character count and error, as GOV.UK orders them; null if none. */
	public String describedBy() {
		List<String> ids = new ArrayList<>();
		if (hint() != null) {
			ids.add(hintId());
		}
		if (hasCharacterCount()) {
			ids.add(countId());
		}
		if (error != null) {
			ids.add(errorId());
		}
		return ids.isEmpty() ? null : String.join(" ", ids);
	}

	public FieldError error() {
		return error;
	}

	public boolean hasError() {
		return error != null;
	}

	/** Whether one input of the field is in error: for a date, "day", "month" or "year". */
	private boolean inError(String part) {
		return error != null && error.inputIds().contains(id() + "-" + part);
	}

	/** The single answer as entered: a text, a number, the chosen radio or select option. */
	public String value() {
		return entries.isEmpty() ? "" : entries.get(0);
	}

	public boolean isSelected(String optionValue) {
		return entries.contains(optionValue);
	}

	public boolean isChecked() {
		return entries.contains("true");
	}

	/** One of the three inputs of a date: its id (also its parameter), label, entry and width. */
	public record DatePart(String id, String label, String value, String widthClass, boolean inError) {
	}

	/** The day, month and year inputs of a date field, as the GOV.UK date input pattern has them. */
	public List<DatePart> dateParts() {
		List<DatePart> parts = new ArrayList<>();
		for (int i = 0; i < FieldRules.DATE_PARTS.size(); i++) {
			String part = FieldRules.DATE_PARTS.get(i);
			String label = Character.toUpperCase(part.charAt(0)) + part.substring(1);
			String width = part.equals("year") ? "govuk-input--width-4" : "govuk-input--width-2";
			parts.add(new DatePart(id() + "-" + part, label, datePart(i), width, inError(part)));
		}
		return parts;
	}

	/** The lines of a read-only value; empty when there is none. */
	public List<String> display() {
		return display;
	}

	/** A read-only value that is one web address, shown as a link; null otherwise. */
	public String link() {
		return display.size() == 1 && WEB_ADDRESS.matcher(display.get(0)).matches() ? display.get(0) : null;
	}

	/** The blocks of a text component, placeholders filled in. */
	public List<TextBlock> text() {
		return text;
	}

	private String datePart(int index) {
		return entries.size() > index ? entries.get(index) : "";
	}
}
