package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Insight in a real Chromium, on a desktop and on a phone: reached from the header, its figures in
 * whole days, its tables and charts within the screen, and no axe violation.
 */
@SpinoutWebTest
@Slow
class InsightBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void aManagerFollowsTheHeaderToInsightAndReadsWholeDays(int width) {
		// given a kind of task completed once
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		String reference = programmes.start("Insight in a browser " + System.nanoTime());
		tasks.complete(programmes.task(reference, TestProgrammes.FIRST_TASK).getId(), TestProgrammes.firstTaskAnswers());
		WebDriver driver = chromium.atWidth(width).driver();
		driver.manage().deleteAllCookies();
		chromium.signIn("manager", "demo");

		// when the manager follows the header's link, from its menu on a phone
		if (width == Chromium.PHONE) {
			driver.findElement(By.cssSelector(".govuk-header__menu-button")).click();
		}
		assertThat(driver.findElement(By.tagName("header")).findElements(By.cssSelector("a[href*='/camunda/app/tasklist']")))
				.as("the header leads to Spinout's task lists, not Camunda Tasklist").isEmpty();
		chromium.follow(By.cssSelector(".govuk-header__navigation a[href='/insight']"));
		chromium.await(Chromium.scriptSays("const c = document.querySelector('canvas[data-chart]');"
				+ " return c !== null && window.Chart !== undefined && window.Chart.getChart(c) !== undefined;"));

		// then its figures are whole days, and the page fits the screen
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Insight");
		assertThat(driver.findElement(By.id("task-types")).getText()).doesNotContainPattern("\\d\\.\\d")
				.contains(TestProgrammes.FIRST_TASK_NAME);
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}
}
