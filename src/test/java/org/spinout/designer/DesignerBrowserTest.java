package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.browser.Chromium;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process designer changes a model in the browser, in a real Chromium: opens it in the
 * modeller, renames a task, checks and deploys, and finds the new version listed; is asked
 * before leaving changes not deployed; previews a form as the task page shows it. The models
 * pages pass axe-core's WCAG 2.2 AA rules, and are usable at 390 pixels wide.
 */
@SpinoutWebTest
@Slow
class DesignerBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@BeforeEach
	void signInAsDesigner() {
		chromium.driver().manage().deleteAllCookies();
		chromium.signIn("designer", "demo");
	}

	@Test
	void aDesignerRenamesATaskInTheModellerAndDeploysANewVersion() {
		// given version 1 of a model, deployed as at start
		deploy("browser-rename");

		// when the designer opens it in the modeller and renames its task
		chromium.open("/designer/models/process/browser-rename");
		WebDriver driver = chromium.driver();
		chromium.follow(By.cssSelector("#process-browser-rename a[href*='/edit']"));
		awaitEditor();
		chromium.assertAccessible();
		WebElement task = driver.findElement(By.cssSelector(".djs-element[data-element-id='Check']"));
		new Actions(driver).doubleClick(task).perform();
		chromium.await(page -> page.findElement(By.cssSelector(".djs-direct-editing-parent")).isDisplayed());
		new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("Check it twice").perform();
		new Actions(driver).click(driver.findElement(By.cssSelector(".djs-element[data-element-id='Started']")))
				.perform();
		checkThenDeploy(driver);

		// then the editor says which version it made, and the models area lists it
		chromium.await(page -> !page.findElements(By.cssSelector("#editor-messages .govuk-notification-banner")).isEmpty());
		assertThat(driver.findElement(By.id("editor-messages")).getText())
				.contains("Test process browser-rename (browser-rename) version 2");
		chromium.open("/designer/models/process/browser-rename");
		List<String> versions = driver.findElements(By.cssSelector("#process-browser-rename tbody tr")).stream()
				.map(WebElement::getText).toList();
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0)).startsWith("2").contains("Latest").contains("designer");
		assertThat(repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
				.processDefinitionKey("browser-rename").latestVersion().singleResult().getId())
				.getModelElementById("Check").getAttributeValue("name")).isEqualTo("Check it twice");
	}

	@Test
	void theModelsPagesAreAccessible() {
		// given a model with a programme running on it, and a second version
		deploy("browser-pages");
		runtime.startProcessInstanceByKey("browser-pages", "SO-2026-990", java.util.Map.of("nation", "england-wales"));
		repository.createDeployment().name("browser-pages.bpmn").source("test")
				.addString("processes/browser-pages.bpmn", TestModels.process("browser-pages", "Check again"))
				.addString("forms/" + TestModels.formFile("browser-pages"), TestModels.form("browser-pages", "Notes"))
				.deploy();
		String from = repository.createProcessDefinitionQuery().processDefinitionKey("browser-pages")
				.processDefinitionVersion(1).singleResult().getId();
		String to = repository.createProcessDefinitionQuery().processDefinitionKey("browser-pages")
				.processDefinitionVersion(2).singleResult().getId();
		WebDriver driver = chromium.driver();

		// when / then each page passes
		chromium.open("/designer");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Process models");
		chromium.assertAccessible();

		chromium.open("/designer?q=browser-pages");
		chromium.follow(By.cssSelector("#process-browser-pages a"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Test process browser-pages");
		chromium.assertAccessible();
		chromium.follow(By.cssSelector("#process-browser-pages a[href*='/view']"));
		chromium.await(page -> "true".equals(page.findElement(By.id("viewer")).getAttribute("data-ready")));
		chromium.assertAccessible();

		chromium.open("/designer/upload");
		chromium.assertAccessible();
		chromium.follow(By.cssSelector("form[action$='/designer/upload'] button:not([name])"));
		assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("holds no file");
		chromium.assertAccessible();

		chromium.open("/designer/migration?source=" + from + "&target=" + to);
		assertThat(driver.findElement(By.id("mapped")).getText()).contains("Check again");
		chromium.assertAccessible();
		driver.findElement(By.cssSelector("#programmes label")).click();
		chromium.follow(By.cssSelector("form[method=post][action$='/designer/migration'] button:not([name])"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Programmes moved");
		chromium.assertAccessible();
	}

	@Test
	void theDecisionTableAndFormEditorsAreAccessible() {
		WebDriver driver = chromium.driver();
		for (String file : List.of("decision/procurement-regime/procurement-regime.dmn",
				"form/approve-business-case/approve-business-case.form")) {
			chromium.open("/designer/models/" + file.substring(0, file.lastIndexOf('/')));
			file = file.substring(file.lastIndexOf('/') + 1);
			chromium.follow(By.cssSelector("a[href*='/edit'][href$='" + file + "']"));
			awaitEditor();
			chromium.assertAccessible();
		}
	}

	@Test
	void leavingAnEditorWithChangesNotDeployedAsksFirst() {
		// given a model open in the modeller, where Deploy waits for a passed check
		deploy("browser-unsaved");
		WebDriver driver = chromium.driver();
		openEditor("process/browser-unsaved", "browser-unsaved.bpmn");
		assertThat(driver.findElement(By.id("deploy")).isEnabled()).isFalse();
		// it opens at a readable scale, with the palette clear of the diagram
		JavascriptExecutor page = (JavascriptExecutor) driver;
		assertThat(((Number) page.executeScript("return window.spinoutModeler.get('canvas').zoom();")).doubleValue())
				.isGreaterThanOrEqualTo(0.8);
		Number paletteRight = (Number) page.executeScript(
				"return document.querySelector('.djs-palette').getBoundingClientRect().right;");
		Number diagramLeft = (Number) page.executeScript("return Math.min(...[...document.querySelectorAll("
				+ "'.djs-element.djs-shape')].map(shape => shape.getBoundingClientRect().left));");
		assertThat(diagramLeft.doubleValue()).isGreaterThan(paletteRight.doubleValue());
		assertThat(asksBeforeLeaving(driver)).as("asks with nothing changed").isFalse();

		// when the designer renames the task
		rename(driver, "Check", "Check with care");

		// then leaving the page asks first (the page cancels the browser's unload, which shows the question)
		assertThat(asksBeforeLeaving(driver)).as("asks with a change not deployed").isTrue();

		// and once the change is checked and deployed, the page is left without a question
		checkThenDeploy(driver);
		assertThat(asksBeforeLeaving(driver)).as("asks after deploying").isFalse();
		chromium.follow(By.className("govuk-back-link"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Process models");
	}

	/**
	 * Whether the page stops the browser leaving it without asking: headless Chromium under
	 * ChromeDriver answers the question itself, so the test sends the unload event the browser
	 * sends and reads whether the page cancelled it.
	 */
	private static boolean asksBeforeLeaving(WebDriver driver) {
		return (Boolean) ((JavascriptExecutor) driver).executeScript("""
				const leaving = new Event('beforeunload', { cancelable: true });
				window.dispatchEvent(leaving);
				return leaving.defaultPrevented;
				""");
	}

	@Test
	void theFormEditorOffersOnlyWhatTheTaskPageShowsAndPreviewsItsGovUkPage() {
		// given a form with a required field
		repository.createDeployment().name("browser-preview.form").source("test")
				.addString("forms/browser-preview-check.form", """
						{"id": "browser-preview-check", "type": "default", "schemaVersion": 16,
						 "components": [{"id": "Field_notes", "key": "notes", "type": "textfield",
						   "label": "Notes on the plan", "validate": {"required": true}}]}
						""")
				.deploy();
		WebDriver driver = chromium.driver();
		String editor = driver.getWindowHandle();

		// when the designer opens it in the form editor
		openEditor("form/browser-preview-check", "browser-preview-check.form");

		// then the palette holds the task page's components and no others
		List<String> offered = driver.findElements(By.cssSelector(".fjs-palette-field")).stream()
				.map(field -> field.getAttribute("data-field-type")).toList();
		assertThat(offered).contains("textfield", "textarea", "number", "checkbox", "checklist", "radio", "select",
				"datetime", "filepicker", "text").doesNotContain("table", "html", "iframe", "taglist", "group");

		// when they preview it and submit it empty
		driver.findElement(By.cssSelector("#preview button")).click();
		chromium.await(page -> page.getWindowHandles().size() == 2);
		driver.switchTo().window(driver.getWindowHandles().stream().filter(handle -> !handle.equals(editor))
				.findFirst().orElseThrow());
		chromium.await(page -> page.findElement(By.tagName("h1")).getText().equals("The form browser-preview-check"));
		assertThat(driver.findElement(By.cssSelector("label[for]")).getText()).isEqualTo("Notes on the plan");
		chromium.assertAccessible();
		chromium.follow(By.cssSelector("form[action$='/designer/preview'] button[type=submit]"));

		// then the task page's own check answers, on the GOV.UK page
		assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("Enter");
		assertThat(driver.findElements(By.cssSelector(".govuk-form-group--error .govuk-input--error"))).hasSize(1);
		chromium.assertAccessible();
		driver.close();
		driver.switchTo().window(editor);
	}

	@Test
	void theModelsPagesAreUsableAt390Pixels() {
		// given a phone-sized window
		WebDriver driver = chromium.driver();
		deploy("browser-narrow");
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			for (String page : List.of("/designer", "/designer?q=business", "/designer/models/process/browser-narrow",
					"/designer/upload")) {
				// when
				chromium.open(page);

				// then nothing scrolls sideways, and the page passes
				Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(overflow).as("sideways overflow on %s", page).isLessThanOrEqualTo(0L);
				chromium.assertAccessible();
			}
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 1024));
		}
	}

	private void openEditor(String model, String file) {
		WebDriver driver = chromium.driver();
		chromium.open("/designer/models/" + model);
		chromium.follow(By.cssSelector("a[href*='/edit'][href$='" + file + "']"));
		awaitEditor();
	}

	private static void awaitEditor() {
		chromium.await(page -> "true".equals(page.findElement(By.id("editor")).getAttribute("data-ready")));
	}

	private static void rename(WebDriver driver, String elementId, String name) {
		WebElement task = driver.findElement(By.cssSelector(".djs-element[data-element-id='" + elementId + "']"));
		new Actions(driver).doubleClick(task).perform();
		chromium.await(page -> page.findElement(By.cssSelector(".djs-direct-editing-parent")).isDisplayed());
		new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(name).perform();
		new Actions(driver).click(driver.findElement(By.cssSelector(".djs-element[data-element-id='Started']")))
				.perform();
	}

	/** Check is the first step; Deploy is offered once the check has passed. */
	private static void checkThenDeploy(WebDriver driver) {
		driver.findElement(By.id("check")).click();
		chromium.await(page -> page.findElement(By.id("deploy")).isEnabled());
		driver.findElement(By.id("deploy")).click();
		chromium.await(page -> page.findElement(By.id("editor-messages")).getText().contains("Deployed"));
	}

	private void deploy(String key) {
		repository.createDeployment().name(key + ".bpmn").source("test")
				.addString("processes/" + key + ".bpmn", TestModels.process(key, "Check"))
				.addString("forms/" + TestModels.formFile(key), TestModels.form(key, "Notes"))
				.deploy();
	}
}
