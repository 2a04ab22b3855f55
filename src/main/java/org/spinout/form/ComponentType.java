package org.spinout.form;

import java.util.Arrays;
import java.util.Optional;

/**
 * The form-js component types Spinout shows, each by its name in the form JSON. Types that
 * carry no data and no text (buttons, spacers, separators) are left out of the form; any
 * other type is refused when the form is read, so a form never loses a field silently.
 */
public enum ComponentType {

	TEXT_FIELD("textfield"),
	TEXT_AREA("textarea"),
	NUMBER("number"),
	CHECKBOX("checkbox"),
	CHECKLIST("checklist"),
	RADIO("radio"),
	SELECT("select"),
	DATE("datetime"),
	FILE("filepicker"),
	TEXT("text");

	private final String jsonName;

	ComponentType(String jsonName) {
		this.jsonName = jsonName;
	}

	/** The type's name in form-js JSON, also used by the templates to choose the markup. */
	public String jsonName() {
		return jsonName;
	}

	/** Whether the component takes an answer (every type but the display text). */
	public boolean isInput() {
		return this != TEXT;
	}

	/** Whether the answer is one of the component's options. */
	public boolean hasOptions() {
		return this == CHECKLIST || this == RADIO || this == SELECT;
	}

	static Optional<ComponentType> ofJsonName(String name) {
		return Arrays.stream(values()).filter(type -> type.jsonName.equals(name)).findFirst();
	}
}
