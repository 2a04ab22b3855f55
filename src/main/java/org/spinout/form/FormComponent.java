package org.spinout.form;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One component of a form as its JSON declares it: a field that takes an answer, or a text to
 * show. Immutable; the templates read it through {@link FieldView}.
 */
public final class FormComponent {

	private final ComponentType type;

	private final String key;

	private final String label;

	private final String hint;

	private final Rules rules;

	private final List<Option> options;

	private final Integer decimalDigits;

	private final Object defaultValue;

	private final Condition hideWhen;

	private final boolean alwaysReadonly;

	private final Condition readonlyWhen;

	private final List<TextBlock> text;

	private final String accept;

	private final boolean disallowPassedDates;

	FormComponent(Builder builder) {
		this.type = builder.type;
		this.key = builder.key;
		this.label = builder.label;
		this.hint = builder.hint;
		this.rules = builder.rules;
		this.options = List.copyOf(builder.options);
		this.decimalDigits = builder.decimalDigits;
		this.defaultValue = builder.defaultValue;
		this.hideWhen = builder.hideWhen;
		this.alwaysReadonly = builder.alwaysReadonly;
		this.readonlyWhen = builder.readonlyWhen;
		this.text = List.copyOf(builder.text);
		this.accept = builder.accept;
		this.disallowPassedDates = builder.disallowPassedDates;
	}

	/** A copy with other text: the same component, its blocks changed. */
	private FormComponent(FormComponent other, List<TextBlock> text) {
		this.type = other.type;
		this.key = other.key;
		this.label = other.label;
		this.hint = other.hint;
		this.rules = other.rules;
		this.options = other.options;
		this.decimalDigits = other.decimalDigits;
		this.defaultValue = other.defaultValue;
		this.hideWhen = other.hideWhen;
		this.alwaysReadonly = other.alwaysReadonly;
		this.readonlyWhen = other.readonlyWhen;
		this.text = List.copyOf(text);
		this.accept = other.accept;
		this.disallowPassedDates = other.disallowPassedDates;
	}

	public ComponentType type() {
		return type;
	}

	/** The variable the answer is stored in, and the request parameter it comes from; null for texts. */
	public String key() {
		return key;
	}

	public String label() {
		return label;
	}

	/** The component's {@code description}, shown as the GOV.UK hint; null when there is none. */
	public String hint() {
		return hint;
	}

	public Rules rules() {
		return rules;
	}

	public List<Option> options() {
		return options;
	}

	/** Digits allowed after the point of a number; null when any are allowed. */
	public Integer decimalDigits() {
		return decimalDigits;
	}

	/** Whether a number is a whole number, stored as a Long rather than a Double. */
	public boolean isWholeNumber() {
		return decimalDigits != null && decimalDigits == 0;
	}

	/** The file types a file field accepts, as the HTML accept attribute; null for any. */
	public String accept() {
		return accept;
	}

	public boolean disallowPassedDates() {
		return disallowPassedDates;
	}

	List<TextBlock> text() {
		return text;
	}

	/** This text without its first block. */
	FormComponent withoutFirstBlock() {
		return new FormComponent(this, text.subList(1, text.size()));
	}

	Object defaultValue() {
		return defaultValue;
	}

	Optional<Condition> hideWhen() {
		return Optional.ofNullable(hideWhen);
	}

	/**
	 * Whether the field only shows a value. Decided on the stored variables alone, never on the
	 * request, so that a request cannot make a read-only field writable.
	 */
	boolean isReadonly(Map<String, ?> variables) {
		return alwaysReadonly || (readonlyWhen != null && readonlyWhen.isTrue(variables));
	}

	Optional<Option> option(String value) {
		return options.stream().filter(option -> option.value().equals(value)).findFirst();
	}

	/** The names of the variables this component reads: its own and those of its expressions. */
	Set<String> variableNames() {
		Set<String> names = new LinkedHashSet<>();
		if (key != null) {
			names.add(key);
		}
		if (hideWhen != null) {
			names.addAll(hideWhen.names());
		}
		if (readonlyWhen != null) {
			names.addAll(readonlyWhen.names());
		}
		names.addAll(TextBlock.placeholders(text));
		return names;
	}

	@Override
	public String toString() {
		return type.jsonName() + (key != null ? " " + key : "");
	}

	static final class Builder {

		ComponentType type;

		String key;

		String label;

		String hint;

		Rules rules = Rules.NONE;

		List<Option> options = List.of();

		Integer decimalDigits;

		Object defaultValue;

		Condition hideWhen;

		boolean alwaysReadonly;

		Condition readonlyWhen;

		List<TextBlock> text = List.of();

		String accept;

		boolean disallowPassedDates;

		FormComponent build() {
			return new FormComponent(this);
		}
	}
}
