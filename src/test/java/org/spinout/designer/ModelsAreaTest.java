package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.spinout.sql.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The models area lists processes, decision tables and forms by their titles, grouped by the
 * phase that uses them in the order the journey calls them, with what uses each beside it and a
 * search; each links to a page of its versions.
 */
@SpinoutWebTest
class ModelsAreaTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	SqlStatementCounter sql;

	@BeforeEach
	void deployAPhaseAndTheProcessThatCallsIt() {
		if (repository.createProcessDefinitionQuery().processDefinitionKey("area-parent").count() > 0) {
			return;
		}
		deploy("area-child", "Weigh the area options", "");
		deploy("area-parent", "Start the area work",
				"<bpmn:callActivity id=\"CallChild\" name=\"Area options\" calledElement=\"area-child\"/>");
	}

	@Test
	void modelsAreListedByTitleInTheirPhaseWithWhatUsesThem() {
		// when
		String page = signedInDesigner().get("/designer?q=area").body();

		// then the calling process's phase comes first, then the phase it calls
		assertThat(page.indexOf(">Test process area-parent</h2>")).isPositive()
				.isLessThan(page.indexOf(">Test process area-child</h2>"));
		// a form is titled by the task that shows it, and says which process and task use it
		assertThat(between(page, "id=\"form-area-child-check\"", "</tr>"))
				.contains(">Weigh the area options</a>")
				.contains("href=\"/designer/models/form/area-child-check\"")
				.contains("Test process area-child: Weigh the area options");
		// a phase says which process calls it
		assertThat(between(page, "id=\"process-area-child\"", "</tr>")).contains("Test process area-parent");
	}

	@Test
	void theSearchFindsModelsByTitleKeyOrUser() {
		// when
		String byTitle = signedInDesigner().get("/designer?q=weigh+the+area").body();
		String byUser = signedInDesigner().get("/designer?q=start+the+area+work").body();

		// then
		assertThat(byTitle).contains("id=\"form-area-child-check\"").doesNotContain("id=\"form-area-parent-check\"")
				.contains("1 of ");
		assertThat(byUser).contains("id=\"form-area-parent-check\"").doesNotContain("id=\"form-area-child-check\"");
	}

	@Test
	void eachModelLinksToItsVersions() {
		// when
		WebClient designer = signedInDesigner();
		HttpResponse<String> versions = designer.get("/designer/models/form/area-child-check");
		HttpResponse<String> unknown = designer.get("/designer/models/form/no-such-form");

		// then
		assertThat(versions.statusCode()).isEqualTo(200);
		assertThat(between(versions.body(), "id=\"form-area-child-check\"", "</table>"))
				.contains("Latest").contains("View").contains("Edit").contains("Download");
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void theModelsPageDoesNotGrowWithTheDeploymentsMade() {
		// given a model and its form, and the models page once seen
		deploy("area-versions", "Count the area versions", "");
		WebClient designer = signedInDesigner();
		designer.get("/designer");
		long before = sql.count(() -> assertThat(designer.get("/designer").statusCode()).isEqualTo(200));

		// when three more versions of a model and its form are deployed, and the page is seen once
		for (int i = 0; i < 3; i++) {
			deploy("area-versions", "Count the area versions", "");
		}
		designer.get("/designer");

		// then the page takes as many SQL statements as before: each deployment's files are read once
		assertThat(sql.count(() -> assertThat(designer.get("/designer").statusCode()).isEqualTo(200)))
				.isEqualTo(before);
	}

	@Test
	void aProcessDownloadsWithItsFormsAndDecisionTablesForCamundaModeler() throws Exception {
		// given a process that evaluates a decision table deployed on its own
		repository.createDeployment().name("area-decision.dmn").source("test")
				.addString("processes/area-decision.dmn", """
						<?xml version="1.0" encoding="UTF-8"?>
						<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
						    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Area" name="Area"
						    namespace="http://spinout.org/test">
						  <decision id="area-decision" name="Area decision" camunda:historyTimeToLive="1">
						    <decisionTable id="DecisionTable_Area">
						      <input id="Input_Area" label="Area"><inputExpression id="InputExpression_Area" typeRef="string"><text>area</text></inputExpression></input>
						      <output id="Output_Ok" label="Ok" name="ok" typeRef="boolean"/>
						      <rule id="Rule_Any"><inputEntry id="UnaryTests_Any"><text></text></inputEntry><outputEntry id="LiteralExpression_Any"><text>true</text></outputEntry></rule>
						    </decisionTable>
						  </decision>
						</definitions>
						""")
				.deploy();
		deploy("area-decided", "Decide the area", "<bpmn:businessRuleTask id=\"Decide\" name=\"Decide\" "
				+ "camunda:decisionRef=\"area-decision\" camunda:resultVariable=\"ok\" camunda:mapDecisionResult=\"singleEntry\"/>");
		String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey("area-decided")
				.singleResult().getDeploymentId();

		// when
		HttpResponse<byte[]> bundle = signedInDesigner().getBytes("/designer/deployments/" + deploymentId
				+ "/bundle?name=processes/area-decided.bpmn");

		// then the zip holds the model, its form and the decision table, by their file names
		assertThat(bundle.statusCode()).isEqualTo(200);
		assertThat(bundle.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).contains("area-decided.zip"));
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.body()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		assertThat(names).containsExactlyInAnyOrder("area-decided.bpmn", "area-decided-check.form", "area-decision.dmn");
	}

	private void deploy(String key, String taskName, String moreInProcess) {
		repository.createDeployment().name(key + ".bpmn").source("test")
				.addString("processes/" + key + ".bpmn", TestModels.process(key, taskName, moreInProcess, ""))
				.addString("forms/" + TestModels.formFile(key), TestModels.form(key, "Notes"))
				.deploy();
	}

	private static String between(String page, String start, String end) {
		int from = page.indexOf(start);
		assertThat(from).as("%s on the page", start).isNotNegative();
		return page.substring(from, page.indexOf(end, from));
	}

	private WebClient signedInDesigner() {
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		return designer;
	}
}
