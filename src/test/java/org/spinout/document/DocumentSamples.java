package org.spinout.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Minimal files of each kind, made here so that the tests carry no binary fixtures. */
final class DocumentSamples {

	private DocumentSamples() {
	}

	/** A one-page PDF with every byte value in it, so that a download shows any change of encoding. */
	static byte[] pdf() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(ascii("%PDF-1.4\n%"));
		for (int b = 0; b < 256; b++) {
			out.write(b);
		}
		out.writeBytes(ascii("\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
				+ "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/MediaBox[0 0 3 3]/Parent 2 0 R>>endobj\n"
				+ "trailer<</Root 1 0 R>>\n%%EOF\n"));
		return out.toByteArray();
	}

	static byte[] png() {
		return image("png");
	}

	static byte[] jpeg() {
		return image("jpg");
	}

	static byte[] gif() {
		return image("gif");
	}

	/** A 1x1 lossless WebP. */
	static byte[] webp() {
		return bytes(0x52, 0x49, 0x46, 0x46, 0x1a, 0x00, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c,
				0x0d, 0x00, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07,
				0x00);
	}

	static byte[] docx() {
		return officeOpenXml("word/document.xml",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
				"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
						+ "<w:body><w:p><w:r><w:t>Business case</w:t></w:r></w:p></w:body></w:document>");
	}

	static byte[] xlsx() {
		return officeOpenXml("xl/workbook.xml",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
				"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");
	}

	static byte[] odt() {
		return openDocument("application/vnd.oasis.opendocument.text");
	}

	static byte[] ods() {
		return openDocument("application/vnd.oasis.opendocument.spreadsheet");
	}

	static byte[] odp() {
		return openDocument("application/vnd.oasis.opendocument.presentation");
	}

	/** A Word 97-2003 document: an OLE2 compound file whose top level holds a WordDocument stream. */
	static byte[] doc() {
		return ole2("WordDocument");
	}

	/** An Excel 97-2003 workbook: an OLE2 compound file whose top level holds a Workbook stream. */
	static byte[] xls() {
		return ole2("Workbook");
	}

	/** An OLE2 file that is neither, as an installer package would be. */
	static byte[] otherOle2() {
		return ole2("SummaryInformation");
	}

	/** The start of a Windows program. */
	static byte[] windowsProgram() {
		byte[] program = new byte[512];
		program[0] = 'M';
		program[1] = 'Z';
		System.arraycopy(ascii("This program cannot be run in DOS mode."), 0, program, 78, 39);
		return program;
	}

	static byte[] linuxProgram() {
		byte[] program = new byte[64];
		System.arraycopy(bytes(0x7f, 'E', 'L', 'F', 2, 1, 1), 0, program, 0, 7);
		return program;
	}

	static byte[] shellScript() {
		return ascii("#!/bin/sh\necho hello\n");
	}

	/** A ZIP file that is no document: a Java archive. */
	static byte[] jar() {
		return zip(false, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
	}

	/**
	 * A ZIP file whose first entry inflates to far more than Spinout reads, before the part that
	 * would name its type.
	 */
	static byte[] zipBomb() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("padding.bin"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 80; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(contentTypes("/word/document.xml",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A ZIP file of many tiny entries before the part that would name its type. */
	static byte[] zipOfManyEntries() {
		String[] entries = new String[2 * (DocumentTypes.MAX_ZIP_ENTRIES + 2)];
		for (int i = 0; i < entries.length - 2; i += 2) {
			entries[i] = "entry-" + i;
			entries[i + 1] = "";
		}
		entries[entries.length - 2] = "[Content_Types].xml";
		entries[entries.length - 1] = new String(contentTypes("/word/document.xml",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
				StandardCharsets.UTF_8);
		return zip(false, entries);
	}

	/** A [Content_Types].xml that declares an external entity. */
	static byte[] docxWithDoctype() {
		return zip(false, "[Content_Types].xml", "<?xml version=\"1.0\"?>"
				+ "<!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Override PartName=\"/word/document.xml\" ContentType=\"&x;\"/></Types>");
	}

	private static byte[] officeOpenXml(String mainPart, String mainType, String mainXml) {
		return zip(false, "[Content_Types].xml", new String(contentTypes("/" + mainPart, mainType),
				StandardCharsets.UTF_8), mainPart, mainXml);
	}

	private static byte[] contentTypes(String partName, String contentType) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"" + partName + "\" ContentType=\"" + contentType + "\"/></Types>")
				.getBytes(StandardCharsets.UTF_8);
	}

	/** OpenDocument: the mimetype entry first and stored uncompressed, as the standard asks. */
	private static byte[] openDocument(String mimetype) {
		return zip(true, "mimetype", mimetype, "content.xml",
				"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
	}

	private static byte[] zip(boolean firstStored, String... namesAndContents) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < namesAndContents.length; i += 2) {
				byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
				ZipEntry entry = new ZipEntry(namesAndContents[i]);
				if (firstStored && i == 0) {
					CRC32 crc = new CRC32();
					crc.update(content);
					entry.setMethod(ZipEntry.STORED);
					entry.setSize(content.length);
					entry.setCrc(crc.getValue());
				}
				zip.putNextEntry(entry);
				zip.write(content);
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/**
	 * A compound file of three 512-byte sectors: the header, the allocation table (sector 0) and
	 * the directory (sector 1), whose root has one stream.
	 */
	private static byte[] ole2(String streamName) {
		ByteBuffer file = ByteBuffer.allocate(3 * 512).order(ByteOrder.LITTLE_ENDIAN);
		file.put(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1));
		file.putShort(24, (short) 0x3e).putShort(26, (short) 3).putShort(28, (short) 0xfffe);
		file.putShort(30, (short) 9).putShort(32, (short) 6);
		file.putInt(44, 1).putInt(48, 1).putInt(56, 4096).putInt(60, -2).putInt(68, -2);
		for (int i = 0; i < 109; i++) {
			file.putInt(76 + 4 * i, i == 0 ? 0 : -1);
		}
		int fat = 512;
		for (int i = 0; i < 128; i++) {
			file.putInt(fat + 4 * i, i == 0 ? -3 : i == 1 ? -2 : -1);
		}
		int directory = 1024;
		entry(file, directory, "Root Entry", 5, -1, -1, 1);
		entry(file, directory + 128, streamName, 2, -1, -1, -1);
		entry(file, directory + 256, "", 0, -1, -1, -1);
		entry(file, directory + 384, "", 0, -1, -1, -1);
		return file.array();
	}

	private static void entry(ByteBuffer file, int offset, String name, int type, int left, int right, int child) {
		byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
		file.put(offset, utf16);
		file.putShort(offset + 64, (short) (name.isEmpty() ? 0 : utf16.length + 2));
		file.put(offset + 66, (byte) type);
		file.putInt(offset + 68, left).putInt(offset + 72, right).putInt(offset + 76, child);
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0x1d70b8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No image writer for " + format);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	/** {@code size} bytes that start as a PDF does. */
	static byte[] pdfOfSize(int size) {
		return Arrays.copyOf(pdf(), size);
	}
}
