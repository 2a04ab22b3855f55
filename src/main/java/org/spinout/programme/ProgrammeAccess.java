package org.spinout.programme;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.spinout.identity.Role;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;

/**
 * Who may see a programme: programme managers and sponsors see every programme; anyone else
 * only the programmes in which they hold or held a task, as its assignee or as a member of one
 * of its candidate groups. Pages answer 404 for any other programme, so that they give no hint
 * that it exists.
 */
@Component
public class ProgrammeAccess {

	private final HistoryService history;

	ProgrammeAccess(HistoryService history) {
		this.history = history;
	}

	public boolean seesEveryProgramme(SpinoutUser user) {
		return user.isMemberOf(Role.PROGRAMME_MANAGERS.groupId()) || user.isMemberOf(Role.SPONSORS.groupId());
	}

	public boolean canSee(SpinoutUser user, String reference) {
		if (reference == null) {
			return false;
		}
		if (seesEveryProgramme(user)) {
			return true;
		}
		if (tasksOf(reference).taskInvolvedUser(user.id()).count() > 0) {
			return true;
		}
		for (String group : user.groups()) {
			if (tasksOf(reference).taskHadCandidateGroup(group).count() > 0) {
				return true;
			}
		}
		return false;
	}

	private HistoricTaskInstanceQuery tasksOf(String reference) {
		return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference);
	}
}
