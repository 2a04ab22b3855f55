package org.spinout.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every form in the repository's forms/ folder can be read, shown and checked, so a new or
 * changed form that Spinout cannot show fails the build rather than a task page.
 */
class RepositoryFormsTest {

	private static final Path FORMS = Path.of("forms");

	@TestFactory
	Stream<DynamicTest> everyFormOfTheRepositoryIsShownAndChecked() throws IOException {
		if (!Files.isDirectory(FORMS)) {
			return Stream.empty();
		}
		try (Stream<Path> files = Files.list(FORMS)) {
			return files.filter(file -> file.toString().endsWith(".form")).sorted().toList().stream()
					.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> showAndCheck(file)));
		}
	}

	private static void showAndCheck(Path file) throws IOException {
		FormSchema form = FormSchema.parse(Files.readString(file, StandardCharsets.UTF_8));

		FormSubmission empty = form.validate(Map.of());
		String firstVisit = FormFixtures.page(form, null);
		String withErrors = FormFixtures.page(form, empty);

		assertThat(file.getFileName().toString()).isEqualTo(form.id() + ".form");
		assertThat(firstVisit).doesNotContain("govuk-error-summary").doesNotContain("style=");
		for (FieldError error : empty.errors().values()) {
			assertThat(withErrors).contains("href=\"#" + error.inputId() + "\"").contains("id=\"" + error.inputId() + "\"");
		}
	}
}
