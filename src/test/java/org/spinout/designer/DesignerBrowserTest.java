package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinout.SpinoutWebTest;
import org.spinout.browser.Chromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process designer changes a model in the browser, in a real Chromium: opens it in the
 * modeller, renames a task, deploys, and finds the new version listed. The models pages pass
 * axe-core's WCAG 2.2 AA rules.
 */
@SpinoutWebTest
class DesignerBrowserTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@BeforeAll
	static void startBrowser(@LocalServerPort int port) {
		chromium = new Chromium(port);
	}

	@AfterAll
	static void stopBrowser() {
		chromium.close();
	}

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
		chromium.open("/designer");
		WebDriver driver = chromium.driver();
		driver.findElement(By.cssSelector("#process-browser-rename a[href*='/edit']")).click();
		await(() -> "true".equals(driver.findElement(By.id("editor")).getAttribute("data-ready")));
		chromium.assertAccessible();
		WebElement task = driver.findElement(By.cssSelector(".djs-element[data-element-id='Check']"));
		new Actions(driver).doubleClick(task).perform();
		await(() -> driver.findElement(By.cssSelector(".djs-direct-editing-parent")).isDisplayed());
		new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("Check it twice").perform();
		new Actions(driver).click(driver.findElement(By.cssSelector(".djs-element[data-element-id='Started']")))
				.perform();
		driver.findElement(By.id("deploy")).click();

		// then the editor says which version it made, and the models area lists it
		await(() -> !driver.findElements(By.cssSelector("#editor-messages .govuk-notification-banner")).isEmpty());
		assertThat(driver.findElement(By.id("editor-messages")).getText())
				.contains("Test process browser-rename (browser-rename) version 2");
		chromium.open("/designer");
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

		driver.findElement(By.cssSelector("#process-browser-pages a[href*='/view']")).click();
		await(() -> "true".equals(driver.findElement(By.id("viewer")).getAttribute("data-ready")));
		chromium.assertAccessible();

		chromium.open("/designer/upload");
		chromium.assertAccessible();
		driver.findElement(By.cssSelector("form[action$='/designer/upload'] button:not([name])")).click();
		assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("holds no file");
		chromium.assertAccessible();

		chromium.open("/designer/migration?source=" + from + "&target=" + to);
		assertThat(driver.findElement(By.id("mapped")).getText()).contains("Check again");
		chromium.assertAccessible();
		driver.findElement(By.cssSelector("#programmes label")).click();
		driver.findElement(By.cssSelector("form[method=post][action$='/designer/migration'] button:not([name])")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Programmes moved");
		chromium.assertAccessible();
	}

	@Test
	void theDecisionTableAndFormEditorsAreAccessible() {
		WebDriver driver = chromium.driver();
		for (String file : List.of("procurement-regime.dmn", "approve-business-case.form")) {
			chromium.open("/designer");
			driver.findElement(By.cssSelector("a[href*='/edit'][href$='" + file + "']")).click();
			await(() -> "true".equals(driver.findElement(By.id("editor")).getAttribute("data-ready")));
			chromium.assertAccessible();
		}
	}

	private void deploy(String key) {
		repository.createDeployment().name(key + ".bpmn").source("test")
				.addString("processes/" + key + ".bpmn", TestModels.process(key, "Check"))
				.addString("forms/" + TestModels.formFile(key), TestModels.form(key, "Notes"))
				.deploy();
	}

	private static void await(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(chromium.driver(), PATIENCE).until(driver -> condition.getAsBoolean());
	}
}
