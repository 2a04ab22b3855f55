package org.spinout.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads the form-js JSON of a Camunda Form into components. Properties Spinout has no use for
 * (layout, exporter, custom properties...) are passed over; what would change the meaning of a
 * field and cannot be honoured (an unknown component type, options from a variable, a time
 * picker, an expression it cannot evaluate) is refused with the form's id and the component's.
 */
final class FormReader {

	/** An ObjectReader is immutable, so one can serve every thread. */
	private static final ObjectReader JSON = new ObjectMapper().reader();

	/** Form-js types that carry neither an answer nor text: the page has its own buttons. */
	private static final Set<String> NOTHING_TO_SHOW = Set.of("button", "spacer", "separator");

	private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** Form-js's own patterns for {@code validationType}. */
	private static final Pattern EMAIL = Pattern.compile("^[\\w.%+-]+@[\\w.-]+\\.[A-Za-z]{2,}$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{7,20}$");

	private FormReader() {
	}

	static FormSchema read(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JsonProcessingException e) {
			throw new FormSchemaException("The form is not valid JSON: " + e.getOriginalMessage(), e);
		}
		if (root == null || !root.isObject()) {
			throw new FormSchemaException("The form is not a JSON object");
		}
		String formId = text(root, "id");
		if (formId == null) {
			throw new FormSchemaException("The form has no id");
		}
		JsonNode components = root.get("components");
		if (components == null || !components.isArray()) {
			throw new FormSchemaException("The form '" + formId + "' has no components");
		}
		List<FormComponent> read = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		int position = 0;
		for (JsonNode node : components) {
			position++;
			String id = text(node, "id");
			String name = "component " + (id != null ? "'" + id + "'" : "number " + position);
			try {
				FormComponent component = component(node);
				if (component == null) {
					continue;
				}
				if (component.key() != null && !keys.add(component.key())) {
					throw new IllegalArgumentException("another field already uses the key '" + component.key() + "'");
				}
				read.add(component);
			}
			catch (IllegalArgumentException e) {
				throw new FormSchemaException(
						"The form '" + formId + "' cannot be used: " + name + ": " + e.getMessage(), e);
			}
		}
		return new FormSchema(formId, read);
	}

	private static FormComponent component(JsonNode node) {
		String typeName = text(node, "type");
		if (typeName == null) {
			throw new IllegalArgumentException("it has no type");
		}
		if (NOTHING_TO_SHOW.contains(typeName)) {
			return null;
		}
		ComponentType type = ComponentType.ofJsonName(typeName)
				.orElseThrow(() -> new IllegalArgumentException("the type '" + typeName + "' is not supported"));
		FormComponent.Builder component = new FormComponent.Builder();
		component.type = type;
		component.hideWhen = expression(node.path("conditional").get("hide"), "conditional.hide");
		if (type == ComponentType.TEXT) {
			String text = text(node, "text");
			component.text = TextBlock.parse(text == null ? "" : text);
			return component.build();
		}
		component.key = text(node, "key");
		if (component.key == null || !KEY.matcher(component.key).matches()) {
			throw new IllegalArgumentException("the key '" + component.key + "' is not a plain variable name");
		}
		component.label = type == ComponentType.DATE && text(node, "dateLabel") != null ? text(node, "dateLabel")
				: text(node, "label");
		if (component.label == null || component.label.isBlank()) {
			throw new IllegalArgumentException("it has no label");
		}
		component.hint = text(node, "description");
		readonly(node, component);
		component.rules = rules(node.path("validate"));
		component.defaultValue = plain(node.get("defaultValue"));
		switch (type) {
		case NUMBER -> component.decimalDigits = decimalDigits(node.get("decimalDigits"));
		case DATE -> {
			String subtype = text(node, "subtype");
			if (!"date".equals(subtype)) {
				throw new IllegalArgumentException("only dates are supported, not the subtype '" + subtype + "'");
			}
			component.disallowPassedDates = node.path("disallowPassedDates").asBoolean(false);
		}
		case FILE -> component.accept = text(node, "accept");
		default -> {
		}
		}
		if (type.hasOptions()) {
			component.options = options(node, type);
		}
		return component.build();
	}

	private static void readonly(JsonNode node, FormComponent.Builder component) {
		JsonNode readonly = node.get("readonly");
		if (readonly != null && readonly.isTextual()) {
			component.readonlyWhen = expression(readonly, "readonly");
		}
		else {
			component.alwaysReadonly = (readonly != null && readonly.asBoolean(false))
					|| node.path("disabled").asBoolean(false);
		}
	}

	private static List<Option> options(JsonNode node, ComponentType type) {
		if (node.hasNonNull("valuesKey") || node.hasNonNull("valuesExpression")) {
			throw new IllegalArgumentException("options taken from variables are not supported: list them in 'values'");
		}
		JsonNode values = node.get("values");
		if (values == null || !values.isArray() || values.isEmpty()) {
			throw new IllegalArgumentException("it has no options in 'values'");
		}
		List<Option> options = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (JsonNode value : values) {
			String optionValue = value.path("value").isValueNode() ? value.path("value").asText() : null;
			if (optionValue == null || optionValue.isEmpty()) {
				throw new IllegalArgumentException("an option has no value");
			}
			// a checklist is stored as one comma-separated string
			if (type == ComponentType.CHECKLIST && optionValue.contains(",")) {
				throw new IllegalArgumentException("the option value '" + optionValue + "' contains a comma");
			}
			if (!seen.add(optionValue)) {
				throw new IllegalArgumentException("the option value '" + optionValue + "' appears twice");
			}
			String label = text(value, "label");
			options.add(new Option(optionValue, label == null ? optionValue : label));
		}
		return options;
	}

	private static Rules rules(JsonNode validate) {
		if (validate.isMissingNode() || validate.isNull()) {
			return Rules.NONE;
		}
		Pattern pattern = switch (validate.path("validationType").asText("")) {
		case "email" -> EMAIL;
		case "phone" -> PHONE;
		default -> pattern(text(validate, "pattern"));
		};
		return new Rules(validate.path("required").asBoolean(false), integer(validate.get("minLength"), "minLength"),
				integer(validate.get("maxLength"), "maxLength"), number(validate.get("min"), "min"),
				number(validate.get("max"), "max"), pattern);
	}

	private static Pattern pattern(String pattern) {
		if (pattern == null || pattern.isEmpty()) {
			return null;
		}
		try {
			return Pattern.compile(pattern);
		}
		catch (PatternSyntaxException e) {
			throw new IllegalArgumentException("the pattern '" + pattern + "' cannot be read: " + e.getDescription());
		}
	}

	private static Integer decimalDigits(JsonNode node) {
		Integer digits = integer(node, "decimalDigits");
		if (digits != null && digits < 0) {
			throw new IllegalArgumentException("decimalDigits is negative");
		}
		return digits;
	}

	private static Integer integer(JsonNode node, String name) {
		if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
			return null;
		}
		if (node.canConvertToInt() && node.isIntegralNumber()) {
			return node.asInt();
		}
		if (node.isTextual() && node.asText().matches("\\d+")) {
			return Integer.valueOf(node.asText());
		}
		throw new IllegalArgumentException(name + " is not a whole number: " + node);
	}

	private static BigDecimal number(JsonNode node, String name) {
		if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		try {
			return new BigDecimal(node.asText().trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " is not a number: " + node);
		}
	}

	private static Condition expression(JsonNode node, String property) {
		if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
			return null;
		}
		if (!node.isTextual()) {
			throw new IllegalArgumentException(property + " is not an expression: " + node);
		}
		try {
			return Condition.parse(node.asText());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(
					property + " '" + node.asText() + "' is not supported: " + e.getMessage());
		}
	}

	/** A default value as Java: Boolean, BigDecimal, String or a list of strings. */
	private static Object plain(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		if (node.isArray()) {
			List<String> values = new ArrayList<>();
			node.forEach(value -> values.add(value.asText()));
			return List.copyOf(values);
		}
		return node.asText();
	}

	private static String text(JsonNode node, String property) {
		JsonNode value = node.get(property);
		return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
	}
}
