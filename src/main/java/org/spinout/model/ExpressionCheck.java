package org.spinout.model;

import java.util.List;

/**
 * Reads one expression of a model and says what in it the safety policy refuses. The engine
 * boundary implements it, since reading an expression takes the engine's own expression parser.
 */
public interface ExpressionCheck {

	/** Every reason the expression may not be deployed, in words a designer can act on; empty when it may. */
	List<String> problems(String expression);
}
