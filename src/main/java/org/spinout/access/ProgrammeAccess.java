package org.spinout.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.spinout.contract.CandidateGroups;
import org.spinout.contract.Processes;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Component;

/**
 * Who may see a programme and who may act on programmes as a whole. Programme managers and
 * sponsors see every programme; anyone else only the programmes in which they hold or held a
 * task, as its assignee or as a member of one of its candidate groups. Pages answer 404 for any
 * other programme, so that they give no hint that it exists. A programme's documents go with
 * it: whoever sees the programme sees its documents.
 */
@Component
public class ProgrammeAccess {

	private final HistoryService history;

	ProgrammeAccess(HistoryService history) {
		this.history = history;
	}

	public boolean seesEveryProgramme(SpinoutUser user) {
		return user.isMemberOf(CandidateGroups.PROGRAMME_MANAGERS) || user.isMemberOf(CandidateGroups.SPONSORS);
	}

	/** Start a programme: the programme office, or a shadow board starting its own spin-out. */
	public boolean mayStart(SpinoutUser user) {
		return user.isMemberOf(CandidateGroups.PROGRAMME_MANAGERS) || user.isMemberOf(CandidateGroups.SHADOW_BOARD);
	}

	/**
	 * Run programmes: suspend, resume or stop one, move its transfer date and reassign its tasks.
	 * The programme office alone does this.
	 */
	public boolean mayManage(SpinoutUser user) {
		return user.isMemberOf(CandidateGroups.PROGRAMME_MANAGERS);
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

	/** The most programmes or tasks one question reads; far more than anyone takes part in. */
	private static final int MAX_RESULTS = 2000;

	/**
	 * The running programmes (root process instance ids) the user sees by the same rule as
	 * {@link #canSee}, for lists such as a personal calendar.
	 */
	public List<String> runningProgrammes(SpinoutUser user) {
		if (seesEveryProgramme(user)) {
			return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
					.rootProcessInstances().unfinished().orderByProcessInstanceStartTime().asc()
					.listPage(0, MAX_RESULTS).stream().map(HistoricProcessInstance::getId).toList();
		}
		Set<String> roots = new LinkedHashSet<>();
		history.createHistoricTaskInstanceQuery().taskInvolvedUser(user.id()).listPage(0, MAX_RESULTS).stream()
				.map(HistoricTaskInstance::getRootProcessInstanceId).forEach(roots::add);
		for (String group : user.groups()) {
			history.createHistoricTaskInstanceQuery().taskHadCandidateGroup(group).listPage(0, MAX_RESULTS).stream()
					.map(HistoricTaskInstance::getRootProcessInstanceId).forEach(roots::add);
		}
		roots.remove(null);
		if (roots.isEmpty()) {
			return List.of();
		}
		return history.createHistoricProcessInstanceQuery().processInstanceIds(roots)
				.processDefinitionKey(Processes.PROGRAMME).unfinished().listPage(0, MAX_RESULTS).stream()
				.map(HistoricProcessInstance::getId).toList();
	}
}
