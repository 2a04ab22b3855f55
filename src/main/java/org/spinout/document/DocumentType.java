package org.spinout.document;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The kinds of document Spinout accepts, each with its media type and the file name endings it may carry. */
public enum DocumentType {

	PDF("a PDF", "application/pdf", "pdf"),
	WORD("a Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	WORD_97("a Word 97-2003 document", "application/msword", "doc"),
	EXCEL("an Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	EXCEL_97("an Excel 97-2003 workbook", "application/vnd.ms-excel", "xls"),
	OPEN_DOCUMENT_TEXT("an OpenDocument text", "application/vnd.oasis.opendocument.text", "odt"),
	OPEN_DOCUMENT_SPREADSHEET("an OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", "ods"),
	OPEN_DOCUMENT_PRESENTATION("an OpenDocument presentation", "application/vnd.oasis.opendocument.presentation",
			"odp"),
	PNG("a PNG image", "image/png", "png"),
	JPEG("a JPEG image", "image/jpeg", "jpg", "jpeg"),
	GIF("a GIF image", "image/gif", "gif"),
	WEBP("a WebP image", "image/webp", "webp");

	/** What people are told they may upload, in the hint and in every refusal. */
	static final String ACCEPTED = "a PDF, Word, Excel, OpenDocument (text, spreadsheet or presentation), "
			+ "PNG, JPEG, GIF or WebP file";

	private final String description;

	private final String mediaType;

	private final List<String> extensions;

	DocumentType(String description, String mediaType, String... extensions) {
		this.description = description;
		this.mediaType = mediaType;
		this.extensions = List.of(extensions);
	}

	public String description() {
		return description;
	}

	public String mediaType() {
		return mediaType;
	}

	public List<String> extensions() {
		return extensions;
	}

	/** The type stored with a document, if it is one of Spinout's; anything else is served as bytes. */
	static Optional<DocumentType> ofMediaType(String mediaType) {
		return Stream.of(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
	}

	/** Every accepted ending, for the file input's accept attribute: ".pdf,.docx,...". */
	static String acceptAttribute() {
		return String.join(",", Stream.of(values()).flatMap(type -> type.extensions.stream())
				.map(extension -> "." + extension).toList());
	}
}
