package org.spinout.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deploys the models of {@code processes/} and the forms of {@code forms/} when the engine
 * starts. Each BPMN file is its own deployment together with the forms and decision tables it
 * references (a reference with binding "deployment" looks in the same deployment); each decision
 * table and each form that no model references is a deployment of its own. The engine's
 * duplicate filtering skips a deployment whose files are all unchanged, so only a changed model,
 * or a model whose forms or decision tables changed, gets a new version.
 */
@Component
@Order(5)
public class ModelDeployment extends AbstractProcessEnginePlugin {

	public static final String SOURCE = "spinout-startup";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

	private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$#{}]+)\"");

	private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([^\"$#{}]+)\"");

	/** A decision of a DMN file: {@code <decision id="...">}, not its decision table. */
	private static final Pattern DECISION = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?\\bid=\"([^\"]+)\"");

	private final ObjectMapper json = new ObjectMapper();

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			List<Resource> resources = new ArrayList<>();
			for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
					"classpath*:forms/*.form")) {
				resources.addAll(Arrays.asList(resolver.getResources(pattern)));
			}
			deploy(engine.getRepositoryService(), resources);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the models to deploy", e);
		}
	}

	/** Deploys the given model and form files; returns the names of the deployments created. */
	public List<String> deploy(RepositoryService repository, List<Resource> resources) throws IOException {
		Map<String, Resource> formsById = new LinkedHashMap<>();
		Map<String, Resource> tablesByDecision = new LinkedHashMap<>();
		List<Resource> models = new ArrayList<>();
		for (Resource resource : resources) {
			String name = resource.getFilename();
			if (name == null) {
				continue;
			}
			if (name.endsWith(".form")) {
				formsById.put(formId(resource), resource);
			}
			else if (name.endsWith(".dmn")) {
				matches(DECISION, resource).forEach(decision -> tablesByDecision.put(decision, resource));
			}
			else {
				models.add(resource);
			}
		}
		Set<Resource> referenced = new LinkedHashSet<>();
		List<String> created = new ArrayList<>();
		for (Resource model : models) {
			Set<Resource> group = new LinkedHashSet<>(List.of(model));
			group.addAll(referencedFiles(model, FORM_REF, formsById, "form", "forms/"));
			group.addAll(referencedFiles(model, DECISION_REF, tablesByDecision, "decision", "processes/"));
			referenced.addAll(group);
			deployGroup(repository, model.getFilename(), List.copyOf(group)).ifPresent(created::add);
		}
		Set<Resource> alone = new LinkedHashSet<>(tablesByDecision.values());
		alone.addAll(formsById.values());
		for (Resource file : alone) {
			if (!referenced.contains(file)) {
				deployGroup(repository, file.getFilename(), List.of(file)).ifPresent(created::add);
			}
		}
		return created;
	}

	/** The files of the references the model makes with this pattern; a reference to no file is logged. */
	private List<Resource> referencedFiles(Resource model, Pattern reference, Map<String, Resource> filesById,
			String kind, String folder) throws IOException {
		List<Resource> files = new ArrayList<>();
		for (String id : matches(reference, model)) {
			Resource file = filesById.get(id);
			if (file != null) {
				files.add(file);
			}
			else {
				log.warn("{} references the {} '{}', which is not in {}", model.getFilename(), kind, id, folder);
			}
		}
		return files;
	}

	private Optional<String> deployGroup(RepositoryService repository, String name, List<Resource> group)
			throws IOException {
		long before = repository.createDeploymentQuery().deploymentName(name).count();
		DeploymentBuilder builder = repository.createDeployment()
				.name(name)
				.source(SOURCE)
				.enableDuplicateFiltering(false);
		List<InputStream> streams = new ArrayList<>();
		try {
			for (Resource resource : group) {
				InputStream stream = resource.getInputStream();
				streams.add(stream);
				builder.addInputStream(resourceName(resource), stream);
			}
			builder.deploy();
		}
		finally {
			for (InputStream stream : streams) {
				stream.close();
			}
		}
		if (repository.createDeploymentQuery().deploymentName(name).count() == before) {
			return Optional.empty();
		}
		log.info("Deployed {} ({} file{})", name, group.size(), group.size() == 1 ? "" : "s");
		return Optional.of(name);
	}

	private static String resourceName(Resource resource) {
		String name = resource.getFilename();
		return (name.endsWith(".form") ? "forms/" : "processes/") + name;
	}

	private static Set<String> matches(Pattern pattern, Resource file) throws IOException {
		String xml = file.getContentAsString(StandardCharsets.UTF_8);
		Set<String> ids = new LinkedHashSet<>();
		Matcher matcher = pattern.matcher(xml);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	private String formId(Resource form) throws IOException {
		try (InputStream in = form.getInputStream()) {
			JsonNode id = json.readTree(in).get("id");
			if (id == null || !id.isTextual()) {
				throw new IllegalStateException("The form " + form.getFilename() + " has no id");
			}
			return id.asText();
		}
	}
}
