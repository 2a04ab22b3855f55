package org.spinout.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, with 400, a query to the engine's API that would make the server work without end
 * or run code: an expression anywhere in it ({@code dueAfterExpression} and the like, in
 * {@code orQueries} too, where Camunda 7.24 evaluates them unchecked), and a LIKE pattern
 * {@link LikePatterns} refuses, in a {@code ...Like} parameter or a variable filter with the
 * {@code like} operator. It reads the query string and, for JSON, the body (the size limit has
 * bounded it already); it runs for administrators too.
 */
final class EngineQueryGuard extends OncePerRequestFilter {

	/** Variable filters in query strings: {@code name_like_value}, several separated by commas. */
	private static final String[] LIKE_OPERATORS = { "_like_", "_notLike_" };

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			for (String value : parameter.getValue()) {
				field(parameter.getKey(), value, problems);
				variableFilter(parameter.getKey(), value, problems);
			}
		}
		HttpServletRequest forward = request;
		if (hasJsonBody(request)) {
			byte[] body = request.getInputStream().readAllBytes();
			forward = new ReadAgainRequest(request, body);
			try {
				walk(json.readTree(body), problems);
			}
			catch (JsonProcessingException unreadable) {
				// not JSON after all: the API answers that itself
			}
		}
		if (!problems.isEmpty()) {
			ApiErrors.write(response, HttpStatus.BAD_REQUEST, "The query was not run: " + String.join("; ", problems));
			return;
		}
		chain.doFilter(forward, response);
	}

	private void walk(JsonNode node, List<String> problems) {
		if (node == null) {
			return;
		}
		if (node.isObject()) {
			JsonNode operator = node.get("operator");
			JsonNode value = node.get("value");
			if (operator != null && operator.isTextual() && isLikeOperator(operator.asText()) && value != null
					&& value.isTextual()) {
				like("the variable filter on '" + node.path("name").asText() + "'", value.asText(), problems);
			}
			node.fields().forEachRemaining(field -> {
				if (field.getValue().isTextual()) {
					field(field.getKey(), field.getValue().asText(), problems);
				}
				else if (field.getValue().isObject() || field.getValue().isArray()) {
					walk(field.getValue(), problems);
				}
				else if (isExpression(field.getKey()) && !field.getValue().isNull()) {
					problems.add(expressionRefusal(field.getKey()));
				}
			});
		}
		else if (node.isArray()) {
			node.forEach(element -> walk(element, problems));
		}
	}

	private static void field(String name, String value, List<String> problems) {
		if (isExpression(name)) {
			problems.add(expressionRefusal(name));
		}
		else if (name.toLowerCase(Locale.ROOT).endsWith("like")) {
			like(name, value, problems);
		}
	}

	/** {@code processVariables=programmeName_like_%mutual%}: the value after the operator is a pattern. */
	private static void variableFilter(String name, String value, List<String> problems) {
		for (String operator : LIKE_OPERATORS) {
			int at = value.indexOf(operator);
			if (at >= 0) {
				String rest = value.substring(at + operator.length());
				int comma = rest.indexOf(',');
				like(name, comma >= 0 ? rest.substring(0, comma) : rest, problems);
			}
		}
	}

	private static void like(String where, String pattern, List<String> problems) {
		LikePatterns.problem(pattern).ifPresent(problem -> problems.add("the pattern of " + where + " " + problem));
	}

	private static boolean isExpression(String name) {
		return name.endsWith("Expression");
	}

	private static boolean isLikeOperator(String operator) {
		return operator.equalsIgnoreCase("like") || operator.equalsIgnoreCase("notLike");
	}

	private static String expressionRefusal(String name) {
		return name + " is an expression, and queries may not hold expressions: give the value itself";
	}

	private static boolean hasJsonBody(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || "GET".equals(request.getMethod())) {
			return false;
		}
		try {
			return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
		}
		catch (InvalidMediaTypeException unreadable) {
			return false;
		}
	}
}
