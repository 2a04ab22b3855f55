package org.spinout.designer;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

	private static final DateTimeFormatter DEPLOYED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

	private final RepositoryService repository;

	private final ModelValidation validation;

	private final EngineUser engineUser;

	private final TransactionTemplate transaction;

	private final DeploymentContents contents;

	DesignerDeployments(RepositoryService repository, ModelValidation validation, EngineUser engineUser,
			PlatformTransactionManager transactions, DeploymentContents contents) {
		this.repository = repository;
		this.contents = contents;
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
			Checked checked = check(files, true);
			if (checked.hasErrors()) {
				return DeploymentOutcome.refused(checked.problems(), checkOnly);
			}
			return transaction.execute(status -> {
				DeploymentOutcome outcome = deployGroups(checked, checkOnly);
				if (outcome.refused() || checkOnly) {
					status.setRollbackOnly();
				}
				return outcome;
			});
		});
	}

	/**
	 * What deploying the files would make, and every problem they have, in one answer: the safety
	 * policy, the model rules and, when the policy lets the engine read them and a rule found an
	 * error, the engine's parser on a trial deployment that is rolled back. Runs as whoever is
	 * signed in to the engine. A form a model references and the files do not carry is taken
	 * from the deployed forms, and a warning says which version.
	 *
	 * @param filesNamedAfterKeys false for files sent through the REST API, which keep the names their tool gave them
	 */
	Checked check(List<ModelFile> files, boolean filesNamedAfterKeys) {
		DeployedModels deployed = new DeployedModels(repository, contents);
		List<DeploymentGroups.Group> groups = DeploymentGroups.plan(files, deployed, missing -> {
			// the model rules report a form found nowhere, with the task that references it
		});
		List<ModelFile> all = new ArrayList<>(files);
		List<ModelFile> added = new ArrayList<>();
		List<ModelProblem> notes = new ArrayList<>();
		for (DeploymentGroups.Group group : groups) {
			for (ModelFile file : group.files()) {
				if (all.stream().noneMatch(known -> known.name().equals(file.name()))) {
					all.add(file);
					// a deployed model goes out again with a changed form it uses; a deployed form with a model
					if (file.isForm()) {
						added.add(file);
						notes.add(takenForm(group.main(), file, deployed));
					}
				}
			}
		}
		ModelValidation.Findings findings = validation.check(all, deployed, filesNamedAfterKeys);
		List<ModelProblem> problems = new ArrayList<>(findings.problems());
		if (findings.safe() && problems.stream().anyMatch(problem -> !problem.warning())) {
			problems.addAll(parserProblems(groups));
		}
		problems.addAll(notes);
		return new Checked(List.copyOf(problems), groups, added, deployed);
	}

	/** The outcome of {@link #check}: every problem, the deployments to make, and the deployed forms added to them. */
	record Checked(List<ModelProblem> problems, List<DeploymentGroups.Group> groups, List<ModelFile> addedForms,
			DeployedModels deployed) {

		boolean hasErrors() {
			return problems.stream().anyMatch(problem -> !problem.warning());
		}

		List<ModelProblem> warnings() {
			return problems.stream().filter(ModelProblem::warning).toList();
		}
	}

	private static ModelProblem takenForm(ModelFile model, ModelFile form, DeployedModels deployed) {
		String id = DeploymentGroups.formId(form).orElse(form.fileName());
		String version = deployed.deployedForm(id)
				.map(taken -> "version " + taken.version() + ", deployed " + DEPLOYED.format(
						taken.deployed().toInstant().atZone(ZoneId.systemDefault())))
				.orElse("its latest version");
		return ModelProblem.of(model.name(), "references the form '" + id + "', which this deployment does not "
				+ "carry: it takes the deployed form (" + version + ")").asWarning();
	}

	/** The engine parser's problems with every group, from a trial deployment that is rolled back. */
	private List<ModelProblem> parserProblems(List<DeploymentGroups.Group> groups) {
		return transaction.execute(status -> {
			status.setRollbackOnly();
			List<ModelProblem> problems = new ArrayList<>();
			for (DeploymentGroups.Group group : groups) {
				problems.addAll(deployGroup(group).problems());
			}
			return problems;
		});
	}

	private DeploymentOutcome deployGroups(Checked checked, boolean checkOnly) {
		List<String> versions = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		for (DeploymentGroups.Group group : checked.groups()) {
			if (checked.deployed().isUnchanged(group)) {
				unchanged.add(group.name());
				continue;
			}
			DeploymentOutcome deployed = deployGroup(group);
			if (deployed.refused()) {
				List<ModelProblem> problems = new ArrayList<>(deployed.problems());
				problems.addAll(checked.warnings());
				return DeploymentOutcome.refused(problems, checkOnly);
			}
			versions.addAll(deployed.versions());
		}
		return new DeploymentOutcome(checked.warnings(), versions, unchanged, checkOnly);
	}

	/** Deploys one group in the current transaction: its versions, or the engine's problems with it. */
	private DeploymentOutcome deployGroup(DeploymentGroups.Group group) {
		DeploymentBuilder builder = repository.createDeployment().name(group.name()).source(SOURCE);
		group.files().forEach(file -> builder.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
		try {
			return new DeploymentOutcome(List.of(), describe(builder.deployWithResult(), group), List.of(), false);
		}
		catch (ParseException e) {
			return DeploymentOutcome.refused(problems(e, group), false);
		}
		catch (AuthorizationException e) {
			throw e;
		}
		catch (ProcessEngineException e) {
			log.warn("The engine refused the deployment {}", group.name(), e);
			return DeploymentOutcome.refused(List.of(ModelProblem.of(group.main().name(),
					"was refused by the engine: " + e.getMessage())), false);
		}
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
