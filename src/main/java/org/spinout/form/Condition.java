package org.spinout.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FEEL expression of a form, such as {@code =awardRoute != "psr"} in {@code conditional.hide}.
 * Only the part of FEEL that forms use to compare answers is understood: names, string, number,
 * boolean and null literals, {@code = != < <= > >=}, {@code and}, {@code or}, {@code not(...)}
 * and parentheses. Anything else is refused when the form is read rather than guessed at when
 * it is shown. As in FEEL, {@code null != "x"} is true and a comparison with null is not.
 */
final class Condition {

	private static final Pattern TOKEN = Pattern.compile(
			"\\s*(?:(\"(?:[^\"\\\\]|\\\\.)*\")|(-?\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(!=|<=|>=|=|<|>|\\(|\\)))");

	private final String source;

	private final Node root;

	private final Set<String> names;

	private Condition(String source, Node root, Set<String> names) {
		this.source = source;
		this.root = root;
		this.names = Set.copyOf(names);
	}

	/** Reads an expression written as form-js writes them, with a leading {@code =}. */
	static Condition parse(String expression) {
		String trimmed = expression.trim();
		if (!trimmed.startsWith("=")) {
			throw new IllegalArgumentException("'" + expression + "' is not an expression: it must start with =");
		}
		Parser parser = new Parser(trimmed.substring(1));
		Node root = parser.or();
		parser.expectEnd();
		return new Condition(expression, root, parser.names);
	}

	/** Whether the expression is true for these values; false when it is false or null. */
	boolean isTrue(Map<String, ?> data) {
		return Boolean.TRUE.equals(root.evaluate(data));
	}

	/** The names the expression reads. */
	Set<String> names() {
		return names;
	}

	@Override
	public String toString() {
		return source;
	}

	private interface Node {
		Object evaluate(Map<String, ?> data);
	}

	private static final class Parser {

		private final List<String> tokens = new ArrayList<>();

		private final Set<String> names = new LinkedHashSet<>();

		private int position;

		Parser(String text) {
			Matcher matcher = TOKEN.matcher(text);
			int at = 0;
			while (at < text.length()) {
				if (text.substring(at).isBlank()) {
					break;
				}
				matcher.region(at, text.length());
				if (!matcher.lookingAt()) {
					throw new IllegalArgumentException("cannot read '" + text.substring(at).trim() + "'");
				}
				tokens.add(matcher.group().trim());
				at = matcher.end();
			}
		}

		Node or() {
			Node left = and();
			while (accept("or")) {
				Node a = left;
				Node b = and();
				left = data -> logical(a.evaluate(data), b.evaluate(data), true);
			}
			return left;
		}

		Node and() {
			Node left = comparison();
			while (accept("and")) {
				Node a = left;
				Node b = comparison();
				left = data -> logical(a.evaluate(data), b.evaluate(data), false);
			}
			return left;
		}

		Node comparison() {
			Node left = operand();
			String operator = peek();
			if (operator != null && List.of("=", "!=", "<", "<=", ">", ">=").contains(operator)) {
				position++;
				Node right = operand();
				return data -> compare(operator, left.evaluate(data), right.evaluate(data));
			}
			return left;
		}

		Node operand() {
			String token = next();
			if (token.equals("(")) {
				Node inner = or();
				expect(")");
				return inner;
			}
			if (token.equals("not") && accept("(")) {
				Node inner = or();
				expect(")");
				return data -> inner.evaluate(data) instanceof Boolean value ? !value : null;
			}
			if (token.startsWith("\"")) {
				String text = token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
				return data -> text;
			}
			if (Character.isDigit(token.charAt(0)) || token.startsWith("-")) {
				BigDecimal number = new BigDecimal(token);
				return data -> number;
			}
			switch (token) {
			case "true":
				return data -> Boolean.TRUE;
			case "false":
				return data -> Boolean.FALSE;
			case "null":
				return data -> null;
			case "and", "or", "not":
				throw new IllegalArgumentException("'" + token + "' is misplaced");
			default:
				if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
					throw new IllegalArgumentException("'" + token + "' is misplaced");
				}
				names.add(token);
				return data -> data.get(token);
			}
		}

		void expectEnd() {
			if (position < tokens.size()) {
				String rest = String.join(" ", tokens.subList(position, tokens.size()));
				throw new IllegalArgumentException("cannot read '" + rest + "'");
			}
		}

		private String peek() {
			return position < tokens.size() ? tokens.get(position) : null;
		}

		private String next() {
			if (position >= tokens.size()) {
				throw new IllegalArgumentException("the expression ends too early");
			}
			return tokens.get(position++);
		}

		private boolean accept(String token) {
			if (token.equals(peek())) {
				position++;
				return true;
			}
			return false;
		}

		private void expect(String token) {
			if (!accept(token)) {
				throw new IllegalArgumentException("'" + token + "' expected");
			}
		}
	}

	/** FEEL's three-valued and/or: a decided side wins over a null one. */
	private static Boolean logical(Object left, Object right, boolean isOr) {
		Boolean a = left instanceof Boolean value ? value : null;
		Boolean b = right instanceof Boolean value ? value : null;
		if (isOr) {
			if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
				return true;
			}
			return a == null || b == null ? null : false;
		}
		if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
			return false;
		}
		return a == null || b == null ? null : true;
	}

	private static Boolean compare(String operator, Object left, Object right) {
		if (operator.equals("=") || operator.equals("!=")) {
			boolean equal = equal(left, right);
			return operator.equals("=") == equal;
		}
		BigDecimal a = number(left);
		BigDecimal b = number(right);
		if (a == null || b == null) {
			return null;
		}
		int order = a.compareTo(b);
		return switch (operator) {
		case "<" -> order < 0;
		case "<=" -> order <= 0;
		case ">" -> order > 0;
		default -> order >= 0;
		};
	}

	private static boolean equal(Object left, Object right) {
		if (left == null || right == null) {
			return left == right;
		}
		BigDecimal a = number(left);
		BigDecimal b = number(right);
		if (a != null && b != null) {
			return a.compareTo(b) == 0;
		}
		return left.equals(right);
	}

	private static BigDecimal number(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof Double || value instanceof Float) {
			return BigDecimal.valueOf(((Number) value).doubleValue());
		}
		return null;
	}
}
