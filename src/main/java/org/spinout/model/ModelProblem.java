package org.spinout.model;

/**
 * One thing wrong with a model or form file, tied to the element it concerns where there is one,
 * so that a designer can find it in the modeller by its id or its name.
 */
public record ModelProblem(String resource, String elementId, String elementName, String message) {

	public static ModelProblem of(String resource, String message) {
		return new ModelProblem(resource, null, null, message);
	}

	public boolean hasElement() {
		return elementId != null && !elementId.isBlank();
	}

	/** The element as a person finds it: {@code ApproveBusinessCase ("Approve the business case")}. */
	public String element() {
		if (!hasElement()) {
			return "";
		}
		return elementName == null || elementName.isBlank() ? elementId : elementId + " (\"" + elementName.strip() + "\")";
	}

	/** "resource: element: message", as the build check prints it. */
	@Override
	public String toString() {
		return resource + ": " + (hasElement() ? elementId + ": " : "") + message;
	}

	/** One line naming the element with its name, for messages to API callers. */
	public String describe() {
		return resource + ": " + (hasElement() ? element() + ": " : "") + message;
	}
}
