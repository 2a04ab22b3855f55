package org.spinout.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Decides whether an upload is a document Spinout keeps: not empty, within the size limit, of an
 * accepted type recognised from its content by Apache Tika (a name is easily changed), and named
 * for that type, so that whoever downloads it opens it with the right program. Archives are read
 * only as far as needed and never beyond fixed limits, so a crafted file cannot exhaust the server.
 */
@Component
public class DocumentTypes {

	static final int MAX_NAME_LENGTH = 255;

	/** How far into a ZIP file Spinout reads to find the part that names its type. */
	static final int MAX_ZIP_ENTRIES = 1_000;

	static final long MAX_ZIP_BYTES = 64L * 1024 * 1024;

	static final int MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

	/**
	 * Programs and scripts, as Tika names them: refused with a message that says so. Anything else
	 * not accepted is refused too; this list only chooses the words.
	 */
	private static final List<MediaType> PROGRAMS = Stream.of("application/x-msdownload", "application/x-elf",
			"application/x-mach-o", "application/java-vm", "application/x-sh").map(MediaType::parse).toList();

	/** Tika core tells a ZIP file from others but not a Word package from an Excel one: Spinout reads which. */
	private static final Set<DocumentType> OFFICE_OPEN_XML = Set.of(DocumentType.WORD, DocumentType.EXCEL);

	private static final String WORD_MAIN_PART =
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

	private static final String EXCEL_MAIN_PART =
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private final long maxSize;

	private final MimeTypes tika = MimeTypes.getDefaultMimeTypes();

	DocumentTypes(DocumentProperties properties) {
		this.maxSize = properties.maxSize().toBytes();
	}

	/** A file that passed every check: its name as stored and its type. */
	record Accepted(String fileName, DocumentType type) {
	}

	/** Refuses an upload by its declared size before its content is read into memory. */
	void checkSize(long size) {
		if (size > maxSize) {
			throw new RefusedDocument(HttpStatus.PAYLOAD_TOO_LARGE, tooLargeMessage());
		}
	}

	Accepted check(String fileName, byte[] content) {
		String name = cleanName(fileName);
		if (name.isEmpty()) {
			throw new RefusedDocument(HttpStatus.BAD_REQUEST, "Select a file");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new RefusedDocument(HttpStatus.BAD_REQUEST,
					"The file name must be " + MAX_NAME_LENGTH + " characters or fewer. Rename the file and try again");
		}
		if (content.length == 0) {
			throw new RefusedDocument(HttpStatus.BAD_REQUEST, "The selected file is empty. Choose a file with "
					+ "something in it");
		}
		checkSize(content.length);
		MediaType detected = tikaType(content);
		if (PROGRAMS.stream().anyMatch(program -> isA(detected, program))) {
			throw new RefusedDocument(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The selected file is a program, not a document. It must be " + DocumentType.ACCEPTED);
		}
		DocumentType type = documentType(detected, content).orElseThrow(() -> new RefusedDocument(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The selected file must be " + DocumentType.ACCEPTED));
		String extension = extension(name);
		if (!type.extensions().contains(extension)) {
			String ending = extension.isEmpty() ? "has no ending" : "ends in ." + extension;
			throw new RefusedDocument(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The selected file is " + type.description()
					+ " but its name " + ending + ". Rename it to end in ." + type.extensions().get(0)
					+ ", or choose another file");
		}
		return new Accepted(name, type);
	}

	/** The type the content shows, whatever the file is called. */
	Optional<DocumentType> detect(byte[] content) {
		return documentType(tikaType(content), content);
	}

	/**
	 * Tika's magic decides, from the bytes alone. The name is not given to it: Tika core would take
	 * any OLE2 file named .doc for a Word document, and any ZIP file named .docx for a Word package,
	 * as only the (absent) container parsers look inside. Instead, Word and Excel 97-2003 files are
	 * known by Tika's magic for their top-level stream (WordDocument, Workbook) where the directory
	 * of a compound file starts, and an OOXML package by the main part its [Content_Types].xml names,
	 * read here. The name is then checked against the type found.
	 */
	private Optional<DocumentType> documentType(MediaType detected, byte[] content) {
		Optional<DocumentType> accepted = DocumentType.ofMediaType(detected.getBaseType().toString())
				.filter(type -> !OFFICE_OPEN_XML.contains(type));
		if (accepted.isPresent()) {
			return accepted;
		}
		return isA(detected, MediaType.APPLICATION_ZIP) ? officeOpenXmlPackage(content) : Optional.empty();
	}

	private MediaType tikaType(byte[] content) {
		try {
			return tika.detect(new ByteArrayInputStream(content), new Metadata());
		}
		catch (IOException unreadable) {
			// from bytes in memory this does not happen; were it to, the file is of no accepted kind
			return MediaType.OCTET_STREAM;
		}
	}

	private boolean isA(MediaType type, MediaType kind) {
		return type.getBaseType().equals(kind) || tika.getMediaTypeRegistry().isSpecializationOf(type, kind);
	}

	/** The upload form's hint: what may be uploaded, and how big. */
	public String hint() {
		return "Upload " + DocumentType.ACCEPTED + ". It must be " + sizeText(maxSize) + " or smaller.";
	}

	public String accept() {
		return DocumentType.acceptAttribute();
	}

	String tooLargeMessage() {
		return "The selected file must be " + sizeText(maxSize) + " or smaller";
	}

	/** A size as GOV.UK writes it: 12 bytes, 340KB, 1.2MB. */
	static String sizeText(long bytes) {
		long kilobyte = 1024;
		long megabyte = kilobyte * kilobyte;
		if (bytes >= megabyte) {
			String megabytes = String.format(Locale.UK, "%.1f", bytes / (double) megabyte);
			return (megabytes.endsWith(".0") ? megabytes.substring(0, megabytes.length() - 2) : megabytes) + "MB";
		}
		if (bytes >= kilobyte) {
			return ((bytes + kilobyte - 1) / kilobyte) + "KB";
		}
		return bytes == 1 ? "1 byte" : bytes + " bytes";
	}

	/** The name without any folder a browser sent with it, and without control characters. */
	static String cleanName(String fileName) {
		if (fileName == null) {
			return "";
		}
		String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		return name.replaceAll("\\p{Cntrl}", "").strip();
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * Office Open XML names its main part in [Content_Types].xml. Entries before it are skipped by
	 * reading them, counted against a budget, so that neither many entries nor a highly compressed
	 * one can keep the server busy.
	 */
	private static Optional<DocumentType> officeOpenXmlPackage(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			long budget = MAX_ZIP_BYTES;
			for (int entries = 0; entries < MAX_ZIP_ENTRIES; entries++) {
				ZipEntry entry = zip.getNextEntry();
				if (entry == null) {
					return Optional.empty();
				}
				if (entry.getName().equals("[Content_Types].xml")) {
					return readAtMost(zip, MAX_CONTENT_TYPES_BYTES).flatMap(DocumentTypes::officeOpenXmlType);
				}
				budget -= skipAtMost(zip, budget);
				if (budget <= 0) {
					return Optional.empty();
				}
			}
			return Optional.empty();
		}
		catch (IOException | IllegalArgumentException notAZipFile) {
			return Optional.empty();
		}
	}

	private static Optional<DocumentType> officeOpenXmlType(byte[] contentTypes) {
		Set<String> partTypes = new HashSet<>();
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			// No document type declarations, so no external entities and no entity expansion.
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(true);
			Element types = factory.newDocumentBuilder().parse(new ByteArrayInputStream(contentTypes))
					.getDocumentElement();
			// The main part's type is given for its name (Override) or, rarely, for its ending (Default).
			for (String kind : List.of("Override", "Default")) {
				NodeList parts = types.getElementsByTagNameNS("*", kind);
				for (int i = 0; i < parts.getLength(); i++) {
					partTypes.add(((Element) parts.item(i)).getAttribute("ContentType"));
				}
			}
		}
		catch (ParserConfigurationException | SAXException | IOException notXml) {
			return Optional.empty();
		}
		if (partTypes.contains(WORD_MAIN_PART)) {
			return Optional.of(DocumentType.WORD);
		}
		if (partTypes.contains(EXCEL_MAIN_PART)) {
			return Optional.of(DocumentType.EXCEL);
		}
		return Optional.empty();
	}

	/** The entry's bytes, or nothing when it is longer than the limit. */
	private static Optional<byte[]> readAtMost(InputStream in, int limit) throws IOException {
		byte[] bytes = in.readNBytes(limit + 1);
		return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
	}

	/** Reads past the current entry, stopping after {@code limit} bytes; returns how many were read. */
	private static long skipAtMost(InputStream in, long limit) throws IOException {
		byte[] buffer = new byte[8192];
		long read = 0;
		int n;
		while (read < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - read))) > 0) {
			read += n;
		}
		return read;
	}
}
