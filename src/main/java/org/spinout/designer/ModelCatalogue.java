package org.spinout.designer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.spinout.model.ModelFile;
import org.spinout.security.SpinoutUser;
import org.spinout.time.LondonTime;
import org.springframework.stereotype.Service;

/**
 * Everything deployed, as the models area shows it: each process, decision table and form with
 * its versions, when and by whom each was deployed, and how many programmes run on each
 * process version.
 */
@Service
class ModelCatalogue {

	enum Kind {
		PROCESS, DECISION, FORM
	}

	/** One version of a model; {@code running} is null for decisions and forms, which run nothing themselves. */
	record Version(int version, String deploymentId, String fileName, String deployed, String author, Long running) {
	}

	record Model(Kind kind, String key, String name, List<Version> versions) {

		public Version latest() {
			return versions.get(0);
		}
	}

	record Catalogue(List<Model> processes, List<Model> decisions, List<Model> forms) {
	}

	/** A process version that can be chosen for a migration. */
	record ProcessVersion(String id, String key, String name, int version, long running) {

		public String label() {
			return name + " version " + version + " (" + running + " running)";
		}
	}

	private final RepositoryService repository;

	private final ManagementService management;

	private final HistoryService history;

	private final EngineUser engineUser;

	private final DeploymentContents contents;

	ModelCatalogue(RepositoryService repository, ManagementService management, HistoryService history,
			EngineUser engineUser, DeploymentContents contents) {
		this.repository = repository;
		this.management = management;
		this.history = history;
		this.engineUser = engineUser;
		this.contents = contents;
	}

	Catalogue read(SpinoutUser user) {
		Map<String, String> authors = authors();
		return engineUser.call(user, () -> {
			Map<String, Deployment> deployments = new LinkedHashMap<>();
			repository.createDeploymentQuery().orderByDeploymentTime().asc().listPage(0, DeployedModels.PAGE)
					.forEach(deployment -> deployments.put(deployment.getId(), deployment));
			Map<String, Long> running = running();
			return new Catalogue(processes(deployments, authors, running), decisions(deployments, authors),
					forms(deployments, authors));
		});
	}

	/** Every process version, newest first within each process, with the programmes running on it. */
	List<ProcessVersion> processVersions(SpinoutUser user) {
		return engineUser.call(user, () -> {
			Map<String, Long> running = running();
			return repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
					.orderByProcessDefinitionVersion().desc().listPage(0, DeployedModels.PAGE).stream()
					.map(definition -> new ProcessVersion(definition.getId(), definition.getKey(), name(definition),
							definition.getVersion(), running.getOrDefault(definition.getId(), 0L)))
					.toList();
		});
	}

	/** A deployed file's bytes, read as the user, or nothing when it does not exist or they may not read it. */
	Optional<ModelFile> file(SpinoutUser user, String deploymentId, String name) {
		return engineUser.call(user, () -> {
			if (!repository.getDeploymentResourceNames(deploymentId).contains(name)) {
				return Optional.empty();
			}
			try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
				return Optional.of(new ModelFile(name, in.readAllBytes()));
			}
			catch (IOException e) {
				throw new IllegalStateException("Cannot read " + name + " of deployment " + deploymentId, e);
			}
		});
	}

	/**
	 * A process model with what it needs to run, for Camunda Modeler: the files of its deployment
	 * (the model and its forms) and the latest version of each decision table it evaluates, as a
	 * zip of bare file names; nothing when the file is not a process model the user may read.
	 */
	Optional<byte[]> bundle(SpinoutUser user, String deploymentId, String name) {
		return engineUser.call(user, () -> {
			List<String> names = repository.getDeploymentResourceNames(deploymentId);
			if (!names.contains(name) || !name.endsWith(ModelFile.BPMN)) {
				return Optional.empty();
			}
			Map<String, byte[]> files = new LinkedHashMap<>();
			names.forEach(resource -> files.put(bare(resource), contents.read(deploymentId, resource)));
			BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(contents.read(deploymentId, name)));
			for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
				String key = rule.getCamundaDecisionRef();
				DecisionDefinition decision = key == null ? null : repository.createDecisionDefinitionQuery()
						.decisionDefinitionKey(key).latestVersion().singleResult();
				if (decision != null) {
					files.putIfAbsent(bare(decision.getResourceName()),
							contents.read(decision.getDeploymentId(), decision.getResourceName()));
				}
			}
			ByteArrayOutputStream zip = new ByteArrayOutputStream();
			try (ZipOutputStream out = new ZipOutputStream(zip)) {
				for (Map.Entry<String, byte[]> file : files.entrySet()) {
					out.putNextEntry(new ZipEntry(file.getKey()));
					out.write(file.getValue());
					out.closeEntry();
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot bundle " + name, e);
			}
			return Optional.of(zip.toByteArray());
		});
	}

	private static String bare(String resourceName) {
		return resourceName.substring(resourceName.lastIndexOf('/') + 1);
	}

	private List<Model> processes(Map<String, Deployment> deployments, Map<String, String> authors,
			Map<String, Long> running) {
		Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
		repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion()
				.desc().listPage(0, DeployedModels.PAGE)
				.forEach(definition -> byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>()).add(definition));
		List<Model> models = new ArrayList<>();
		byKey.forEach((key, definitions) -> models.add(new Model(Kind.PROCESS, key, name(definitions.get(0)),
				definitions.stream().map(definition -> version(definition.getVersion(), deployments.get(definition
						.getDeploymentId()), definition.getResourceName(), authors,
						running.getOrDefault(definition.getId(), 0L))).toList())));
		models.sort(Comparator.comparing(Model::name, String.CASE_INSENSITIVE_ORDER));
		return models;
	}

	private List<Model> decisions(Map<String, Deployment> deployments, Map<String, String> authors) {
		Map<String, List<DecisionDefinition>> byKey = new LinkedHashMap<>();
		repository.createDecisionDefinitionQuery().orderByDecisionDefinitionKey().asc()
				.orderByDecisionDefinitionVersion().desc().listPage(0, DeployedModels.PAGE)
				.forEach(definition -> byKey.computeIfAbsent(definition.getKey(), key -> new ArrayList<>()).add(definition));
		List<Model> models = new ArrayList<>();
		byKey.forEach((key, definitions) -> {
			DecisionDefinition latest = definitions.get(0);
			models.add(new Model(Kind.DECISION, key, latest.getName() == null ? key : latest.getName(),
					definitions.stream().map(definition -> version(definition.getVersion(),
							deployments.get(definition.getDeploymentId()), definition.getResourceName(), authors, null))
							.toList()));
		});
		models.sort(Comparator.comparing(Model::name, String.CASE_INSENSITIVE_ORDER));
		return models;
	}

	/**
	 * Forms have no query of their own: each deployment holding a form's file is a version of it,
	 * numbered as the engine numbers them.
	 */
	private List<Model> forms(Map<String, Deployment> deployments, Map<String, String> authors) {
		Map<String, List<Version>> byId = new HashMap<>();
		for (Deployment deployment : deployments.values()) {
			for (DeploymentContents.DeployedFormFile form : contents.forms(deployment.getId())) {
				List<Version> versions = byId.computeIfAbsent(form.formId(), id -> new ArrayList<>());
				versions.add(0, version(versions.size() + 1, deployment, form.name(), authors, null));
			}
		}
		return byId.entrySet().stream().sorted(Map.Entry.comparingByKey())
				.map(form -> new Model(Kind.FORM, form.getKey(), form.getKey(), List.copyOf(form.getValue()))).toList();
	}

	private static Version version(int number, Deployment deployment, String fileName, Map<String, String> authors,
			Long running) {
		return new Version(number, deployment.getId(), fileName, when(deployment.getDeploymentTime()),
				author(deployment, authors), running);
	}

	private static String author(Deployment deployment, Map<String, String> authors) {
		String author = authors.get(deployment.getId());
		if (author != null) {
			return author;
		}
		return ModelDeployment.SOURCE.equals(deployment.getSource()) ? "Spinout at start-up" : "not recorded";
	}

	static String when(Date date) {
		return date == null ? "" : LondonTime.moment(date);
	}

	private static String name(ProcessDefinition definition) {
		return definition.getName() == null || definition.getName().isBlank() ? definition.getKey() : definition.getName();
	}

	private Map<String, Long> running() {
		Map<String, Long> running = new HashMap<>();
		for (ProcessDefinitionStatistics statistics : management.createProcessDefinitionStatisticsQuery()
				.listPage(0, DeployedModels.PAGE)) {
			running.put(statistics.getId(), (long) statistics.getInstances());
		}
		return running;
	}

	/**
	 * Who deployed what, from the engine's user operation log. Read without the user's
	 * authorizations, which do not cover that log, and shown only beside deployments they may read.
	 */
	private Map<String, String> authors() {
		Map<String, String> authors = new HashMap<>();
		history.createUserOperationLogQuery().entityType(EntityTypes.DEPLOYMENT)
				.operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).listPage(0, DeployedModels.PAGE)
				.forEach(entry -> {
					if (entry.getDeploymentId() != null && entry.getUserId() != null) {
						authors.putIfAbsent(entry.getDeploymentId(), entry.getUserId());
					}
				});
		return authors;
	}
}
