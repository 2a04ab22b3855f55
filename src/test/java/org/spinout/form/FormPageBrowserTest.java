package org.spinout.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.browser.Chromium;

/**
 * In a real Chromium, the form's GOV.UK markup passes axe-core, its error summary leads to the
 * fields, and a corrected form goes through.
 */
@SpinoutWebTest
@Slow
class FormPageBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Test
	void anInvalidFormShowsItsErrorsAccessiblyAndACorrectedOneIsSaved() {
		WebDriver page = chromium.driver();
		page.manage().deleteAllCookies();
		chromium.signIn("manager", "demo");
		chromium.open(FormDemoPage.PATH);
		chromium.assertAccessible();
		assertThat(page.findElement(By.className("govuk-character-count__status")).getText())
				.as("GOV.UK Frontend's character count started").isEqualTo("You have 4,000 characters remaining");

		page.findElement(By.id("programmeName")).sendKeys("ab");
		page.findElement(By.id("targetTransferDate-day")).sendKeys("31");
		page.findElement(By.id("targetTransferDate-month")).sendKeys("2");
		page.findElement(By.id("targetTransferDate-year")).sendKeys("2031");
		submit();

		assertThat(page.getTitle()).startsWith("Error: ");
		List<String> errors = page.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
				.map(WebElement::getText).toList();
		assertThat(errors).containsExactly("Programme name must be 3 characters or more", "Enter the staff count",
				"Confirm that the board minuted the adoption", "Select the conditions the new organisation meets",
				"Select the nation", "Select the type of parent body", "Target transfer date must be a real date",
				"Select an answer to \"Do you approve the business case?\"");
		assertThat(page.findElement(By.id("programmeName")).getAttribute("value")).isEqualTo("ab");
		chromium.assertAccessible();
		page.findElement(By.linkText("Target transfer date must be a real date")).click();
		assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("targetTransferDate-day");

		answer(page);
		submit();

		assertThat(page.findElement(By.className("govuk-panel__title")).getText()).isEqualTo("Saved");
		assertThat(page.findElements(By.className("govuk-error-summary"))).isEmpty();
		chromium.assertAccessible();
	}

	private static void answer(WebDriver page) {
		WebElement name = page.findElement(By.id("programmeName"));
		name.clear();
		name.sendKeys("Riverside Libraries spin-out");
		page.findElement(By.id("staffCount")).sendKeys("240");
		page.findElement(By.cssSelector("label[for=boardMinuted]")).click();
		page.findElement(By.cssSelector("label[for=reservedConditions-3]")).click();
		page.findElement(By.cssSelector("label[for=nation-2]")).click();
		page.findElement(By.cssSelector("#parentBodyType option[value=council]")).click();
		WebElement day = page.findElement(By.id("targetTransferDate-day"));
		day.clear();
		day.sendKeys("28");
		page.findElement(By.cssSelector("label[for=decision]")).click();
	}

	private static void submit() {
		chromium.follow(By.cssSelector("main form button.govuk-button"));
	}
}
