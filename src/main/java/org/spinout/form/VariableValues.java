package org.spinout.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.spinout.time.LondonTime;

/**
 * Turns a process variable into what a field shows: the entries of an input (a date's day,
 * month and year; a checklist's chosen values) or the lines of a read-only value. It reads the
 * types {@link FormSubmission} stores (String, Long, Double, Boolean, Date, comma-separated
 * checklists) and also those Camunda's own form renderer stores (ISO date strings, lists).
 */
final class VariableValues {

	/** Dates are days in the UK, stored as midnight in London. */
	static final ZoneId UK = LondonTime.ZONE;

	private VariableValues() {
	}

	/** The entries a field starts with, from its variable (or its default when there is none). */
	static List<String> entries(FormComponent field, Object value) {
		if (value == null) {
			value = field.defaultValue();
		}
		if (value == null) {
			return field.type() == ComponentType.DATE ? List.of("", "", "") : List.of();
		}
		return switch (field.type()) {
		case CHECKBOX -> Boolean.TRUE.equals(value) || "true".equals(value) ? List.of("true") : List.of();
		case CHECKLIST -> list(value);
		case NUMBER -> List.of(plainNumber(value));
		case DATE -> {
			LocalDate date = date(value);
			yield date == null ? List.of("", "", "")
					: List.of(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
							String.valueOf(date.getYear()));
		}
		case FILE, TEXT -> List.of();
		default -> List.of(String.valueOf(value));
		};
	}

	/** The lines a read-only field shows; empty when there is no value. */
	static List<String> display(FormComponent field, Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return List.of();
		}
		return switch (field.type()) {
		case CHECKBOX -> List.of(Boolean.TRUE.equals(value) || "true".equals(value) ? "Yes" : "No");
		case CHECKLIST -> list(value).stream().map(chosen -> optionLabel(field, chosen)).toList();
		case RADIO, SELECT -> List.of(optionLabel(field, String.valueOf(value)));
		case DATE -> {
			LocalDate date = date(value);
			yield List.of(date == null ? String.valueOf(value) : LondonTime.date(date));
		}
		case TEXT_AREA -> Arrays.asList(String.valueOf(value).replace("\r\n", "\n").split("\n", -1));
		default -> List.of(text(value));
		};
	}

	/** A value inside a sentence, for the placeholders of a text. */
	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Boolean yes) {
			return yes ? "yes" : "no";
		}
		if (value instanceof Number) {
			return Wording.number(new BigDecimal(plainNumber(value)));
		}
		LocalDate date = value instanceof String ? null : date(value);
		return date != null ? LondonTime.date(date) : String.valueOf(value);
	}

	static LocalDate date(Object value) {
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), UK);
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				// Camunda's form renderer stores dates as ISO text, sometimes with a time
				return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
		return null;
	}

	private static String optionLabel(FormComponent field, String value) {
		return field.option(value).map(Option::label).orElse(value);
	}

	private static List<String> list(Object value) {
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(part -> !part.isEmpty())
				.toList();
	}

	private static String plainNumber(Object value) {
		try {
			BigDecimal number = value instanceof Double || value instanceof Float
					? BigDecimal.valueOf(((Number) value).doubleValue())
					: new BigDecimal(String.valueOf(value).trim());
			return number.stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException e) {
			return String.valueOf(value);
		}
	}
}
