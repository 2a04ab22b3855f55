package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.browser.Chromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real Chromium, with the pages' Content-Security-Policy: a programme's page draws its diagram
 * with the active task marked and linked, leads from the main diagram into a phase's, and the
 * portfolio, programme and insight pages pass axe-core's WCAG 2.2 AA rules.
 */
@SpinoutWebTest
class ProgrammePagesBrowserTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** The active marker's fill, GOV.UK light yellow: the stylesheet won over bpmn-js's own colours. */
	private static final String ACTIVE_FILL = "rgb(255, 247, 191)";

	static Chromium chromium;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	String reference;

	Task prepare;

	@BeforeAll
	static void startBrowser(@LocalServerPort int port) {
		chromium = new Chromium(port);
	}

	@AfterAll
	static void stopBrowser() {
		chromium.close();
	}

	@BeforeEach
	void aProgrammeAndAManager() {
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("Browser " + System.nanoTime());
		prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		chromium.driver().manage().deleteAllCookies();
		chromium.signIn("manager", "demo");
	}

	@Test
	void theProgrammePageShowsTheDiagramWithTheActiveTaskMarkedAndLinked() {
		// when the manager opens the programme and follows its running phase into the phase's diagram
		chromium.open("/programmes/" + reference);
		WebDriver driver = chromium.driver();
		awaitDiagram();
		assertThat(marked("BusinessCase")).contains("spinout-active");
		assertThat(marked("CheckTransferDate")).contains("spinout-completed");
		chromium.assertAccessible();
		driver.findElement(By.cssSelector("a.spinout-diagram__link--phase[href*='diagram=business-case']")).click();
		awaitDiagram();

		// then the phase's active task is marked, in the page's colours, and links to its task page
		assertThat(driver.getCurrentUrl()).contains("diagram=business-case");
		assertThat(marked(TestProgrammes.FIRST_TASK)).contains("spinout-active");
		assertThat(marked("BusinessCaseRequested")).contains("spinout-completed");
		WebElement shape = driver.findElement(
				By.cssSelector(".djs-element[data-element-id='" + TestProgrammes.FIRST_TASK + "'] .djs-visual > rect"));
		assertThat(shape.getCssValue("fill")).isEqualTo(ACTIVE_FILL);
		WebElement link = driver.findElement(By.cssSelector("a.spinout-diagram__link--task"));
		assertThat(link.getAttribute("href")).endsWith("/tasks/" + prepare.getId());
		assertThat(link.getText().replace("\n", "")).isEqualTo("Open task: " + TestProgrammes.FIRST_TASK_NAME);
		assertThat(driver.findElement(By.id("programme-diagram-status")).getText()).contains("1 task open");
		chromium.assertAccessible();

		// and the link opens the task
		link.click();
		new WebDriverWait(driver, PATIENCE).until(page -> page.getCurrentUrl().endsWith("/tasks/" + prepare.getId()));
	}

	@Test
	void thePortfolioAndInsightPagesAreAccessible() {
		chromium.open("/programmes?q=" + reference);
		assertThat(chromium.driver().findElement(By.cssSelector("tr[data-reference='" + reference + "']")).getText())
				.contains(TestProgrammes.FIRST_PHASE);
		chromium.assertAccessible();

		chromium.open("/insight");
		WebDriver driver = chromium.driver();
		new WebDriverWait(driver, PATIENCE).until(page -> Boolean.TRUE.equals(((JavascriptExecutor) page)
				.executeScript("const c = document.querySelector('canvas[data-chart]');"
						+ " return c === null || (window.Chart !== undefined && window.Chart.getChart(c) !== undefined);")));
		chromium.assertAccessible();

		chromium.open("/programmes/" + reference + "/stop");
		chromium.assertAccessible();
		chromium.open("/programmes/reassign");
		chromium.assertAccessible();
	}

	private void awaitDiagram() {
		new WebDriverWait(chromium.driver(), PATIENCE).until(page -> "true".equals(
				page.findElement(By.id("programme-diagram")).getAttribute("data-ready"))
				|| page.findElement(By.id("programme-diagram-status")).getText().startsWith("The diagram could not"));
		assertThat(chromium.driver().findElement(By.id("programme-diagram")).getAttribute("data-ready"))
				.as(chromium.driver().findElement(By.id("programme-diagram-status")).getText()).isEqualTo("true");
	}

	private String marked(String activityId) {
		return chromium.driver().findElement(By.cssSelector(".djs-element[data-element-id='" + activityId + "']"))
				.getAttribute("class");
	}
}
