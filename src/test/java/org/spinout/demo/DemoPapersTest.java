package org.spinout.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.junit.jupiter.api.Test;
import org.spinout.Slow;
import org.spinout.contract.Processes;
import org.spinout.document.DocumentRow;
import org.spinout.document.Documents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo programmes carry the papers a decision-maker reads, as real PDFs, once each. The same
 * context as {@link DemoProgrammesTest}, which seeds the programmes at start.
 */
@Slow
@SpringBootTest(properties = { "spinout.demo.programmes=true", "camunda.bpm.process-engine-name=demoprogrammes",
		"camunda.bpm.webapp.enabled=false" })
@ActiveProfiles({ "demo", "test" })
class DemoPapersTest {

	@Autowired
	DemoPapers papers;

	@Autowired
	Documents documents;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Test
	void theRunningProgrammesHoldTheirPapersAsPdfs() {
		assertThat(names("Explore York Libraries and Archives")).containsExactly("Outline business case.pdf");
		assertThat(names("Libraries Unlimited"))
				.containsExactlyInAnyOrder("Outline business case.pdf", "Consultation report.pdf");
		List<Attachment> york = tasks.getProcessInstanceAttachments(root("Explore York Libraries and Archives"));
		assertThat(york).singleElement().satisfies(paper -> {
			assertThat(paper.getType()).isEqualTo("application/pdf");
			assertThat(new String(tasks.getAttachmentContent(paper.getId()).readAllBytes(), 0, 5)).isEqualTo("%PDF-");
		});
	}

	@Test
	void attachingAgainAddsNothing() {
		List<String> before = names("Wirral Community Health Partnership");

		papers.attach();

		assertThat(names("Wirral Community Health Partnership")).isEqualTo(before).hasSize(2);
	}

	private List<String> names(String programme) {
		return documents.forProgramme(reference(programme)).stream().map(DocumentRow::name).toList();
	}

	private String reference(String programme) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.variableValueEquals("programmeName", programme).singleResult().getBusinessKey();
	}

	private String root(String programme) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.variableValueEquals("programmeName", programme).singleResult().getId();
	}
}
