package org.spinout.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.contract.Processes;
import org.spinout.document.DocumentRow;
import org.spinout.document.Documents;
import org.spinout.security.SpinoutUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The papers a decision-maker reads, attached to the running demo programmes once they exist: an
 * outline business case to each, and a consultation report to those past their consultation. The
 * PDFs are small sample papers in {@code demo/papers/}, with made-up figures. A programme is found
 * by its name, as the demo seeds it, and a paper it already holds is not added again, so a restart
 * adds nothing twice. A paper that cannot be added is logged and left out: the demo runs without it.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "spinout.demo.programmes", havingValue = "true", matchIfMissing = true)
class DemoPapers {

	private static final Logger log = LoggerFactory.getLogger(DemoPapers.class);

	/** A paper: the file name it is kept under, its sample file, and who uploads it. */
	record Paper(String fileName, String resource, SpinoutUser uploader) {
	}

	static final Paper BUSINESS_CASE = new Paper("Outline business case.pdf", "demo/papers/business-case.pdf",
			new SpinoutUser("board", "Tom Okafor", List.of("shadow-board")));

	static final Paper CONSULTATION_REPORT = new Paper("Consultation report.pdf", "demo/papers/consultation-report.pdf",
			new SpinoutUser("manager", "Priya Shah", List.of("programme-managers")));

	/** The running demo programmes, by name, and the papers each has by the point it has reached. */
	static final Map<String, List<Paper>> PAPERS = Map.of(
			"Explore York Libraries and Archives", List.of(BUSINESS_CASE),
			"Libraries Unlimited", List.of(BUSINESS_CASE, CONSULTATION_REPORT),
			"Wirral Community Health Partnership", List.of(BUSINESS_CASE, CONSULTATION_REPORT),
			"Live Argyll", List.of(BUSINESS_CASE, CONSULTATION_REPORT));

	private final Documents documents;

	private final HistoryService history;

	DemoPapers(Documents documents, HistoryService history) {
		this.documents = documents;
		this.history = history;
	}

	/** Once the application is ready: after the demo programmes have been seeded at start. */
	@EventListener(ApplicationReadyEvent.class)
	void attach() {
		PAPERS.forEach((name, papers) -> reference(name).ifPresentOrElse(
				reference -> papers.forEach(paper -> attach(reference, paper)),
				() -> log.info("No running demo programme called {}: its papers are left out", name)));
	}

	private void attach(String reference, Paper paper) {
		List<String> held = documents.forProgramme(reference).stream().map(DocumentRow::name).toList();
		if (held.contains(paper.fileName())) {
			return;
		}
		try {
			if (documents.addToProgramme(paper.uploader(), reference, paper.fileName(), read(paper))) {
				log.info("Attached the demo paper {} to {}", paper.fileName(), reference);
			}
		}
		catch (RuntimeException refused) {
			log.warn("Could not attach the demo paper {} to {}: {}", paper.fileName(), reference, refused.getMessage());
		}
	}

	/** The programme of that name that is still running, when there is one. */
	private Optional<String> reference(String name) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.variableValueEquals("programmeName", name).unfinished().list().stream()
				.map(HistoricProcessInstance::getBusinessKey).findFirst();
	}

	private static byte[] read(Paper paper) {
		try (InputStream content = new ClassPathResource(paper.resource()).getInputStream()) {
			return content.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The demo paper " + paper.resource() + " is missing", e);
		}
	}
}
