package org.spinout.identity;

import java.util.Arrays;
import java.util.Optional;

import org.spinout.contract.CandidateGroups;

/**
 * The roles of a spin-out, each a group in Camunda's identity service. The groups that hold
 * tasks are the models' candidate groups, named in the journey contract.
 */
public enum Role {

	PROGRAMME_MANAGERS(CandidateGroups.PROGRAMME_MANAGERS, "Programme managers"),
	SHADOW_BOARD(CandidateGroups.SHADOW_BOARD, "Shadow board"),
	SPONSORS(CandidateGroups.SPONSORS, "Sponsors and programme board"),
	DECISION_MAKERS(CandidateGroups.DECISION_MAKERS, "Decision makers"),
	LEGAL(CandidateGroups.LEGAL, "Legal services"),
	FINANCE(CandidateGroups.FINANCE, "Finance"),
	SCRUTINY(CandidateGroups.SCRUTINY, "Overview and scrutiny"),
	COMMISSIONERS(CandidateGroups.COMMISSIONERS, "Commissioners"),
	PROCUREMENT(CandidateGroups.PROCUREMENT, "Procurement"),
	HR(CandidateGroups.HR, "Human resources"),
	UNIONS(CandidateGroups.UNIONS, "Trade unions and employee representatives"),
	PENSIONS(CandidateGroups.PENSIONS, "Pensions"),
	PROCESS_DESIGNERS("process-designers", "Process designers"),
	ADMINISTRATORS("camunda-admin", "Administrators");

	private final String groupId;

	private final String displayName;

	Role(String groupId, String displayName) {
		this.groupId = groupId;
		this.displayName = displayName;
	}

	public String groupId() {
		return groupId;
	}

	public String displayName() {
		return displayName;
	}

	public static Optional<Role> ofGroupId(String groupId) {
		return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
	}
}
