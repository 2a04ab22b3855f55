package org.spinout.model;

import java.util.regex.Pattern;

/**
 * One thing wrong with a model or form file, tied to the element it concerns where there is one,
 * so that a designer can find it in the modeller by its id or its name. An error stops the
 * deployment, because running the model would go wrong; a warning is shown beside the model and
 * the model deploys.
 */
public record ModelProblem(String resource, String elementId, String elementName, String message, boolean warning) {

	/** Line breaks and runs of spaces, which a name or an expression may hold, shown as one space. */
	private static final Pattern BREAKS = Pattern.compile("\\s*[\\r\\n\\u2028\\u2029]+\\s*|[\\t ]{2,}");

	public ModelProblem {
		elementName = oneLine(elementName);
		message = oneLine(message);
	}

	/** An error: nothing is deployed while it remains. */
	public ModelProblem(String resource, String elementId, String elementName, String message) {
		this(resource, elementId, elementName, message, false);
	}

	public static ModelProblem of(String resource, String message) {
		return new ModelProblem(resource, null, null, message);
	}

	/** The same problem as a warning. */
	public ModelProblem asWarning() {
		return new ModelProblem(resource, elementId, elementName, message, true);
	}

	public boolean hasElement() {
		return elementId != null && !elementId.isBlank();
	}

	/** The element as a person finds it: {@code ApproveBusinessCase ("Approve the business case")}. */
	public String element() {
		if (!hasElement()) {
			return "";
		}
		return elementName == null || elementName.isBlank() ? elementId : elementId + " (\"" + elementName + "\")";
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

	private static String oneLine(String text) {
		return text == null ? null : BREAKS.matcher(text.strip()).replaceAll(" ");
	}
}
