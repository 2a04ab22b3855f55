package org.spinout.designer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Service;

/**
 * Moves running programmes from one version of a process to another: proposes the engine's
 * mapping of equal activities, says what it cannot map and where programmes wait, and migrates
 * each programme on its own, so that one that cannot move does not hold back the others.
 */
@Service
class ProgrammeMigration {

	private static final Logger log = LoggerFactory.getLogger(ProgrammeMigration.class);

	/** An activity of the old version and where it goes in the new one. */
	record Mapping(String sourceId, String sourceName, String targetId, String targetName) {
	}

	/** An activity of the old version with no place in the new one, and the programmes waiting there. */
	record Unmapped(String activityId, String name, long waiting) {
	}

	/** A running programme: its reference and where it waits. */
	record Programme(String id, String reference, String waitingAt) {
	}

	record Proposal(ProcessDefinition source, ProcessDefinition target, List<Mapping> mapped, List<Unmapped> unmapped,
			List<String> planProblems, List<Programme> programmes) {
	}

	record Outcome(String id, String reference, String reason) {
	}

	record Report(String from, String to, List<Outcome> moved, List<Outcome> refused) {
	}

	/** A choice of versions that cannot be migrated, said so a person can correct it. */
	static final class WrongChoice extends RuntimeException {

		private static final long serialVersionUID = 1L;

		WrongChoice(String message) {
			super(message);
		}
	}

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final EngineUser engineUser;

	ProgrammeMigration(RepositoryService repository, RuntimeService runtime, ManagementService management,
			EngineUser engineUser) {
		this.repository = repository;
		this.runtime = runtime;
		this.management = management;
		this.engineUser = engineUser;
	}

	Proposal propose(SpinoutUser user, String sourceId, String targetId) {
		return engineUser.call(user, () -> {
			ProcessDefinition source = definition(sourceId, "version to move from");
			ProcessDefinition target = definition(targetId, "version to move to");
			if (!source.getKey().equals(target.getKey())) {
				throw new WrongChoice("Choose a version of the same process to move to");
			}
			if (source.getId().equals(target.getId())) {
				throw new WrongChoice("Choose a different version to move to");
			}
			BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
			BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
			List<Mapping> mapped = new ArrayList<>();
			List<String> planProblems = new ArrayList<>();
			Set<String> mappedIds = new LinkedHashSet<>();
			List<MigrationInstruction> instructions;
			try {
				instructions = plan(source.getId(), target.getId()).getInstructions();
			}
			catch (MigrationPlanValidationException e) {
				instructions = new ArrayList<>();
				for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
					report.getFailures().forEach(failure -> planProblems.add(
							name(sourceModel, report.getMigrationInstruction().getSourceActivityId()) + ": " + failure));
				}
			}
			for (MigrationInstruction instruction : instructions) {
				mappedIds.add(instruction.getSourceActivityId());
				mapped.add(new Mapping(instruction.getSourceActivityId(), name(sourceModel, instruction.getSourceActivityId()),
						instruction.getTargetActivityId(), name(targetModel, instruction.getTargetActivityId())));
			}
			Map<String, Long> waiting = new HashMap<>();
			for (ActivityStatistics statistics : management.createActivityStatisticsQuery(source.getId())
					.listPage(0, DeployedModels.PAGE)) {
				waiting.put(statistics.getId(), (long) statistics.getInstances());
			}
			List<Unmapped> unmapped = new ArrayList<>();
			for (FlowNode node : sourceModel.getModelElementsByType(FlowNode.class)) {
				if (!mappedIds.contains(node.getId())) {
					unmapped.add(new Unmapped(node.getId(), label(node), waiting.getOrDefault(node.getId(), 0L)));
				}
			}
			unmapped.sort((a, b) -> Long.compare(b.waiting(), a.waiting()));
			return new Proposal(source, target, mapped, unmapped, planProblems, programmes(source.getId(), sourceModel));
		});
	}

	/** Migrates the chosen programmes, or all of the version's when {@code all}, one by one. */
	Report migrate(SpinoutUser user, String sourceId, String targetId, List<String> chosen, boolean all) {
		Proposal proposal = propose(user, sourceId, targetId);
		return engineUser.call(user, () -> {
			MigrationPlan plan;
			try {
				plan = plan(sourceId, targetId);
			}
			catch (MigrationPlanValidationException e) {
				throw new WrongChoice("The engine cannot map these versions: " + String.join("; ", proposal.planProblems()));
			}
			BpmnModelInstance sourceModel = repository.getBpmnModelInstance(sourceId);
			List<Outcome> moved = new ArrayList<>();
			List<Outcome> refused = new ArrayList<>();
			for (Programme programme : proposal.programmes()) {
				if (!all && !chosen.contains(programme.id())) {
					continue;
				}
				try {
					runtime.newMigration(plan).processInstanceIds(programme.id()).execute();
					moved.add(new Outcome(programme.id(), programme.reference(), null));
				}
				catch (MigratingProcessInstanceValidationException e) {
					refused.add(new Outcome(programme.id(), programme.reference(),
							reasons(e.getValidationReport(), sourceModel)));
				}
				catch (AuthorizationException e) {
					throw e;
				}
				catch (ProcessEngineException e) {
					log.warn("Programme {} could not be migrated", programme.id(), e);
					refused.add(new Outcome(programme.id(), programme.reference(), e.getMessage()));
				}
			}
			return new Report(describe(proposal.source()), describe(proposal.target()), moved, refused);
		});
	}

	private MigrationPlan plan(String sourceId, String targetId) {
		return runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().build();
	}

	private ProcessDefinition definition(String id, String what) {
		if (id == null || id.isBlank()) {
			throw new WrongChoice("Choose the " + what);
		}
		ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
		if (definition == null) {
			throw new WrongChoice("The " + what + " does not exist: choose one from the list");
		}
		return definition;
	}

	private List<Programme> programmes(String sourceId, BpmnModelInstance model) {
		List<Programme> programmes = new ArrayList<>();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(sourceId)
				.orderByProcessInstanceId().asc().listPage(0, DeployedModels.PAGE)) {
			List<String> at = runtime.getActiveActivityIds(instance.getId()).stream()
					.map(activity -> name(model, activity)).toList();
			programmes.add(new Programme(instance.getId(),
					instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey(), String.join(", ", at)));
		}
		return programmes;
	}

	private static String reasons(MigratingProcessInstanceValidationReport report, BpmnModelInstance model) {
		List<String> reasons = new ArrayList<>(report.getFailures());
		for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
			activity.getFailures().forEach(failure -> reasons.add("at " + name(model, activity.getSourceScopeId()) + ": "
					+ failure));
		}
		for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
			transition.getFailures().forEach(failure -> reasons.add("at " + name(model, transition.getSourceScopeId())
					+ ": " + failure));
		}
		return String.join("; ", reasons);
	}

	private static String describe(ProcessDefinition definition) {
		String name = definition.getName() == null ? definition.getKey() : definition.getName();
		return name + " version " + definition.getVersion();
	}

	/** An activity as a designer knows it: its name and id, or the id alone. */
	private static String name(BpmnModelInstance model, String id) {
		ModelElementInstance element = model.getModelElementById(id);
		String name = element == null ? null : element.getAttributeValue("name");
		return name == null || name.isBlank() ? id : "'" + name.strip() + "' (" + id + ")";
	}

	private static String label(FlowNode node) {
		String name = node.getName();
		return name == null || name.isBlank() ? node.getElementType().getTypeName() : name.strip();
	}
}
