package org.spinout.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How model and form files become deployments. A task's form reference with binding
 * "deployment" looks only in the task's own deployment, so each process model travels with the
 * forms it references; a decision table is a deployment of its own; a changed form goes out
 * with each model that uses it, or alone when none does.
 */
public final class DeploymentGroups {

	private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$#{}]+)\"");

	private static final ObjectMapper JSON = new ObjectMapper();

	private DeploymentGroups() {
	}

	/** One deployment: named after its first file, which is the model (or the lone form) it is for. */
	public record Group(String name, List<ModelFile> files) {

		public ModelFile main() {
			return files.get(0);
		}
	}

	/** Where forms and models that are not among the files come from; at start nothing is looked up. */
	public interface Lookup {

		/** The form with this id to deploy beside a model that references it. */
		Optional<ModelFile> form(String formId);

		/** The current models that reference this form. */
		List<ModelFile> modelsUsing(String formId);

		Lookup NONE = new Lookup() {

			@Override
			public Optional<ModelFile> form(String formId) {
				return Optional.empty();
			}

			@Override
			public List<ModelFile> modelsUsing(String formId) {
				return List.of();
			}
		};
	}

	/** The deployments the files make; {@code missingForm} hears of each form reference found nowhere. */
	public static List<Group> plan(List<ModelFile> files, Lookup lookup, Consumer<String> missingForm) {
		Map<String, ModelFile> formsById = new LinkedHashMap<>();
		List<ModelFile> models = new ArrayList<>();
		for (ModelFile file : files) {
			if (file.isForm()) {
				formId(file).ifPresent(id -> formsById.put(id, file));
			}
			else {
				models.add(file);
			}
		}
		Set<String> placedForms = new LinkedHashSet<>();
		Set<String> placedModels = new LinkedHashSet<>();
		List<Group> groups = new ArrayList<>();
		for (ModelFile model : models) {
			groups.add(group(model, formsById, lookup, placedForms, missingForm));
			placedModels.add(model.name());
		}
		for (Map.Entry<String, ModelFile> form : formsById.entrySet()) {
			if (placedForms.contains(form.getKey())) {
				continue;
			}
			List<ModelFile> users = lookup.modelsUsing(form.getKey()).stream()
					.filter(model -> !placedModels.contains(model.name())).toList();
			if (users.isEmpty()) {
				groups.add(new Group(form.getValue().fileName(), List.of(form.getValue())));
			}
			for (ModelFile model : users) {
				groups.add(group(model, formsById, lookup, placedForms, missingForm));
				placedModels.add(model.name());
			}
			placedForms.add(form.getKey());
		}
		return groups;
	}

	private static Group group(ModelFile model, Map<String, ModelFile> formsById, Lookup lookup, Set<String> placedForms,
			Consumer<String> missingForm) {
		List<ModelFile> group = new ArrayList<>(List.of(model));
		if (model.isBpmn()) {
			for (String formId : formReferences(model)) {
				Optional<ModelFile> form = Optional.ofNullable(formsById.get(formId)).or(() -> lookup.form(formId));
				if (form.isPresent()) {
					group.add(form.get());
					placedForms.add(formId);
				}
				else {
					missingForm.accept(model.fileName() + " references the form '" + formId + "', which is not there");
				}
			}
		}
		return new Group(model.fileName(), List.copyOf(group));
	}

	/** The forms a process model references by a fixed id, in the order they appear. */
	public static Set<String> formReferences(ModelFile model) {
		Set<String> ids = new LinkedHashSet<>();
		Matcher matcher = FORM_REF.matcher(model.text());
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	/** A form's id, or nothing when the file is not a JSON object with a text id. */
	public static Optional<String> formId(ModelFile form) {
		try {
			JsonNode id = JSON.readTree(form.content()).get("id");
			return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}
}
