package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.browser.Chromium;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real Chromium, with the pages' Content-Security-Policy: a programme's page draws its diagram
 * with the active task marked and linked, fitted to its box, zoomed from the keyboard and with every
 * label whole, leads from the main diagram into a phase's, and the portfolio, programme and insight
 * pages pass axe-core's WCAG 2.2 AA rules and fit a phone.
 */
@SpinoutWebTest
@Slow
class ProgrammePagesBrowserTest {

	/** The active marker's fill, GOV.UK light yellow: the stylesheet won over bpmn-js's own colours. */
	private static final String ACTIVE_FILL = "rgb(255, 247, 191)";

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	String reference;

	Task prepare;

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
		chromium.atWidth(Chromium.DESKTOP);
		chromium.open("/programmes/" + reference);
		WebDriver driver = chromium.driver();
		awaitDiagram();
		assertThat(marked("BusinessCase")).contains("spinout-active");
		assertThat(marked("CheckTransferDate")).contains("spinout-completed");
		chromium.assertAccessible();
		chromium.follow(By.cssSelector("a.spinout-diagram__link--phase[href*='diagram=business-case']"));
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
		chromium.follow(link);
		assertThat(driver.getCurrentUrl()).endsWith("/tasks/" + prepare.getId());
	}

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void theDiagramOpensFittedZoomsFromTheKeyboardAndKeepsItsLabelsWhole(int width) {
		chromium.atWidth(width);
		chromium.open("/programmes/" + reference + "#diagram");
		awaitDiagram();
		assertThat(brokenLabels()).as("labels of the main process").isEmpty();
		chromium.open("/programmes/" + reference + "?diagram=business-case#diagram");
		awaitDiagram();
		WebDriver driver = chromium.driver();

		// then the whole diagram lies inside its box
		assertThat(outsideTheBox()).as("shapes drawn outside the diagram's box").isEmpty();
		// and every label reads as the model names it, no word broken, with no overlay over a shape
		assertThat(brokenLabels()).isEmpty();
		assertThat(driver.findElements(By.cssSelector(".djs-overlay"))).isEmpty();

		// when the zoom-in button is pressed from the keyboard, the diagram grows; fitting shows it whole again
		double fitted = scale();
		driver.findElement(By.cssSelector("[data-zoom='in']")).sendKeys(Keys.ENTER);
		assertThat(scale()).isGreaterThan(fitted);
		driver.findElement(By.cssSelector("[data-zoom='fit']")).sendKeys(Keys.ENTER);
		assertThat(scale()).isCloseTo(fitted, org.assertj.core.data.Offset.offset(0.01));
		assertThat(outsideTheBox()).isEmpty();
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void theProgrammeAndPortfolioPagesFitAPhone(int width) {
		chromium.atWidth(width);
		chromium.open("/programmes/" + reference);
		awaitDiagram();
		chromium.assertNoHorizontalScroll(width);
		chromium.open("/programmes?q=" + reference);
		assertThat(chromium.driver().findElement(By.cssSelector("tr[data-reference='" + reference + "']")).getText())
				.contains(TestProgrammes.FIRST_PHASE);
		chromium.assertNoHorizontalScroll(width);
		chromium.open("/programmes");
		chromium.assertNoHorizontalScroll(width);
	}

	@Test
	void thePortfolioAndInsightPagesAreAccessible() {
		chromium.atWidth(Chromium.DESKTOP);
		chromium.open("/programmes?q=" + reference);
		assertThat(chromium.driver().findElement(By.cssSelector("tr[data-reference='" + reference + "']")).getText())
				.contains(TestProgrammes.FIRST_PHASE);
		chromium.assertAccessible();

		chromium.open("/insight");
		chromium.await(Chromium.scriptSays("const c = document.querySelector('canvas[data-chart]');"
				+ " return c === null || (window.Chart !== undefined && window.Chart.getChart(c) !== undefined);"));
		chromium.assertAccessible();

		chromium.open("/programmes/" + reference + "/stop");
		chromium.assertAccessible();
		chromium.open("/programmes/reassign");
		chromium.assertAccessible();
	}

	private void awaitDiagram() {
		chromium.await(page -> "true".equals(page.findElement(By.id("programme-diagram")).getAttribute("data-ready"))
				|| page.findElement(By.id("programme-diagram-status")).getText().startsWith("The diagram could not"));
		assertThat(chromium.driver().findElement(By.id("programme-diagram")).getAttribute("data-ready"))
				.as(chromium.driver().findElement(By.id("programme-diagram-status")).getText()).isEqualTo("true");
	}

	/** The shapes whose box lies partly outside the diagram's. */
	private List<String> outsideTheBox() {
		@SuppressWarnings("unchecked")
		List<String> outside = (List<String>) ((JavascriptExecutor) chromium.driver()).executeScript("""
				const box = document.getElementById('programme-diagram-canvas').getBoundingClientRect();
				return [...document.querySelectorAll('.djs-element.djs-shape')].filter((shape) => {
				  const r = shape.getBoundingClientRect();
				  return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
				}).map((shape) => shape.dataset.elementId);
				""");
		return outside;
	}

	/** The labels whose lines, joined, do not read as the name the model gives: a word broken across lines. */
	private List<String> brokenLabels() {
		@SuppressWarnings("unchecked")
		List<String> broken = (List<String>) ((JavascriptExecutor) chromium.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(document.getElementById('programme-diagram').dataset.diagramUrl).then((r) => r.json()).then((data) => {
				  const model = new DOMParser().parseFromString(data.xml, 'application/xml');
				  const names = new Map([...model.querySelectorAll('[id][name]')]
				      .map((element) => [element.getAttribute('id'), element.getAttribute('name')]));
				  const words = (text) => text.replace(/\\s+/g, ' ').replace(/- /g, '-').trim();
				  done([...document.querySelectorAll('.djs-element')].flatMap((element) => {
				    const id = element.dataset.elementId.replace(/_label$/, '');
				    const text = element.querySelector('.djs-visual > text');
				    if (!text || !names.has(id)) {
				      return [];
				    }
				    const drawn = [...text.querySelectorAll('tspan')].map((line) => line.textContent).join(' ');
				    return words(drawn) === words(names.get(id)) ? [] : [id + ': ' + drawn];
				  }));
				});
				""");
		return broken;
	}

	private double scale() {
		Object matrix = ((JavascriptExecutor) chromium.driver()).executeScript(
				"return document.querySelector('#programme-diagram-canvas .viewport').transform.baseVal.consolidate().matrix.a;");
		return ((Number) matrix).doubleValue();
	}

	private String marked(String activityId) {
		return chromium.driver().findElement(By.cssSelector(".djs-element[data-element-id='" + activityId + "']"))
				.getAttribute("class");
	}
}
