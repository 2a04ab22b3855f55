package org.spinout.designer;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.model.DeploymentGroups;
import org.spinout.model.ModelFile;
import org.spinout.model.ModelProblem;
import org.spinout.model.SafeXml;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Deploys what a designer uploads or edits: checks the files, groups each model with its
 * forms (a changed form goes out again with the models that use it), and deploys every group
 * whose content changed, all in one transaction, so that either everything is deployed or,
 * when the engine's parser or any check finds a problem, nothing is.
 */
@Service
class DesignerDeployments {

	static final String SOURCE = "spinout-designer";

	private static final Logger log = LoggerFactory.getLogger(DesignerDeployments.class);

	private final RepositoryService repository;

	private final ModelValidation validation;

	private final EngineUser engineUser;

	private final TransactionTemplate transaction;

	DesignerDeployments(RepositoryService repository, ModelValidation validation, EngineUser engineUser,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.validation = validation;
		this.engineUser = engineUser;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Checks the files and, unless {@code checkOnly}, deploys them as the user.
	 *
	 * @throws AuthorizationException when the user may not deploy
	 */
	DeploymentOutcome deploy(SpinoutUser user, List<ModelFile> files, boolean checkOnly) {
		if (files.isEmpty()) {
			return DeploymentOutcome.refused(List.of(ModelProblem.of("upload", "holds no file: choose one or more "
					+ ".bpmn, .dmn or .form files")), checkOnly);
		}
		return engineUser.call(user, () -> {
			List<ModelProblem> problems = validation.checkEach(files);
			if (!problems.isEmpty()) {
				return DeploymentOutcome.refused(problems, checkOnly);
			}
			DeployedModels deployed = new DeployedModels(repository);
			List<DeploymentGroups.Group> groups = DeploymentGroups.plan(files, deployed, missing -> {
				// the model rules report a form found nowhere, with the task that references it
			});
			List<ModelFile> all = distinct(groups);
			problems.addAll(validation.checkEach(all.stream().filter(file -> !files.contains(file)).toList()));
			problems.addAll(validation.checkTogether(all, deployed));
			if (!problems.isEmpty()) {
				return DeploymentOutcome.refused(problems, checkOnly);
			}
			return transaction.execute(status -> {
				DeploymentOutcome outcome = deployGroups(groups, deployed, checkOnly);
				if (outcome.refused() || checkOnly) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		});
	}

	private DeploymentOutcome deployGroups(List<DeploymentGroups.Group> groups, DeployedModels deployed,
			boolean checkOnly) {
		List<String> versions = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		for (DeploymentGroups.Group group : groups) {
			if (deployed.isUnchanged(group)) {
				unchanged.add(group.name());
				continue;
			}
			DeploymentBuilder builder = repository.createDeployment().name(group.name()).source(SOURCE);
			group.files().forEach(file -> builder.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
			try {
				versions.addAll(describe(builder.deployWithResult(), group));
			}
			catch (ParseException e) {
				return DeploymentOutcome.refused(problems(e, group), checkOnly);
			}
			catch (AuthorizationException e) {
				throw e;
			}
			catch (ProcessEngineException e) {
				log.warn("The engine refused the deployment {}", group.name(), e);
				return DeploymentOutcome.refused(List.of(ModelProblem.of(group.main().name(),
						"was refused by the engine: " + e.getMessage())), checkOnly);
			}
		}
		return new DeploymentOutcome(List.of(), versions, unchanged, checkOnly);
	}

	private static List<String> describe(DeploymentWithDefinitions deployment, DeploymentGroups.Group group) {
		List<String> versions = new ArrayList<>();
		// the engine gives null rather than an empty list for a kind the deployment does not hold
		if (deployment.getDeployedProcessDefinitions() != null) {
			deployment.getDeployedProcessDefinitions().forEach(definition -> versions.add(
					name(definition.getName(), definition.getKey()) + " version " + definition.getVersion()));
		}
		if (deployment.getDeployedDecisionDefinitions() != null) {
			deployment.getDeployedDecisionDefinitions().forEach(definition -> versions.add(
					name(definition.getName(), definition.getKey()) + " version " + definition.getVersion()));
		}
		if (versions.isEmpty()) {
			versions.add(group.name());
		}
		return versions;
	}

	private static String name(String name, String key) {
		return name == null || name.isBlank() ? key : name + " (" + key + ")";
	}

	private static List<ModelFile> distinct(List<DeploymentGroups.Group> groups) {
		Map<String, ModelFile> files = new LinkedHashMap<>();
		groups.forEach(group -> group.files().forEach(file -> files.putIfAbsent(file.name(), file)));
		return List.copyOf(files.values());
	}

	/** The parser's problems, each with the element's name looked up in the file it came from. */
	private static List<ModelProblem> problems(ParseException e, DeploymentGroups.Group group) {
		List<ModelProblem> problems = new ArrayList<>();
		for (ResourceReport report : e.getResorceReports()) {
			ModelFile file = group.files().stream().filter(candidate -> candidate.name().equals(report.getResourceName()))
					.findFirst().orElse(group.main());
			for (Problem problem : report.getErrors()) {
				String id = problem.getMainElementId();
				problems.add(new ModelProblem(file.name(), id, nameOf(file, id), clean(problem.getMessage())));
			}
		}
		if (problems.isEmpty()) {
			problems.add(ModelProblem.of(group.main().name(), clean(e.getMessage())));
		}
		return problems;
	}

	/** The engine appends the resource, line and column; the page shows the resource and element already. */
	private static String clean(String message) {
		int detail = message == null ? -1 : message.indexOf(" | ");
		return detail < 0 ? String.valueOf(message) : message.substring(0, detail);
	}

	private static String nameOf(ModelFile file, String id) {
		if (id == null || file.isForm()) {
			return null;
		}
		try {
			Document document = SafeXml.read(file.content());
			NodeList all = document.getElementsByTagNameNS("*", "*");
			for (int i = 0; i < all.getLength(); i++) {
				Element element = (Element) all.item(i);
				if (id.equals(element.getAttribute("id"))) {
					return element.getAttribute("name");
				}
			}
		}
		catch (SafeXml.UnsafeXmlException unreadable) {
			// checked before deployment; nothing to name
		}
		return null;
	}
}
