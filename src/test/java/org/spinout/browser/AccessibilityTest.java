package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;

/** Every page of the foundation passes axe-core's WCAG 2.2 AA rules in a real Chromium. */
@SpinoutWebTest
@Slow
class AccessibilityTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Test
	void theSignInPageAndItsErrorAreAccessible() {
		chromium.driver().manage().deleteAllCookies();
		chromium.open("/login");
		chromium.assertAccessible();

		chromium.signIn("nobody-by-this-name", "not-the-password");

		assertThat(chromium.driver().findElement(By.className("govuk-error-summary")).getText())
				.contains("Incorrect username or password");
		chromium.assertAccessible();
	}

	@Test
	void theHomeAndErrorPagesAreAccessible() {
		chromium.driver().manage().deleteAllCookies();
		chromium.signIn("manager", "demo");

		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).contains("Priya Shah");
		chromium.assertAccessible();
		chromium.open("/no-such-page");
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		chromium.assertAccessible();
		chromium.open("/actuator/metrics");
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("You cannot do this");
		chromium.assertAccessible();
	}
}
