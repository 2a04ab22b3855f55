package org.spinout.designer;

import java.io.ByteArrayInputStream;
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

	private final DeploymentContents contents;

	private Map<String, ProcessDefinition> processes;

	private Map<String, DecisionDefinition> decisions;

	private Map<String, FormVersions> forms;

	private final Map<String, DeployedForm> readForms = new HashMap<>();

	private final Map<String, Map<String, byte[]>> deploymentFiles = new HashMap<>();

	DeployedModels(RepositoryService repository, DeploymentContents contents) {
		this.repository = repository;
		this.contents = contents;
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
		FormVersions versions = forms().get(formId);
		if (versions == null) {
			return Optional.empty();
		}
		return Optional.of(readForms.computeIfAbsent(formId, id -> new DeployedForm(ModelFile.named(
				versions.newest().name(), contents.read(versions.newest().deploymentId(), versions.newest().name())),
				versions.count(), versions.deployed())));
	}

	@Override
	public List<ModelFile> modelsUsing(String formId) {
		List<ModelFile> models = new ArrayList<>();
		for (ProcessDefinition definition : processes().values()) {
			if (contents.formReferences(definition.getDeploymentId(), definition.getResourceName()).contains(formId)
					&& models.stream().noneMatch(known -> known.name().equals(definition.getResourceName()))) {
				models.add(ModelFile.named(definition.getResourceName(),
						files(definition.getDeploymentId()).get(definition.getResourceName())));
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

	/** Where the newest copy of a form is, how many deployments have held it, and when the newest was deployed. */
	private record FormVersions(DeploymentContents.DeployedFormFile newest, int count, Date deployed) {
	}

	/** Each form id's versions, found by going back through the deployments; files are read only when asked for. */
	private Map<String, FormVersions> forms() {
		if (forms == null) {
			forms = new HashMap<>();
			for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc()
					.listPage(0, PAGE)) {
				for (DeploymentContents.DeployedFormFile form : contents.forms(deployment.getId())) {
					forms.merge(form.formId(), new FormVersions(form, 1, deployment.getDeploymentTime()),
							(newer, older) -> new FormVersions(newer.newest(), newer.count() + 1, newer.deployed()));
				}
			}
		}
		return forms;
	}

	private Map<String, byte[]> files(String deploymentId) {
		return deploymentFiles.computeIfAbsent(deploymentId, id -> {
			Map<String, byte[]> files = new HashMap<>();
			for (String name : repository.getDeploymentResourceNames(id)) {
				files.put(name, contents.read(id, name));
			}
			return files;
		});
	}
}
