package org.spinout.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.spinout.contract.Processes;

/**
 * What each role may do through the engine's own API, under Spinout's rules: nobody but an
 * administrator changes a task or a variable except through Spinout's pages. A task's candidate
 * groups and assignee get their permissions on it when the task is created (the engine's
 * default task permission, set to work and assign by {@code CandidateTaskPermissions}); the
 * grants here add what each role does beyond its own tasks. Programme managers see every task
 * and assign it, but do not work on it; they suspend and stop programmes, which writes the
 * programme's status. Which endpoints of the REST API each role may call at all is
 * {@code EngineApiReach}'s list.
 */
public final class RoleGrants {

	record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
	}

	/** The roles that may open Camunda Cockpit: reading running programmes and incidents. */
	private static final Set<Role> COCKPIT = Set.of(Role.PROGRAMME_MANAGERS, Role.SPONSORS, Role.PROCESS_DESIGNERS,
			Role.ADMINISTRATORS);

	private RoleGrants() {
	}

	static List<Grant> all() {
		List<Grant> grants = new ArrayList<>();
		for (Role role : Role.values()) {
			if (role == Role.ADMINISTRATORS) {
				continue; // administrators are engine admins (camunda-admin) and pass every check
			}
			String group = role.groupId();
			grants.add(new Grant(group, APPLICATION, "tasklist", List.of(Permissions.ACCESS)));
			if (COCKPIT.contains(role)) {
				grants.add(new Grant(group, APPLICATION, "cockpit", List.of(Permissions.ACCESS)));
			}
			grants.add(new Grant(group, USER, ANY, List.of(Permissions.READ)));
			grants.add(new Grant(group, GROUP, ANY, List.of(Permissions.READ)));
			grants.add(new Grant(group, PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ)));
		}
		grants.addAll(programmeManagers());
		grants.add(new Grant(Role.SHADOW_BOARD.groupId(), PROCESS_DEFINITION, Processes.PROGRAMME,
				List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)));
		grants.add(new Grant(Role.SHADOW_BOARD.groupId(), PROCESS_INSTANCE, ANY,
				List.of(ProcessInstancePermissions.CREATE)));
		grants.addAll(sponsors());
		grants.addAll(processDesigners());
		return grants;
	}

	/** The roles that may open Camunda Cockpit. */
	public static Set<Role> cockpitRoles() {
		return COCKPIT;
	}

	/**
	 * Permissions Spinout granted before and takes back at start: with them a programme manager
	 * could complete anyone's task and write any variable through the engine's API.
	 */
	static List<Grant> withdrawn() {
		String group = Role.PROGRAMME_MANAGERS.groupId();
		return List.of(
				new Grant(group, PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.UPDATE_INSTANCE,
						ProcessDefinitionPermissions.UPDATE_TASK)),
				new Grant(group, PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.UPDATE)),
				new Grant(group, TASK, ANY, List.of(TaskPermissions.UPDATE)));
	}

	private static List<Grant> programmeManagers() {
		String group = Role.PROGRAMME_MANAGERS.groupId();
		return List.of(
				new Grant(group, PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ,
						ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
						ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
						ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_HISTORY)),
				// SUSPEND, UPDATE_VARIABLE and DELETE: suspending a programme, and stopping it (its status is
				// written, then its instances end with the reason)
				new Grant(group, PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.CREATE,
						ProcessInstancePermissions.READ, ProcessInstancePermissions.SUSPEND,
						ProcessInstancePermissions.UPDATE_VARIABLE, ProcessInstancePermissions.DELETE)),
				// assign, never work: a manager decides only where they are a candidate themselves
				new Grant(group, TASK, ANY, List.of(TaskPermissions.READ, TaskPermissions.TASK_ASSIGN)),
				new Grant(group, HISTORIC_TASK, ANY, List.of(HistoricTaskPermissions.READ)),
				new Grant(group, HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)),
				new Grant(group, DEPLOYMENT, ANY, List.of(Permissions.READ)),
				new Grant(group, DECISION_DEFINITION, ANY, List.of(Permissions.READ)),
				new Grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)));
	}

	private static List<Grant> sponsors() {
		String group = Role.SPONSORS.groupId();
		return List.of(
				new Grant(group, PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ,
						ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY)),
				new Grant(group, PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.READ)),
				new Grant(group, HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)));
	}

	private static List<Grant> processDesigners() {
		String group = Role.PROCESS_DESIGNERS.groupId();
		return List.of(
				new Grant(group, DEPLOYMENT, ANY, List.of(Permissions.CREATE, Permissions.READ, Permissions.DELETE)),
				new Grant(group, PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ,
						ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.MIGRATE_INSTANCE,
						ProcessDefinitionPermissions.READ_HISTORY)),
				new Grant(group, PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.READ)),
				new Grant(group, DECISION_DEFINITION, ANY, List.of(Permissions.READ)),
				new Grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
				new Grant(group, BATCH, ANY, List.of(BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
						BatchPermissions.READ)));
	}
}
