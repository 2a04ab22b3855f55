package org.spinout.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of a spin-out, each a group in Camunda's identity service. The group ids are the
 * ones the BPMN lanes and candidate groups use.
 */
public enum Role {

	PROGRAMME_MANAGERS("programme-managers", "Programme managers"),
	SHADOW_BOARD("shadow-board", "Shadow board"),
	SPONSORS("sponsors", "Sponsors and programme board"),
	DECISION_MAKERS("decision-makers", "Decision makers"),
	LEGAL("legal", "Legal services"),
	FINANCE("finance", "Finance"),
	SCRUTINY("scrutiny", "Overview and scrutiny"),
	COMMISSIONERS("commissioners", "Commissioners"),
	PROCUREMENT("procurement", "Procurement"),
	HR("hr", "Human resources"),
	UNIONS("unions", "Trade unions and employee representatives"),
	PENSIONS("pensions", "Pensions"),
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
