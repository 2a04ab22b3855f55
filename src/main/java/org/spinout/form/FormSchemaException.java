package org.spinout.form;

/**
 * A form whose JSON Spinout cannot show or check: it is not JSON, a component type or
 * expression is not supported, or a field lacks what it needs. The message names the form and
 * the component, so the form's author can correct it in Camunda Modeler.
 */
public class FormSchemaException extends RuntimeException {

	FormSchemaException(String message) {
		super(message);
	}

	FormSchemaException(String message, Throwable cause) {
		super(message, cause);
	}
}
