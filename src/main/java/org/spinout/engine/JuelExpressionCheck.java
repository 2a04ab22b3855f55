package org.spinout.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.spinout.model.ExpressionCheck;
import org.spinout.model.ModelPolicyProperties;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The deploy-time half of {@link ExpressionReach}: reads an expression with the engine's parser
 * and refuses, before anything runs, what can be seen from its text. A name that is a bean off
 * the allowlist, a method an allowed bean does not declare, a method no permitted value has, a
 * method named by a computed string, a function the engine does not give. What only the values
 * show (a property of a variable) is left to the resolver when the expression runs.
 */
@Component
public class JuelExpressionCheck implements ExpressionCheck {

	/** Longer than any expression a journey needs, short enough that the parser's recursion stays shallow. */
	static final int MAX_LENGTH = 1000;

	/** Method calls on variables and beans, as the engine's own expressions allow. */
	private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	private final ModelPolicyProperties properties;

	private final ListableBeanFactory beans;

	JuelExpressionCheck(ModelPolicyProperties properties, ListableBeanFactory beans) {
		this.properties = properties;
		this.beans = beans;
	}

	@Override
	public List<String> problems(String expression) {
		List<String> problems = new ArrayList<>();
		if (expression.length() > MAX_LENGTH) {
			problems.add("has an expression longer than " + MAX_LENGTH + " characters: split the work into a delegate "
					+ "of " + properties.policy().delegatePackage());
			return problems;
		}
		Tree tree;
		try {
			tree = JUEL.build(expression);
		}
		catch (TreeBuilderException e) {
			problems.add("has an expression that cannot be read: " + expression + " (" + e.getMessage() + ")");
			return problems;
		}
		for (IdentifierNode identifier : tree.getIdentifierNodes()) {
			String name = identifier.getName();
			if (!isAllowedBean(name) && beans.containsBean(name)) {
				problems.add("calls the bean '" + name + "', which is not on the allowlist "
						+ "(spinout.models.policy.allowed-beans)");
			}
		}
		walk(tree.getRoot(), expression, problems);
		return problems;
	}

	/** The names an expression reads or calls (variables and beans), or none when it cannot be read. */
	public static Set<String> names(String expression) {
		Set<String> names = new TreeSet<>();
		try {
			JUEL.build(expression).getIdentifierNodes().forEach(identifier -> names.add(identifier.getName()));
		}
		catch (TreeBuilderException unreadable) {
			// no names: the policy refuses such an expression with its reason
		}
		return names;
	}

	private void walk(Node node, String expression, List<String> problems) {
		if (node instanceof AstMethod) {
			call(node.getChild(0), expression, problems);
		}
		if (node instanceof AstFunction function && !ExpressionReach.ENGINE_FUNCTIONS.contains(function.getName())) {
			problems.add("calls the function '" + function.getName() + "' in " + expression + ": expressions may use "
					+ "only the engine's functions " + String.join(", ", ExpressionReach.ENGINE_FUNCTIONS.stream()
							.sorted().map(name -> name + "()").toList()));
		}
		for (int i = 0; i < node.getCardinality(); i++) {
			Node child = node.getChild(i);
			if (child != null) {
				walk(child, expression, problems);
			}
		}
	}

	/** The method a call names, on the value its prefix gives. */
	private void call(Node property, String expression, List<String> problems) {
		if (property instanceof AstBracket) {
			problems.add("names the method it calls by a computed value in " + expression
					+ ": write the method's name, for example workingDays.fromNow(5, nation)");
			return;
		}
		if (!(property instanceof AstDot dot)) {
			return;
		}
		String method = dot.toString().substring(2); // AstDot prints itself as ". name"
		Node base = dot.getChild(0);
		if (base instanceof AstIdentifier identifier && isAllowedBean(identifier.getName())) {
			Class<?> type = beans.getType(identifier.getName());
			if (type != null && !ExpressionReach.isBeanMethod(type, method)) {
				problems.add("calls '" + identifier.getName() + "." + method + "', which is not one of the bean's own "
						+ "public methods, in " + expression);
			}
		}
		else if (!ExpressionReach.valueMethodNames().contains(method)) {
			problems.add("calls the method '" + method + "' in " + expression + ", which expressions may not use: they "
					+ "may read variables, call the allowed beans' own methods and use text, numbers, dates, lists "
					+ "and maps");
		}
	}

	private boolean isAllowedBean(String name) {
		return properties.policy().allowedBeans().contains(name);
	}
}
