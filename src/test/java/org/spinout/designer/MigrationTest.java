package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A designer deploys a changed model, moves a running programme onto it, and the programme
 * finishes on the new version; a programme waiting where the new version has no equal activity
 * is not moved, and the report says why.
 */
@SpinoutWebTest
class MigrationTest {

	private static final Map<String, Object> IN_ENGLAND = Map.of("nation", "england-wales");

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Test
	void aProgrammeMovedToAChangedModelCompletesOnTheNewVersion() {
		// given a running programme on version 1 and a changed model deployed as version 2
		WebClient designer = signedInDesigner();
		deploy(designer, "migration-moves", TestModels.process("migration-moves", "Check"));
		String programme = runtime.startProcessInstanceByKey("migration-moves", "SO-2026-901", IN_ENGLAND).getId();
		String stays = runtime.startProcessInstanceByKey("migration-moves", "SO-2026-902", IN_ENGLAND).getId();
		deploy(designer, "migration-moves", TestModels.process("migration-moves", "Check the thing again"));
		String from = version("migration-moves", 1).getId();
		String to = version("migration-moves", 2).getId();

		// when the designer looks at the proposal and moves one programme
		String proposalPage = "/designer/migration?source=" + from + "&target=" + to;
		HttpResponse<String> proposal = designer.get(proposalPage);
		HttpResponse<String> moved = designer.postForm(proposalPage, "/designer/migration", "source", from, "target",
				to, "programmes", programme);
		HttpResponse<String> report = designer.get("/designer/migration/report");

		// then
		assertThat(proposal.statusCode()).isEqualTo(200);
		assertThat(proposal.body()).contains("Activities the engine maps").contains("&#39;Check the thing again&#39; (Check)")
				.contains("SO-2026-901").contains("SO-2026-902");
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(report.body()).contains("Programmes moved").contains("SO-2026-901").doesNotContain("SO-2026-902");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(programme).singleResult()
				.getProcessDefinitionId()).isEqualTo(to);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(stays).singleResult()
				.getProcessDefinitionId()).isEqualTo(from);

		// and when the programme's task is done, it completes on the new version
		tasks.complete(tasks.createTaskQuery().processInstanceId(programme).singleResult().getId());
		HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().processInstanceId(programme)
				.singleResult();
		assertThat(finished.getEndTime()).isNotNull();
		assertThat(finished.getProcessDefinitionId()).isEqualTo(to);
		assertThat(finished.getProcessDefinitionVersion()).isEqualTo(2);
	}

	@Test
	void aProgrammeWaitingWhereTheNewVersionHasNoEqualActivityIsNotMovedAndTheReportSaysWhy() {
		// given a programme waiting at Check, and a version 2 that calls the task Review
		WebClient designer = signedInDesigner();
		deploy(designer, "migration-refused", TestModels.process("migration-refused", "Check"));
		String programme = runtime.startProcessInstanceByKey("migration-refused", "SO-2026-903", IN_ENGLAND).getId();
		deploy(designer, "migration-refused", TestModels.process("migration-refused", "Review")
				.replace("\"Check\"", "\"Review\"").replace("TimerEventDefinition_Check", "TimerEventDefinition_Review"));
		String from = version("migration-refused", 1).getId();
		String to = version("migration-refused", 2).getId();

		// when
		String proposalPage = "/designer/migration?source=" + from + "&target=" + to;
		HttpResponse<String> proposal = designer.get(proposalPage);
		designer.postForm(proposalPage, "/designer/migration", "source", from, "target", to, "all", "true");
		HttpResponse<String> report = designer.get("/designer/migration/report");

		// then
		assertThat(proposal.body()).contains("What cannot be mapped").contains("Check (Check)");
		assertThat(report.body()).contains("Some programmes were not moved").contains("SO-2026-903")
				.contains("at &#39;Check&#39; (Check)");
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(programme).singleResult()
				.getProcessDefinitionId()).isEqualTo(from);
	}

	@Test
	void choosingNoProgrammeIsAnsweredWithWhatToDo() {
		// given
		WebClient designer = signedInDesigner();
		deploy(designer, "migration-none", TestModels.process("migration-none", "Check"));
		runtime.startProcessInstanceByKey("migration-none", "SO-2026-904", IN_ENGLAND);
		deploy(designer, "migration-none", TestModels.process("migration-none", "Check twice"));
		String from = version("migration-none", 1).getId();
		String to = version("migration-none", 2).getId();

		// when
		HttpResponse<String> answer = designer.postForm("/designer/migration?source=" + from + "&target=" + to,
				"/designer/migration", "source", from, "target", to);

		// then
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("Select the programmes to move, or move all of them");
	}

	private WebClient signedInDesigner() {
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		return designer;
	}

	private static void deploy(WebClient designer, String key, String model) {
		HttpResponse<String> deployed = designer.postFiles("/designer/upload", "/designer/upload",
				TestModels.files(key, model));
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(302);
	}

	private ProcessDefinition version(String key, int version) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
				.singleResult();
	}
}
