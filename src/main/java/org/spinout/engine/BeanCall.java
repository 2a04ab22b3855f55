package org.spinout.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * A model's expression that is one call of a bean's method, such as
 * {@code ${workingDays.fromNow(10, nation)}}, read with the engine's own expression parser: so
 * that what Spinout reads from a model is what the engine will run, spaces, quotes and all.
 *
 * @param arguments each a variable's {@link Argument#name()}, or a literal text or number
 *        {@link Argument#value()}
 */
public record BeanCall(String bean, String method, List<Argument> arguments) {

	/** One argument: the name of a variable or bean, or else a literal value. */
	public record Argument(String name, Object value) {

		public boolean isName() {
			return name != null;
		}
	}

	/** As {@link JuelExpressionCheck} reads expressions. */
	private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	/** The call the expression is, if it is nothing but one call of a named bean's method with names and literals. */
	public static Optional<BeanCall> of(String expression) {
		if (expression == null || expression.length() > JuelExpressionCheck.MAX_LENGTH) {
			return Optional.empty();
		}
		Node root;
		try {
			root = JUEL.build(expression.strip()).getRoot();
		}
		catch (TreeBuilderException unreadable) {
			return Optional.empty();
		}
		if (!(root instanceof AstEval eval) || !(eval.getChild(0) instanceof AstMethod call)
				|| !(call.getChild(0) instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier bean)) {
			return Optional.empty();
		}
		Node parameters = call.getChild(1);
		List<Argument> arguments = new ArrayList<>();
		for (int i = 0; i < parameters.getCardinality(); i++) {
			Node argument = parameters.getChild(i);
			if (argument instanceof AstIdentifier name) {
				arguments.add(new Argument(name.getName(), null));
			}
			else if (argument instanceof AstString || argument instanceof AstNumber) {
				// a literal's value needs no variables and no context
				arguments.add(new Argument(null, ((AstNode) argument).eval(null, null)));
			}
			else {
				return Optional.empty();
			}
		}
		// AstDot prints itself as ". name"
		return Optional.of(new BeanCall(bean.getName(), dot.toString().substring(2), List.copyOf(arguments)));
	}

	/** Whether this calls the bean's method with this many arguments. */
	public boolean is(String bean, String method, int arguments) {
		return this.bean.equals(bean) && this.method.equals(method) && this.arguments.size() == arguments;
	}
}
