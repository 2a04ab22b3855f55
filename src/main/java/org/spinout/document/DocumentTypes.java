package org.spinout.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Decides whether an upload is a document Spinout keeps: not empty, within the size limit, of an
 * accepted type recognised from its content (a name is easily changed), and named for that type,
 * so that whoever downloads it opens it with the right program. Archives are read only as far as
 * needed and never beyond fixed limits, so a crafted file cannot exhaust the server.
 */
@Component
public class DocumentTypes {

	static final int MAX_NAME_LENGTH = 255;

	/** How far into a ZIP file Spinout reads to find the part that names its type. */
	static final int MAX_ZIP_ENTRIES = 1_000;

	static final long MAX_ZIP_BYTES = 64L * 1024 * 1024;

	static final int MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

	private static final byte[] PDF = ascii("%PDF-");

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final byte[] GIF87 = ascii("GIF87a");

	private static final byte[] GIF89 = ascii("GIF89a");

	private static final byte[] RIFF = ascii("RIFF");

	private static final byte[] WEBP = ascii("WEBP");

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
			(byte) 0xe1 };

	/** Windows (MZ), Linux (ELF), macOS (Mach-O, also Java classes) programs, and scripts (#!). */
	private static final List<byte[]> PROGRAMS = List.of(ascii("MZ"), new byte[] { 0x7f, 'E', 'L', 'F' },
			new byte[] { (byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xce },
			new byte[] { (byte) 0xfe, (byte) 0xed, (byte) 0xfa, (byte) 0xcf },
			new byte[] { (byte) 0xce, (byte) 0xfa, (byte) 0xed, (byte) 0xfe },
			new byte[] { (byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe },
			new byte[] { (byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe }, ascii("#!"));

	private static final String WORD_MAIN_PART =
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

	private static final String EXCEL_MAIN_PART =
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private final long maxSize;

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
		if (PROGRAMS.stream().anyMatch(magic -> startsWith(content, magic))) {
			throw new RefusedDocument(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The selected file is a program, not a document. It must be " + DocumentType.ACCEPTED);
		}
		DocumentType type = detect(content).orElseThrow(() -> new RefusedDocument(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
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
		if (startsWith(content, PDF)) {
			return Optional.of(DocumentType.PDF);
		}
		if (startsWith(content, PNG)) {
			return Optional.of(DocumentType.PNG);
		}
		if (startsWith(content, JPEG)) {
			return Optional.of(DocumentType.JPEG);
		}
		if (startsWith(content, GIF87) || startsWith(content, GIF89)) {
			return Optional.of(DocumentType.GIF);
		}
		if (startsWith(content, RIFF) && content.length >= 12
				&& Arrays.equals(content, 8, 12, WEBP, 0, WEBP.length)) {
			return Optional.of(DocumentType.WEBP);
		}
		if (startsWith(content, ZIP)) {
			return zipDocument(content);
		}
		if (startsWith(content, OLE2)) {
			return Ole2Directory.read(content).flatMap(Ole2Directory::documentType);
		}
		return Optional.empty();
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
	 * Office Open XML names its main part in [Content_Types].xml; OpenDocument names its type in
	 * the mimetype entry. Entries before those are skipped by reading them, counted against a
	 * budget, so that neither many entries nor a highly compressed one can keep the server busy.
	 */
	private static Optional<DocumentType> zipDocument(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			long budget = MAX_ZIP_BYTES;
			for (int entries = 0; entries < MAX_ZIP_ENTRIES; entries++) {
				ZipEntry entry = zip.getNextEntry();
				if (entry == null) {
					return Optional.empty();
				}
				if (entry.getName().equals("mimetype")) {
					return readAtMost(zip, 100).flatMap(DocumentTypes::openDocumentType);
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

	private static Optional<DocumentType> openDocumentType(byte[] mimetype) {
		String type = new String(mimetype, StandardCharsets.US_ASCII).strip();
		return Optional.ofNullable(switch (type) {
			case "application/vnd.oasis.opendocument.text" -> DocumentType.OPEN_DOCUMENT_TEXT;
			case "application/vnd.oasis.opendocument.spreadsheet" -> DocumentType.OPEN_DOCUMENT_SPREADSHEET;
			case "application/vnd.oasis.opendocument.presentation" -> DocumentType.OPEN_DOCUMENT_PRESENTATION;
			default -> null;
		});
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

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The streams at the top of an OLE2 compound file (the container of .doc and .xls files, but
	 * also of installers): a Word 97-2003 document has a WordDocument stream, an Excel workbook a
	 * Workbook (or, older, Book) stream. Only the top level counts, as embedded objects sit below.
	 * Every step is bounded by the file's size, so broken or looping chains end the reading.
	 */
	record Ole2Directory(Set<String> topLevelStreams) {

		private static final int END_OF_CHAIN = 0xfffffffe;

		private static final int FREE = 0xffffffff;

		private static final int NO_ENTRY = 0xffffffff;

		private static final int ENTRY_SIZE = 128;

		private static final int STREAM = 2;

		static Optional<Ole2Directory> read(byte[] file) {
			if (file.length < 512) {
				return Optional.empty();
			}
			int shift = u16(file, 30);
			if (shift != 9 && shift != 12) {
				return Optional.empty();
			}
			int sectorSize = 1 << shift;
			int sectors = file.length / sectorSize;
			List<Integer> fat = fatSectors(file, sectorSize, sectors);
			List<Integer> directory = new ArrayList<>();
			int sector = i32(file, 48);
			while (sector != END_OF_CHAIN) {
				if (sector < 0 || sector >= sectors || directory.size() >= sectors) {
					return Optional.empty();
				}
				directory.add(sector);
				sector = next(file, fat, sectorSize, sector);
			}
			List<int[]> links = new ArrayList<>();
			List<String> names = new ArrayList<>();
			List<Integer> kinds = new ArrayList<>();
			for (int directorySector : directory) {
				int start = (directorySector + 1) * sectorSize;
				for (int offset = start; offset + ENTRY_SIZE <= start + sectorSize
						&& offset + ENTRY_SIZE <= file.length; offset += ENTRY_SIZE) {
					int nameLength = Math.min(Math.max(u16(file, offset + 64) - 2, 0), 62) & ~1;
					names.add(new String(file, offset, nameLength, StandardCharsets.UTF_16LE));
					kinds.add(file[offset + 66] & 0xff);
					links.add(new int[] { i32(file, offset + 68), i32(file, offset + 72), i32(file, offset + 76) });
				}
			}
			if (links.isEmpty()) {
				return Optional.empty();
			}
			// The root's children form a tree through their left and right siblings.
			Set<String> streams = new HashSet<>();
			Set<Integer> seen = new HashSet<>();
			List<Integer> todo = new ArrayList<>(List.of(links.get(0)[2]));
			while (!todo.isEmpty()) {
				int entry = todo.remove(todo.size() - 1);
				if (entry == NO_ENTRY || entry < 0 || entry >= links.size() || !seen.add(entry)) {
					continue;
				}
				if (kinds.get(entry) == STREAM) {
					streams.add(names.get(entry));
				}
				todo.add(links.get(entry)[0]);
				todo.add(links.get(entry)[1]);
			}
			return Optional.of(new Ole2Directory(streams));
		}

		Optional<DocumentType> documentType() {
			if (topLevelStreams.contains("WordDocument")) {
				return Optional.of(DocumentType.WORD_97);
			}
			if (topLevelStreams.contains("Workbook") || topLevelStreams.contains("Book")) {
				return Optional.of(DocumentType.EXCEL_97);
			}
			return Optional.empty();
		}

		/** Where the allocation table lives: listed in the header, then in a chain of further sectors. */
		private static List<Integer> fatSectors(byte[] file, int sectorSize, int sectors) {
			List<Integer> fat = new ArrayList<>();
			for (int i = 0; i < 109; i++) {
				int sector = i32(file, 76 + 4 * i);
				if (sector == FREE) {
					return fat;
				}
				fat.add(sector);
			}
			int perSector = sectorSize / 4 - 1;
			int difat = i32(file, 68);
			for (int hops = 0; difat != END_OF_CHAIN && difat != FREE && hops < sectors; hops++) {
				if (difat < 0 || (difat + 2L) * sectorSize > file.length) {
					return fat;
				}
				int start = (difat + 1) * sectorSize;
				for (int i = 0; i < perSector; i++) {
					int sector = i32(file, start + 4 * i);
					if (sector == FREE) {
						return fat;
					}
					fat.add(sector);
				}
				difat = i32(file, start + 4 * perSector);
			}
			return fat;
		}

		private static int next(byte[] file, List<Integer> fat, int sectorSize, int sector) {
			int perSector = sectorSize / 4;
			int fatIndex = sector / perSector;
			if (fatIndex >= fat.size()) {
				return -1;
			}
			long position = (fat.get(fatIndex) + 1L) * sectorSize + 4L * (sector % perSector);
			return position < 0 || position + 4 > file.length ? -1 : i32(file, (int) position);
		}

		private static int u16(byte[] file, int offset) {
			return (file[offset] & 0xff) | (file[offset + 1] & 0xff) << 8;
		}

		private static int i32(byte[] file, int offset) {
			if (offset < 0 || offset + 4 > file.length) {
				return -1;
			}
			return (file[offset] & 0xff) | (file[offset + 1] & 0xff) << 8 | (file[offset + 2] & 0xff) << 16
					| (file[offset + 3] & 0xff) << 24;
		}
	}
}
