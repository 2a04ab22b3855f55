package org.spinout.designer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.spinout.model.DeploymentGroups;
import org.spinout.model.ModelFile;

/**
 * What is deployed now, as the current user may see it, read once for one deployment: the
 * latest version of each process and decision, and the latest deployed copy of each form.
 */
final class DeployedModels implements DeploymentGroups.Lookup {

	/** The engine's limit on one query (query-max-results-limit). */
	static final int PAGE = 2000;

	private final RepositoryService repository;

	private Map<String, ProcessDefinition> processes;

	private Map<String, DecisionDefinition> decisions;

	private Map<String, DeployedForm> forms;

	private final Map<String, Map<String, byte[]>> deploymentFiles = new HashMap<>();

	DeployedModels(RepositoryService repository) {
		this.repository = repository;
	}

	Set<String> processKeys() {
		return processes().keySet();
	}

	Set<String> decisionKeys() {
		return decisions().keySet();
	}

	@Override
	public Optional<ModelFile> form(String formId) {
		return deployedForm(formId).map(DeployedForm::file);
	}

	/** The newest deployed copy of a form and its version: the number of deployments that have held a form of that id. */
	record DeployedForm(ModelFile file, int version, Date deployed) {
	}

	Optional<DeployedForm> deployedForm(String formId) {
		return Optional.ofNullable(forms().get(formId));
	}

	@Override
	public List<ModelFile> modelsUsing(String formId) {
		List<ModelFile> models = new ArrayList<>();
		for (ProcessDefinition definition : processes().values()) {
			ModelFile model = ModelFile.named(definition.getResourceName(),
					files(definition.getDeploymentId()).get(definition.getResourceName()));
			if (DeploymentGroups.formReferences(model).contains(formId)
					&& models.stream().noneMatch(known -> known.name().equals(model.name()))) {
				models.add(model);
			}
		}
		return models;
	}

	/** True when the latest version of what the group deploys was deployed from exactly these files. */
	boolean isUnchanged(DeploymentGroups.Group group) {
		ModelFile main = group.main();
		Optional<String> deploymentId;
		if (main.isBpmn()) {
			deploymentId = firstKey(main).map(processes()::get).map(ProcessDefinition::getDeploymentId);
		}
		else if (main.isDmn()) {
			deploymentId = firstKey(main).map(decisions()::get).map(DecisionDefinition::getDeploymentId);
		}
		else {
			return form(DeploymentGroups.formId(main).orElse("")).filter(form -> form.equals(main)).isPresent();
		}
		if (deploymentId.isEmpty()) {
			return false;
		}
		Map<String, byte[]> deployed = files(deploymentId.get());
		return deployed.size() == group.files().size() && group.files().stream()
				.allMatch(file -> deployed.containsKey(file.name()) && file.sameContent(deployed.get(file.name())));
	}

	/** The first process or decision key a model defines, if it can be read. */
	private static Optional<String> firstKey(ModelFile model) {
		try {
			if (model.isBpmn()) {
				return Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()))
						.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
						.map(Process::getId).findFirst();
			}
			return Dmn.readModelFromStream(new ByteArrayInputStream(model.content()))
					.getModelElementsByType(Decision.class).stream().map(Decision::getId).findFirst();
		}
		catch (RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	private Map<String, ProcessDefinition> processes() {
		if (processes == null) {
			processes = repository.createProcessDefinitionQuery().latestVersion().listPage(0, PAGE).stream()
					.collect(Collectors.toMap(ProcessDefinition::getKey, definition -> definition, (a, b) -> a,
							LinkedHashMap::new));
		}
		return processes;
	}

	private Map<String, DecisionDefinition> decisions() {
		if (decisions == null) {
			decisions = repository.createDecisionDefinitionQuery().latestVersion().listPage(0, PAGE).stream()
					.collect(Collectors.toMap(DecisionDefinition::getKey, definition -> definition, (a, b) -> a,
							LinkedHashMap::new));
		}
		return decisions;
	}

	/** The newest deployed copy of each form id, found by going back through the deployments. */
	private Map<String, DeployedForm> forms() {
		if (forms == null) {
			Map<String, ModelFile> newest = new HashMap<>();
			Map<String, Date> deployedAt = new HashMap<>();
			Map<String, Integer> versions = new HashMap<>();
			for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc()
					.listPage(0, PAGE)) {
				for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
					if (resource.getName().endsWith(ModelFile.FORM)) {
						ModelFile form = ModelFile.named(resource.getName(), read(deployment.getId(), resource.getName()));
						DeploymentGroups.formId(form).ifPresent(id -> {
							newest.putIfAbsent(id, form);
							deployedAt.putIfAbsent(id, deployment.getDeploymentTime());
							versions.merge(id, 1, Integer::sum);
						});
					}
				}
			}
			forms = new HashMap<>();
			newest.forEach((id, form) -> forms.put(id, new DeployedForm(form, versions.get(id), deployedAt.get(id))));
		}
		return forms;
	}

	private Map<String, byte[]> files(String deploymentId) {
		return deploymentFiles.computeIfAbsent(deploymentId, id -> {
			Map<String, byte[]> files = new HashMap<>();
			for (String name : repository.getDeploymentResourceNames(id)) {
				files.put(name, read(id, name));
			}
			return files;
		});
	}

	private byte[] read(String deploymentId, String name) {
		try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + name + " of deployment " + deploymentId, e);
		}
	}
}
