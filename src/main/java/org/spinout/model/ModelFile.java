package org.spinout.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One model or form file as it is deployed: its resource name ({@code processes/business-case.bpmn},
 * {@code forms/approve-business-case.form}) and its bytes.
 */
public record ModelFile(String name, byte[] content) {

	public static final String BPMN = ".bpmn";

	public static final String DMN = ".dmn";

	public static final String FORM = ".form";

	/** Puts a bare file name in the folder its kind lives in, as {@code processes/} and {@code forms/} do. */
	public static ModelFile named(String fileName, byte[] content) {
		String bare = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		return new ModelFile((bare.endsWith(FORM) ? "forms/" : "processes/") + bare, content);
	}

	public boolean isBpmn() {
		return name.endsWith(BPMN);
	}

	public boolean isDmn() {
		return name.endsWith(DMN);
	}

	public boolean isForm() {
		return name.endsWith(FORM);
	}

	/** The name without its folder. */
	public String fileName() {
		return name.substring(name.lastIndexOf('/') + 1);
	}

	public String text() {
		return new String(content, StandardCharsets.UTF_8);
	}

	public boolean sameContent(byte[] other) {
		return Arrays.equals(content, other);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ModelFile file && file.name.equals(name) && Arrays.equals(file.content, content);
	}

	@Override
	public int hashCode() {
		return 31 * name.hashCode() + Arrays.hashCode(content);
	}

	@Override
	public String toString() {
		return name + " (" + content.length + " bytes)";
	}
}
