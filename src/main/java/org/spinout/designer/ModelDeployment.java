package org.spinout.designer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.engine.EngineStartup;
import org.spinout.model.DeploymentGroups;
import org.spinout.model.ModelFile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and the forms of {@code forms/} when the engine
 * starts, grouped as {@link DeploymentGroups} says. The engine's duplicate filtering compares
 * each deployment with the last one of the same name made at start, so only a changed model,
 * or a model whose forms changed, gets a new version; a version deployed from the designer
 * stays the latest until the file in {@code processes/} changes.
 */
@Component
@Order(5)
public class ModelDeployment implements EngineStartup {

	public static final String SOURCE = "spinout-startup";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

	@Override
	public void engineStarted(ProcessEngine engine) {
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
		List<ModelFile> files = new ArrayList<>();
		for (Resource resource : resources) {
			String name = resource.getFilename();
			if (name == null) {
				continue;
			}
			ModelFile file = ModelFile.named(name, resource.getContentAsByteArray());
			if (file.isForm() && DeploymentGroups.formId(file).isEmpty()) {
				throw new IllegalStateException("The form " + name + " has no id");
			}
			files.add(file);
		}
		List<String> created = new ArrayList<>();
		for (DeploymentGroups.Group group : DeploymentGroups.plan(files, DeploymentGroups.Lookup.NONE,
				missing -> log.warn("{} in forms/", missing))) {
			deployGroup(repository, group).ifPresent(created::add);
		}
		return created;
	}

	private Optional<String> deployGroup(RepositoryService repository, DeploymentGroups.Group group) {
		String name = group.name();
		long before = repository.createDeploymentQuery().deploymentName(name).count();
		DeploymentBuilder builder = repository.createDeployment()
				.name(name)
				.source(SOURCE)
				.enableDuplicateFiltering(false);
		for (ModelFile file : group.files()) {
			builder.addInputStream(file.name(), new ByteArrayInputStream(file.content()));
		}
		builder.deploy();
		if (repository.createDeploymentQuery().deploymentName(name).count() == before) {
			return Optional.empty();
		}
		int count = group.files().size();
		log.info("Deployed {} ({} file{})", name, count, count == 1 ? "" : "s");
		return Optional.of(name);
	}
}
