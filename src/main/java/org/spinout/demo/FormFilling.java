package org.spinout.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spinout.form.ComponentType;
import org.spinout.form.FieldError;
import org.spinout.form.FieldGroup;
import org.spinout.form.FieldView;
import org.spinout.form.FormComponent;
import org.spinout.form.FormSchema;
import org.spinout.form.FormSubmission;
import org.spinout.form.Option;

/**
 * Fills in a form the way a person does on its page: the page shows the stored answers and the
 * defaults, the person changes or adds what they need to, and the server checks what is sent.
 * The answers are turned into request parameters by rendering the form with them, and checked
 * by the form's own server-side validation, so a driven task gets exactly the values and types
 * the task page would give it.
 */
final class FormFilling {

	/** A field's answer as a person would give it, seeing the form's earlier answers and the variables. */
	interface Answerer {
		Object answer(FormComponent field, Function<String, Object> seen);
	}

	private FormFilling() {
	}

	/**
	 * Fills in the form and checks it.
	 *
	 * @param schema the form with the variables it was shown with
	 * @param stored every variable the task sees: kept where the person has nothing to change
	 * @param given answers that must be given as they are (null leaves the field empty)
	 * @param plausible the answer to a field nobody gave and nothing stored: null for none
	 * @param fallback an answer within the field's rules, for a field whose answer was refused
	 * @return the checked values, ready for the engine
	 * @throws IllegalArgumentException when a given answer is refused, naming the field and why
	 */
	static Map<String, Object> fill(FormSchema schema, Map<String, Object> stored, Map<String, Object> given,
			Answerer plausible, Function<FormComponent, Object> fallback) {
		List<FormComponent> fields = answerable(schema);
		Map<String, Object> answers = new LinkedHashMap<>();
		for (FormComponent field : fields) {
			String key = field.key();
			Object answer;
			if (given.containsKey(key)) {
				answer = given.get(key);
			}
			else if (stored.get(key) != null) {
				answer = stored.get(key);
			}
			else {
				answer = plausible.answer(field, name -> answers.containsKey(name) ? answers.get(name) : stored.get(name));
			}
			answers.put(key, answer);
		}
		FormSubmission submission = submit(schema, stored, answers, fields);
		if (submission.isValid()) {
			return submission.values();
		}
		// A stored or plausible answer that the form refuses (a date now in the past, an answer
		// that no longer fits) is replaced, as a person would, by one that keeps the rules.
		for (FieldError error : submission.errors().values()) {
			if (given.containsKey(error.key())) {
				throw refused(schema, submission);
			}
			fields.stream().filter(field -> field.key().equals(error.key())).findFirst()
					.ifPresent(field -> answers.put(field.key(), fallback.apply(field)));
		}
		submission = submit(schema, stored, answers, fields);
		if (!submission.isValid()) {
			throw refused(schema, submission);
		}
		return submission.values();
	}

	/** The fields a person can answer on the page: inputs that are shown and not read-only. */
	private static List<FormComponent> answerable(FormSchema schema) {
		List<FormComponent> fields = new ArrayList<>();
		for (FieldGroup group : schema.render(null)) {
			if (!group.readonly()) {
				group.fields().stream().map(FieldView::component)
						.filter(component -> component.type().isInput() && component.type() != ComponentType.FILE)
						.forEach(fields::add);
			}
		}
		return fields;
	}

	private static FormSubmission submit(FormSchema schema, Map<String, Object> stored, Map<String, Object> answers,
			List<FormComponent> fields) {
		Map<String, Object> shown = new HashMap<>(stored);
		answers.forEach((key, value) -> {
			if (value == null) {
				shown.remove(key);
			}
			else {
				shown.put(key, value);
			}
		});
		Set<String> keys = fields.stream().map(FormComponent::key).collect(Collectors.toSet());
		Map<String, String[]> parameters = new HashMap<>();
		for (FieldGroup group : schema.withVariables(shown).render(null)) {
			for (FieldView view : group.fields()) {
				if (!group.readonly() && keys.contains(view.id())) {
					parameters.putAll(parameters(view));
				}
			}
		}
		return schema.validate(parameters);
	}

	/** What the browser sends for a field as the page shows it. */
	private static Map<String, String[]> parameters(FieldView view) {
		String key = view.id();
		return switch (view.component().type()) {
		case DATE -> {
			Map<String, String[]> parts = new HashMap<>();
			view.dateParts().forEach(part -> parts.put(part.id(), new String[] { part.value() }));
			yield parts;
		}
		case CHECKBOX -> view.isChecked() ? Map.of(key, new String[] { "true" }) : Map.of();
		case CHECKLIST -> Map.of(key, view.component().options().stream().map(Option::value)
				.filter(view::isSelected).toArray(String[]::new));
		case FILE, TEXT -> Map.of();
		default -> Map.of(key, new String[] { view.value() });
		};
	}

	private static IllegalArgumentException refused(FormSchema schema, FormSubmission submission) {
		StringBuilder message = new StringBuilder("The form ").append(schema.id()).append(" refuses the answers:");
		submission.errors().values().forEach(error -> message.append(' ').append(error.key()).append(" (")
				.append(error.message()).append(')'));
		return new IllegalArgumentException(message.toString());
	}
}
