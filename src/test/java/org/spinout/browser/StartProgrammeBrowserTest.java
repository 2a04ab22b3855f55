package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;

/**
 * A programme manager starts a programme in a real Chromium, on a desktop and on a phone: every
 * error at once, a check of the answers with a way back to change one, and a confirmation that
 * leads to the new programme. Each step passes axe and fits the screen.
 */
@SpinoutWebTest
@Slow
class StartProgrammeBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void aManagerChecksTheAnswersAndFollowsTheConfirmationToTheNewProgramme(int width) {
		WebDriver driver = chromium.atWidth(width).driver();
		driver.manage().deleteAllCookies();
		chromium.signIn("manager", "demo");
		chromium.open("/programmes/new");
		assertThat(driver.findElements(By.tagName("h1"))).extracting(heading -> heading.getText())
				.containsExactly("Start a spin-out programme");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);

		// when the manager gives more staff transferring than employed, and no name
		type("staffCount", "90");
		type("transferringStaffCount", "100");
		continueOn();

		// then both errors come at once
		assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
				.contains("Enter the programme name")
				.contains("Staff who will transfer must be no more than the staff employed in the service");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);

		// when they answer everything, then change the name from the check page
		String name = "Browser start " + width + " " + System.nanoTime();
		type("programmeName", "Draft name");
		type("parentBody", "Devon County Council");
		driver.findElement(By.cssSelector("#parentBodyType option[value=council]")).click();
		driver.findElement(By.cssSelector("input[name=nation][value=england-wales]")).click();
		type("serviceName", "Libraries");
		type("transferringStaffCount", "80");
		type("targetTransferDate-day", "1");
		type("targetTransferDate-month", "4");
		type("targetTransferDate-year", "2029");
		continueOn();
		assertThat(driver.findElement(By.tagName("h1")).getText())
				.isEqualTo("Check your answers before starting the programme");
		assertThat(driver.findElement(By.id("answers")).getText()).contains("Draft name").contains("1 April 2029");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
		chromium.follow(By.cssSelector("#answers a[href$='#programmeName']"));
		type("programmeName", name);
		continueOn();
		assertThat(driver.findElement(By.id("answers")).getText()).contains(name).doesNotContain("Draft name");

		// and start it
		chromium.follow(By.cssSelector("form[action='/programmes/new/check'] button"));

		// then the confirmation gives the reference and leads to the programme
		String reference = driver.findElement(By.id("reference")).getText();
		assertThat(reference).matches("SO-\\d{4}-\\d{4}");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
		chromium.follow(By.id("programme-link"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		assertThat(driver.getCurrentUrl()).endsWith("/programmes/" + reference);
	}

	private static void type(String id, String text) {
		var field = chromium.driver().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void continueOn() {
		chromium.follow(By.cssSelector("form[action='/programmes/new'] button[type=submit]"));
	}
}
