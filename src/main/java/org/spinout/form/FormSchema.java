package org.spinout.form;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Camunda Form (form-js JSON) that Spinout shows on the server with GOV.UK Frontend and
 * checks on the server, together with the process variables it starts from.
 *
 * <p>A page gets the schema of its task or start form from {@link Forms}, shows it, and checks
 * what comes back:
 *
 * <pre>{@code
 * FormSchema schema = forms.forTask(taskId);
 * FormSubmission submission = schema.validate(request.getParameterMap());
 * if (submission.isValid()) {
 *     taskService.complete(taskId, submission.values());
 * }
 * else {
 *     model.addAttribute("schema", schema).addAttribute("submission", submission);  // show the errors
 * }
 * }</pre>
 *
 * The template shows the error summary at the top of the main column and the fields inside the
 * page's own {@code <form>} (which holds the CSRF token and the buttons, and needs
 * {@code enctype="multipart/form-data"} when {@link #hasFileUpload()}); the submission is null
 * when the page is first shown:
 *
 * <pre>{@code
 * <div th:replace="~{form/fields :: errorSummary(${submission})}"></div>
 * <div th:replace="~{form/fields :: fields(${schema}, ${submission})}"></div>
 * }</pre>
 *
 * GOV.UK also asks for "Error: " before the page title when the submission has errors. Each
 * field's input has its key as id and name (a date's are {@code key-day}, {@code key-month},
 * {@code key-year}), and the error summary links to them.
 *
 * <p>A field with a {@code conditional.hide} expression that depends only on stored variables is
 * left out when the expression is true. One that depends on answers in the same form is always
 * shown, since the page works without JavaScript, and is checked and stored only when the
 * submitted answers leave it visible. Read-only fields show the variable's value and are never
 * read from the request.
 */
public final class FormSchema {

	private final String id;

	private final List<FormComponent> components;

	private final Map<String, Object> variables;

	private final Clock clock;

	FormSchema(String id, List<FormComponent> components) {
		this(id, components, Map.of(), Clock.system(VariableValues.UK));
	}

	private FormSchema(String id, List<FormComponent> components, Map<String, ?> variables, Clock clock) {
		this.id = id;
		this.components = List.copyOf(components);
		this.variables = Collections.unmodifiableMap(new HashMap<>(variables));
		this.clock = clock;
	}

	/**
	 * Reads a form's JSON as Camunda Modeler saves it.
	 *
	 * @throws FormSchemaException when the form is not one Spinout can show and check, saying why
	 */
	public static FormSchema parse(String json) {
		return FormReader.read(json);
	}

	/** A form without fields, for a task that has no Camunda Form. */
	public static FormSchema empty() {
		return new FormSchema("", List.of());
	}

	/** This form filled in from these process variables (values may be null). */
	public FormSchema withVariables(Map<String, ?> variables) {
		return new FormSchema(id, components, variables, clock);
	}

	/** This form with "today" taken from this clock, for dates that may not be in the past. */
	FormSchema withClock(Clock clock) {
		return new FormSchema(id, components, variables, clock);
	}

	/** The form's id, which names its file in {@code forms/}; empty for {@link #empty()}. */
	public String id() {
		return id;
	}

	List<FormComponent> components() {
		return components;
	}

	public boolean isEmpty() {
		return components.isEmpty();
	}

	/**
	 * The heading the form opens with ("# Start a spin-out programme"), which a page shows as its
	 * own h1 rather than below one that says nearly the same; empty when the form opens otherwise.
	 */
	public Optional<String> title() {
		return openingHeading().map(heading -> heading.items().get(0).stream().map(TextBlock.Run::text)
				.collect(Collectors.joining()));
	}

	/** This form without the heading it opens with, for the page that shows it as its title. */
	public FormSchema withoutTitle() {
		if (openingHeading().isEmpty()) {
			return this;
		}
		List<FormComponent> rest = new ArrayList<>(components);
		FormComponent opening = rest.remove(0);
		if (opening.text().size() > 1) {
			rest.add(0, opening.withoutFirstBlock());
		}
		return new FormSchema(id, rest, variables, clock);
	}

	private Optional<TextBlock> openingHeading() {
		if (components.isEmpty() || components.get(0).type() != ComponentType.TEXT
				|| components.get(0).text().isEmpty()) {
			return Optional.empty();
		}
		TextBlock first = components.get(0).text().get(0);
		return first.kind() == TextBlock.Kind.HEADING_L ? Optional.of(first) : Optional.empty();
	}

	/**
	 * A valid submission's answers as a check-your-answers page lists them: each field that was
	 * asked, in form order, with its answer in words (an option's label, a date as a day).
	 */
	public List<FieldView> answers(FormSubmission submission) {
		Map<String, Object> values = submission.values();
		return answerable().stream()
				.filter(field -> field.type() != ComponentType.FILE && values.containsKey(field.key()))
				.map(field -> new FieldView(field, List.of(), null, VariableValues.display(field, values.get(field.key())),
						List.of()))
				.toList();
	}

	/** Whether the page's form must be sent as multipart/form-data. */
	public boolean hasFileUpload() {
		return components.stream().anyMatch(component -> component.type() == ComponentType.FILE);
	}

	/** The variables the form reads: its fields' and those its conditions and texts name. */
	Set<String> variableNames() {
		Set<String> names = new LinkedHashSet<>();
		components.forEach(component -> names.addAll(component.variableNames()));
		return names;
	}

	/** Checks a request's parameters; files are taken as not given. */
	public FormSubmission validate(Map<String, String[]> parameters) {
		return validate(parameters, Set.of());
	}

	/**
	 * Checks a request's parameters against the form. Parameters the form does not know are
	 * ignored; read-only fields are not read.
	 *
	 * @param uploadedFiles the keys of the file fields the request carried a non-empty file for
	 */
	public FormSubmission validate(Map<String, String[]> parameters, Set<String> uploadedFiles) {
		LocalDate today = LocalDate.now(clock.withZone(VariableValues.UK));
		Map<String, List<String>> entries = new LinkedHashMap<>();
		Map<String, FieldRules.Outcome> outcomes = new LinkedHashMap<>();
		Map<String, Object> answers = new HashMap<>(variables);
		for (FormComponent field : answerable()) {
			List<String> entered = FieldRules.entries(field, parameters);
			FieldRules.Outcome outcome = FieldRules.check(field, entered, uploadedFiles.contains(field.key()), today);
			entries.put(field.key(), entered);
			outcomes.put(field.key(), outcome);
			answers.put(field.key(), outcome.value());
		}
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, FieldError> errors = new LinkedHashMap<>();
		for (FormComponent field : answerable()) {
			if (isHidden(field, answers)) {
				continue;
			}
			FieldRules.Outcome outcome = outcomes.get(field.key());
			if (outcome.error() != null) {
				errors.put(field.key(), outcome.error());
			}
			else if (field.type() != ComponentType.FILE) {
				values.put(field.key(), outcome.value());
			}
		}
		return new FormSubmission(values, errors, entries);
	}

	/**
	 * The components to show, grouped for the template: the answers of the submission when there
	 * is one, else the stored variables or the defaults.
	 */
	public List<FieldGroup> render(FormSubmission submission) {
		Set<String> answerKeys = new LinkedHashSet<>();
		answerable().forEach(field -> answerKeys.add(field.key()));
		List<FieldGroup> groups = new ArrayList<>();
		for (FormComponent component : components) {
			boolean dependsOnAnswers = component.hideWhen()
					.map(condition -> condition.names().stream().anyMatch(answerKeys::contains))
					.orElse(false);
			if (!dependsOnAnswers && isHidden(component, variables)) {
				continue;
			}
			boolean readonly = component.type().isInput() && component.isReadonly(variables);
			FieldView view = view(component, readonly, submission);
			FieldGroup last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
			if (last != null && last.readonly() == readonly) {
				last.fields().add(view);
			}
			else {
				groups.add(new FieldGroup(readonly, new ArrayList<>(List.of(view))));
			}
		}
		return groups.stream().map(group -> new FieldGroup(group.readonly(), List.copyOf(group.fields()))).toList();
	}

	private FieldView view(FormComponent component, boolean readonly, FormSubmission submission) {
		Object stored = variables.get(component.key());
		if (component.type() == ComponentType.TEXT) {
			List<TextBlock> text = component.text().stream().map(block -> block.fill(this::placeholder)).toList();
			return new FieldView(component, List.of(), null, List.of(), text);
		}
		if (readonly) {
			return new FieldView(component, List.of(), null, VariableValues.display(component, stored), List.of());
		}
		List<String> entered = submission == null ? null : submission.entries(component.key());
		FieldError error = submission == null ? null : submission.errors().get(component.key());
		return new FieldView(component, entered != null ? entered : VariableValues.entries(component, stored), error,
				List.of(), List.of());
	}

	/** A placeholder's text: an option's label when a field of the form has that key. */
	private String placeholder(String name) {
		Object value = variables.get(name);
		return components.stream()
				.filter(component -> name.equals(component.key()) && component.type().hasOptions())
				.findFirst()
				.map(field -> String.join(", ", VariableValues.display(field, value)))
				.orElseGet(() -> VariableValues.text(value));
	}

	/** The fields that take an answer from the request: inputs not read-only. */
	private List<FormComponent> answerable() {
		return components.stream()
				.filter(component -> component.type().isInput() && !component.isReadonly(variables))
				.toList();
	}

	private static boolean isHidden(FormComponent component, Map<String, ?> data) {
		return component.hideWhen().map(condition -> condition.isTrue(data)).orElse(false);
	}
}
