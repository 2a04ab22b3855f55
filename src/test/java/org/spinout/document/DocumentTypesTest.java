package org.spinout.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class DocumentTypesTest {

	private final DocumentTypes types = new DocumentTypes(new DocumentProperties(DataSize.ofKilobytes(200)));

	static Stream<Arguments> documents() {
		return Stream.of(
				Arguments.of("business-case.pdf", (Supplier<byte[]>) DocumentSamples::pdf, DocumentType.PDF),
				Arguments.of("business-case.docx", (Supplier<byte[]>) DocumentSamples::docx, DocumentType.WORD),
				Arguments.of("business-case.DOC", (Supplier<byte[]>) DocumentSamples::doc, DocumentType.WORD_97),
				Arguments.of("model.xlsx", (Supplier<byte[]>) DocumentSamples::xlsx, DocumentType.EXCEL),
				Arguments.of("model.xls", (Supplier<byte[]>) DocumentSamples::xls, DocumentType.EXCEL_97),
				Arguments.of("plan.odt", (Supplier<byte[]>) DocumentSamples::odt, DocumentType.OPEN_DOCUMENT_TEXT),
				Arguments.of("budget.ods", (Supplier<byte[]>) DocumentSamples::ods,
						DocumentType.OPEN_DOCUMENT_SPREADSHEET),
				Arguments.of("briefing.odp", (Supplier<byte[]>) DocumentSamples::odp,
						DocumentType.OPEN_DOCUMENT_PRESENTATION),
				Arguments.of("chart.png", (Supplier<byte[]>) DocumentSamples::png, DocumentType.PNG),
				Arguments.of("photo.jpg", (Supplier<byte[]>) DocumentSamples::jpeg, DocumentType.JPEG),
				Arguments.of("photo.jpeg", (Supplier<byte[]>) DocumentSamples::jpeg, DocumentType.JPEG),
				Arguments.of("logo.gif", (Supplier<byte[]>) DocumentSamples::gif, DocumentType.GIF),
				Arguments.of("logo.webp", (Supplier<byte[]>) DocumentSamples::webp, DocumentType.WEBP));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documents")
	void eachAcceptedKindIsRecognisedByItsContent(String fileName, Supplier<byte[]> content, DocumentType expected) {
		// given a file of an accepted kind, named for it

		// when it is checked
		DocumentTypes.Accepted accepted = types.check(fileName, content.get());

		// then its type comes from its content and its name is kept
		assertThat(accepted.type()).isEqualTo(expected);
		assertThat(accepted.fileName()).isEqualTo(fileName);
	}

	static Stream<Arguments> programs() {
		return Stream.of(Arguments.of("report.pdf", DocumentSamples.windowsProgram()),
				Arguments.of("setup.exe", DocumentSamples.windowsProgram()),
				Arguments.of("minutes.docx", DocumentSamples.linuxProgram()),
				Arguments.of("notes.odt", DocumentSamples.shellScript()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("programs")
	void programsAreRefusedWhateverTheyAreCalled(String fileName, byte[] program) {
		assertThatThrownBy(() -> types.check(fileName, program))
				.isInstanceOfSatisfying(RefusedDocument.class, refused -> {
					assertThat(refused.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
					assertThat(refused.getMessage()).startsWith("The selected file is a program, not a document")
							.contains("PDF, Word, Excel, OpenDocument");
				});
	}

	static Stream<Arguments> notDocuments() {
		return Stream.of(Arguments.of("page.html", DocumentSamples.ascii("<html><script>alert(1)</script></html>")),
				Arguments.of("library.jar", DocumentSamples.jar()),
				Arguments.of("installer.doc", DocumentSamples.otherOle2()),
				Arguments.of("installer.xls", DocumentSamples.otherOle2()),
				Arguments.of("archive.docx", DocumentSamples.jar()),
				Arguments.of("bomb.docx", DocumentSamples.zipBomb()),
				Arguments.of("crowded.docx", DocumentSamples.zipOfManyEntries()),
				Arguments.of("entity.docx", DocumentSamples.docxWithDoctype()),
				Arguments.of("truncated.docx", Arrays.copyOf(DocumentSamples.docx(), 40)),
				Arguments.of("truncated.doc", Arrays.copyOf(DocumentSamples.doc(), 600)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notDocuments")
	void anythingElseIsRefusedSayingWhatIsAccepted(String fileName, byte[] content) {
		assertThatThrownBy(() -> types.check(fileName, content))
				.isInstanceOfSatisfying(RefusedDocument.class, refused -> {
					assertThat(refused.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
					assertThat(refused.getMessage()).isEqualTo("The selected file must be a PDF, Word, Excel, "
							+ "OpenDocument (text, spreadsheet or presentation), PNG, JPEG, GIF or WebP file");
				});
	}

	@Test
	void aNameThatDoesNotMatchTheContentIsRefused() {
		// given a PNG image called a PDF, and a Word document called a spreadsheet
		byte[] png = DocumentSamples.png();
		byte[] docx = DocumentSamples.docx();

		// when they are checked, then each is refused saying what it is and how to name it
		assertThatThrownBy(() -> types.check("report.pdf", png)).isInstanceOf(RefusedDocument.class)
				.hasMessage("The selected file is a PNG image but its name ends in .pdf. Rename it to end in .png, "
						+ "or choose another file");
		assertThatThrownBy(() -> types.check("model.xlsx", docx)).isInstanceOf(RefusedDocument.class)
				.hasMessageContaining("is a Word document but its name ends in .xlsx");
		assertThatThrownBy(() -> types.check("report", DocumentSamples.pdf())).isInstanceOf(RefusedDocument.class)
				.hasMessageContaining("is a PDF but its name has no ending. Rename it to end in .pdf");
	}

	@Test
	void officeFormatsThatOnlyTheirNameWouldTellApartAreKnownByTheirContent() {
		// given Excel files named as Word files: Tika core, given the names, would call them Word documents

		// when they are checked, then each is taken for what it holds
		assertThatThrownBy(() -> types.check("model.docx", DocumentSamples.xlsx())).isInstanceOf(RefusedDocument.class)
				.hasMessageContaining("is an Excel workbook but its name ends in .docx");
		assertThatThrownBy(() -> types.check("model.doc", DocumentSamples.xls())).isInstanceOf(RefusedDocument.class)
				.hasMessageContaining("is an Excel 97-2003 workbook but its name ends in .doc");
		assertThat(types.detect(DocumentSamples.xlsx())).contains(DocumentType.EXCEL);
		assertThat(types.detect(DocumentSamples.doc())).contains(DocumentType.WORD_97);
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThatThrownBy(() -> types.check("report.pdf", new byte[0]))
				.isInstanceOfSatisfying(RefusedDocument.class, refused -> {
					assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
					assertThat(refused.getMessage()).startsWith("The selected file is empty");
				});
	}

	@Test
	void aFileOverTheLimitIsRefusedAndOneAtTheLimitAccepted() {
		// given the limit of 200KB
		byte[] atLimit = DocumentSamples.pdfOfSize(200 * 1024);
		byte[] overLimit = DocumentSamples.pdfOfSize(200 * 1024 + 1);

		// when each is checked, then only the larger one is refused
		assertThat(types.check("report.pdf", atLimit).type()).isEqualTo(DocumentType.PDF);
		assertThatThrownBy(() -> types.check("report.pdf", overLimit))
				.isInstanceOfSatisfying(RefusedDocument.class, refused -> {
					assertThat(refused.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
					assertThat(refused.getMessage()).isEqualTo("The selected file must be 200KB or smaller");
				});
		assertThatThrownBy(() -> types.checkSize(200 * 1024 + 1)).isInstanceOf(RefusedDocument.class);
	}

	@Test
	void aNameLosesTheFolderABrowserSentWithIt() {
		assertThat(types.check("C:\\Users\\priya\\report.pdf", DocumentSamples.pdf()).fileName())
				.isEqualTo("report.pdf");
		assertThat(types.check("../../etc/report\u0007.pdf", DocumentSamples.pdf()).fileName())
				.isEqualTo("report.pdf");
		assertThatThrownBy(() -> types.check("", DocumentSamples.pdf())).hasMessage("Select a file");
	}

	@Test
	void sizesReadAsGovUkWritesThem() {
		assertThat(DocumentTypes.sizeText(1)).isEqualTo("1 byte");
		assertThat(DocumentTypes.sizeText(900)).isEqualTo("900 bytes");
		assertThat(DocumentTypes.sizeText(1500)).isEqualTo("2KB");
		assertThat(DocumentTypes.sizeText(20L * 1024 * 1024)).isEqualTo("20MB");
		assertThat(DocumentTypes.sizeText(1_300_000)).isEqualTo("1.2MB");
	}

	@Test
	void theHintNamesEveryKindAndTheLimit() {
		assertThat(types.hint()).isEqualTo("Upload a PDF, Word, Excel, OpenDocument (text, spreadsheet or "
				+ "presentation), PNG, JPEG, GIF or WebP file. It must be 200KB or smaller.");
		assertThat(types.accept()).isEqualTo(".pdf,.docx,.doc,.xlsx,.xls,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp");
	}
}
