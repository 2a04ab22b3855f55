package org.spinout.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.sql.SqlStatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploads and downloads through the running server, as a browser sends them: signed in as demo
 * users, with the CSRF token of a page. Each test starts a programme of its own, whose first task
 * (preparing the business case) waits for the shadow board.
 */
@SpinoutWebTest
class DocumentUploadTest {

	private static final int MEGABYTE = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	Documents documents;

	@Autowired
	SqlStatementCounter sql;

	private String reference;

	private String taskId;

	private String taskUpload;

	private String programmeUpload;

	@BeforeEach
	void startAProgramme() {
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("Riverside Libraries");
		taskId = programmes.task(reference, TestProgrammes.FIRST_TASK).getId();
		taskUpload = "/tasks/" + taskId + "/documents";
		programmeUpload = "/programmes/" + reference + "/documents";
	}

	@Test
	void aValidPdfIsStoredAndDownloadsByteForByte() {
		// given a member of the task's candidate group, and a PDF
		WebClient board = signedIn("board");
		byte[] pdf = DocumentSamples.pdf();

		// when they upload it to the task, coming from the task's page
		HttpResponse<String> upload = board.postFile(taskUpload + "?returnTo=/tasks/" + taskId,
				"Options appraisal.pdf", pdf);

		// then they are sent back, the document is listed with who uploaded it and its size...
		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/tasks/" + taskId));
		List<DocumentRow> listed = documents.forProgramme(reference);
		assertThat(listed).singleElement().satisfies(row -> {
			assertThat(row.name()).isEqualTo("Options appraisal.pdf");
			assertThat(row.uploadedBy()).isEqualTo("Tom Okafor");
			assertThat(row.size()).isEqualTo(DocumentTypes.sizeText(pdf.length));
		});
		assertThat(tasks.getTaskAttachments(taskId)).hasSize(1);
		// ... the engine's log records who added it ...
		assertThat(history.createUserOperationLogQuery().taskId(taskId)
				.operationType(UserOperationLogEntry.OPERATION_TYPE_ADD_ATTACHMENT).singleResult().getUserId())
				.isEqualTo("board");

		// ... and it downloads unchanged, as an attachment of its stored type
		HttpResponse<byte[]> download = board.getBytes(listed.get(0).downloadPath());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).isEqualTo("attachment; filename=\"Options appraisal.pdf\""));
		assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
	}

	@Test
	void aNameWithAccentsKeepsThemOnDownload() {
		// given a document whose name is not plain ASCII
		WebClient manager = signedIn("manager");
		manager.postFile(programmeUpload, "Évaluation financière.pdf", DocumentSamples.pdf());

		// when it is downloaded
		DocumentRow row = documents.forProgramme(reference).get(0);
		HttpResponse<byte[]> download = manager.getBytes(row.downloadPath());

		// then its name arrives encoded, as browsers read it
		assertThat(row.name()).isEqualTo("Évaluation financière.pdf");
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).startsWith("attachment;")
						.contains("filename*=UTF-8''%C3%89valuation%20financi%C3%A8re.pdf"));
	}

	@Test
	void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() {
		// given a PDF one byte over the 20MB limit
		WebClient board = signedIn("board");
		byte[] tooLarge = DocumentSamples.pdfOfSize(20 * MEGABYTE + 1);

		// when it is uploaded to the task
		HttpResponse<String> upload = board.postFile(taskUpload + "?returnTo=/tasks/" + taskId, "big.pdf",
				tooLarge);

		// then the page says what was wrong and leads back; nothing is stored
		assertThat(upload.statusCode()).isEqualTo(413);
		assertThat(upload.body()).contains("The file is too big")
				.contains("The selected file must be 20MB or smaller")
				.contains("href=\"/tasks/" + taskId + "\"")
				.contains("govuk-heading-l")
				.doesNotContain("Exception");
		assertNothingStored();
	}

	@Test
	void aFileFarOverTheLimitIsAlsoAnswered413() {
		// given a file larger than the whole request may be
		WebClient board = signedIn("board");
		byte[] farTooLarge = DocumentSamples.pdfOfSize(21 * MEGABYTE);

		// when it is uploaded to the programme
		HttpResponse<String> upload = board.postFile(programmeUpload, "huge.pdf", farTooLarge);

		// then it is refused in the same words, with the way back to the programme's documents
		assertThat(upload.statusCode()).isEqualTo(413);
		assertThat(upload.body()).contains("The selected file must be 20MB or smaller")
				.contains("href=\"" + programmeUpload + "\"");
		assertNothingStored();
	}

	@Test
	void aRenamedProgramIsRefusedAndNothingIsStored() {
		// given a Windows program renamed to look like a PDF
		WebClient board = signedIn("board");

		// when it is uploaded
		HttpResponse<String> upload = board.postFile(taskUpload, "minutes.pdf",
				DocumentSamples.windowsProgram());

		// then the form comes back with the error, GOV.UK style, and nothing is stored
		assertThat(upload.statusCode()).isEqualTo(415);
		assertThat(upload.body()).contains("govuk-error-summary").contains("href=\"#document-file\"")
				.contains("The selected file is a program, not a document")
				.contains("govuk-file-upload--error")
				.contains("name=\"_csrf\"");
		assertNothingStored();
	}

	@Test
	void anEmptyFileIsRefusedAndNothingIsStored() {
		assertRefused("empty.pdf", new byte[0], 400, "The selected file is empty");
	}

	@Test
	void noFileChosenIsRefused() {
		assertRefused("", new byte[0], 400, "Select a file");
	}

	@Test
	void aNameThatDoesNotMatchTheContentIsRefused() {
		assertRefused("minutes.docx", DocumentSamples.png(), 415,
				"The selected file is a PNG image but its name ends in .docx");
	}

	@Test
	void wordExcelOpenDocumentAndImagesAreAccepted() {
		// given a programme manager and one file of each kind
		WebClient manager = signedIn("manager");
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("business-case.docx", DocumentSamples.docx());
		files.put("business-case-2003.doc", DocumentSamples.doc());
		files.put("financial-model.xlsx", DocumentSamples.xlsx());
		files.put("financial-model-2003.xls", DocumentSamples.xls());
		files.put("plan.odt", DocumentSamples.odt());
		files.put("budget.ods", DocumentSamples.ods());
		files.put("briefing.odp", DocumentSamples.odp());
		files.put("chart.png", DocumentSamples.png());
		files.put("photo.jpg", DocumentSamples.jpeg());
		files.put("logo.gif", DocumentSamples.gif());
		files.put("logo.webp", DocumentSamples.webp());

		// when each is uploaded to the programme
		files.forEach((name, content) -> assertThat(manager.postFile(programmeUpload, name, content).statusCode())
				.as(name).isEqualTo(302));

		// then all are listed on the programme's documents page, each stored with its type
		String page = manager.get(programmeUpload).body();
		assertThat(page).contains(files.keySet()).contains("Priya Shah").contains("govuk-table");
		assertThat(documents.forProgramme(reference)).hasSize(files.size());
		assertThat(manager.getBytes(documents.forProgramme(reference).stream()
				.filter(row -> row.name().equals("budget.ods")).findFirst().orElseThrow().downloadPath())
				.headers().firstValue("Content-Type")).hasValue("application/vnd.oasis.opendocument.spreadsheet");
	}

	@Test
	void theProgrammePageShowsTheUploadAndItsForm() {
		// given a programme manager who uploads a document from the programme's documents page
		WebClient manager = signedIn("manager");
		manager.postFile(programmeUpload + "?returnTo=" + programmeUpload, "plan.odt",
				DocumentSamples.odt());

		// when they are back on the page
		String page = manager.get(programmeUpload).body();

		// then the banner confirms it, the table lists it, and the form takes the next one
		assertThat(page).contains("govuk-notification-banner--success").contains("‘plan.odt’ has been uploaded.")
				.contains("enctype=\"multipart/form-data\"")
				.contains("class=\"govuk-file-upload\"")
				.contains("name=\"_csrf\"")
				.contains("It must be 20MB or smaller")
				.contains("/documents/" + documents.forProgramme(reference).get(0).id());
		assertThat(manager.get(programmeUpload).body()).as("the banner shows once")
				.doesNotContain("has been uploaded");
	}

	@Test
	void listingAProgrammesDocumentsDoesNotGrowWithOtherProgrammes() {
		// given a programme with documents on itself and on its task, and its documents page once seen
		WebClient manager = signedIn("manager");
		manager.postFile(programmeUpload, "plan.odt", DocumentSamples.odt());
		manager.postFile(taskUpload, "options.pdf", DocumentSamples.pdf());
		manager.get(programmeUpload);
		long before = sql.count(() -> assertThat(manager.get(programmeUpload).statusCode()).isEqualTo(200));

		// when ten more programmes, each with a document, are started
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		for (int i = 0; i < 10; i++) {
			String other = programmes.start("Other " + i);
			manager.postFile("/programmes/" + other + "/documents", "plan.odt", DocumentSamples.odt());
		}

		// then the page takes as many SQL statements as before, and lists only its own two
		assertThat(sql.count(() -> assertThat(manager.get(programmeUpload).statusCode()).isEqualTo(200)))
				.isEqualTo(before);
		assertThat(documents.forProgramme(reference)).extracting(DocumentRow::name)
				.containsExactlyInAnyOrder("plan.odt", "options.pdf");
	}

	@Test
	void someoneWhoMayNotSeeTheProgrammeCannotDownloadOrUpload() {
		// given a document of the programme, and a union representative who has no part in it
		WebClient board = signedIn("board");
		board.postFile(taskUpload, "options.pdf", DocumentSamples.pdf());
		String download = documents.forProgramme(reference).get(0).downloadPath();
		WebClient union = signedIn("union");

		// when they try to download it, upload to the task, upload to the programme or list its documents
		HttpResponse<byte[]> fetched = union.getBytes(download);
		HttpResponse<String> toTask = union.postFile(taskUpload, "minutes.pdf", DocumentSamples.pdf());
		HttpResponse<String> toProgramme = union.postFile(programmeUpload, "minutes.pdf", DocumentSamples.pdf());
		HttpResponse<String> listing = union.get(programmeUpload);

		// then the document is not found, the task is refused, the programme not found; nothing is added
		assertThat(fetched.statusCode()).isEqualTo(404);
		assertThat(new String(fetched.body())).contains("Page not found").doesNotContain("options.pdf");
		assertThat(toTask.statusCode()).isEqualTo(403);
		assertThat(toProgramme.statusCode()).isEqualTo(404);
		assertThat(listing.statusCode()).isEqualTo(404);
		assertThat(documents.forProgramme(reference)).hasSize(1);
	}

	@Test
	void anUnknownDocumentOrTaskIsNotFound() {
		WebClient manager = signedIn("manager");

		assertThat(manager.getBytes("/documents/no-such-document").statusCode()).isEqualTo(404);
		assertThat(manager.postFile("/tasks/no-such-task/documents", "a.pdf", DocumentSamples.pdf())
				.statusCode()).isEqualTo(404);
		assertThat(manager.postFile("/programmes/SO-1900-0001/documents", "a.pdf", DocumentSamples.pdf())
				.statusCode()).isEqualTo(404);
	}

	@Test
	void withoutSignInOrCsrfTokenNothingIsStored() {
		// given someone not signed in, and a signed-in user whose form carries no token
		WebClient stranger = new WebClient(port);
		WebClient board = signedIn("board");

		// when each posts a PDF or asks for a document
		HttpResponse<String> anonymous = stranger.postRaw(taskUpload, "");
		HttpResponse<byte[]> anonymousDownload = stranger.getBytes("/documents/anything");
		HttpResponse<String> forged = board.postRaw(taskUpload, "");

		// then none gets through
		assertThat(anonymous.statusCode()).isIn(302, 403);
		assertThat(anonymousDownload.statusCode()).isEqualTo(302);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertNothingStored();
	}

	@Test
	void anUploadNeverSendsThePersonAwayFromSpinout() {
		// given return addresses pointing elsewhere
		WebClient board = signedIn("board");

		for (String elsewhere : List.of("https://evil.example/", "//evil.example/tasks/", "/tasks/../camunda/",
				"/tasks/x\r\nSet-Cookie:a=b", "javascript:alert(1)")) {
			// when an upload names one
			HttpResponse<String> upload = board.postFile(taskUpload + "?returnTo="
					+ URLEncoder.encode(elsewhere, StandardCharsets.UTF_8), "a.pdf",
					DocumentSamples.pdf());

			// then the person goes back to the task instead
			assertThat(upload.headers().firstValue("Location")).as(elsewhere).hasValueSatisfying(
					location -> assertThat(location).endsWith("/tasks/" + taskId).doesNotContain("evil"));
		}
	}

	private WebClient signedIn(String user) {
		WebClient browser = new WebClient(port);
		browser.signIn(user, "demo");
		return browser;
	}

	/** Given a member of the task's group, when they upload the file, then it is refused so and nothing is stored. */
	private void assertRefused(String fileName, byte[] content, int status, String message) {
		HttpResponse<String> upload = signedIn("board").postFile(taskUpload, fileName, content);

		assertThat(upload.statusCode()).isEqualTo(status);
		assertThat(upload.body()).contains("govuk-error-summary").contains(message);
		assertNothingStored();
	}

	private void assertNothingStored() {
		assertThat(documents.forProgramme(reference)).isEmpty();
		assertThat(tasks.getTaskAttachments(taskId)).isEmpty();
	}
}
