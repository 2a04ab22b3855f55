package org.spinout.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.browser.Chromium;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real Chromium, a programme's documents page, an upload through its form and a refused
 * upload pass axe-core, and the error summary leads to the file input.
 */
@SpinoutWebTest
@Slow
class DocumentPagesBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@TempDir
	Path files;

	@Test
	void anUploadAndARefusalAreShownAccessibly() throws IOException {
		// given a programme manager on a new programme's documents page
		String reference = new TestProgrammes(starter, tasks).start("Riverside Libraries");
		WebDriver page = chromium.driver();
		page.manage().deleteAllCookies();
		chromium.signIn("manager", "demo");
		chromium.open("/programmes/" + reference + "/documents");
		assertThat(page.findElement(By.id("document-file")).getAttribute("aria-describedby"))
				.isEqualTo("document-file-hint");
		assertThat(page.findElement(By.tagName("main")).getText()).contains("No documents have been uploaded yet");
		chromium.assertAccessible();

		// when they upload a spreadsheet
		upload(page, Files.write(files.resolve("budget.ods"), DocumentSamples.ods()));

		// then the banner confirms it and the table lists it
		assertThat(page.findElement(By.className("govuk-notification-banner__heading")).getText())
				.isEqualTo("‘budget.ods’ has been uploaded.");
		assertThat(page.findElement(By.className("govuk-table")).getText()).contains("budget.ods")
				.contains("Priya Shah");
		chromium.assertAccessible();

		// when they upload an empty file
		upload(page, Files.write(files.resolve("empty.pdf"), new byte[0]));

		// then the error summary says so and leads to the file input
		assertThat(page.findElement(By.cssSelector(".govuk-error-summary__list a")).getText())
				.startsWith("The selected file is empty");
		assertThat(page.getTitle()).startsWith("Error: ");
		chromium.assertAccessible();
		page.findElement(By.cssSelector(".govuk-error-summary__list a")).click();
		assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("document-file");
	}

	private static void upload(WebDriver page, Path file) {
		page.findElement(By.id("document-file")).sendKeys(file.toAbsolutePath().toString());
		chromium.follow(By.cssSelector("main form[enctype='multipart/form-data'] button"));
	}
}
