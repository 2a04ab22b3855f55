package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) for browser tests, with
 * axe-core to check each page against WCAG 2.2 AA. It starts as a desktop 1280 pixels wide and
 * can become a phone 390 pixels wide (an iPhone's), as Chromium's device emulation makes one: a
 * desktop window cannot be made that narrow.
 * <p>
 * A test class of the shared application context has one for all its tests:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Chromium chromium = Chromium.forTheTestClass();
 * }</pre>
 * <p>
 * It never waits unasked (no implicit wait): an element looked for is there or not at once, so a
 * check that something is absent costs nothing. A test waits in two ways only: {@link #follow} for
 * a click that leads to another page, and {@link #await} for what a page's scripts do after it
 * has loaded.
 */
public final class Chromium implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

	private static final String BROWSER = "/usr/bin/chromium";

	private static final String DRIVER = "/usr/bin/chromedriver";

	private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	/** The widths every page must work at: a desktop, and a phone. */
	public static final int DESKTOP = 1280;

	public static final int PHONE = 390;

	/** How long a page, or what its scripts draw, may take before a test gives up on it. */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private ChromeDriver driver;

	private String base;

	private int width = DESKTOP;

	/** A Chromium on the given port, started now. */
	public Chromium(int port) {
		start(port);
	}

	private Chromium() {
	}

	/** A Chromium started before a test class's first test, on its application's port, and closed after its last. */
	public static Chromium forTheTestClass() {
		return new Chromium();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start(SpringExtension.getApplicationContext(context).getEnvironment()
				.getRequiredProperty("local.server.port", Integer.class));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	private void start(int port) {
		if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install chromium chromium-driver");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1024");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
				.build();
		this.driver = new ChromeDriver(service, options);
		this.base = "http://localhost:" + port;
	}

	public WebDriver driver() {
		return driver;
	}

	/**
	 * Shows pages {@code width} CSS pixels wide from now on: a phone's viewport below 800, with
	 * its touch and zoom, otherwise a desktop window's.
	 */
	public Chromium atWidth(int width) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
				width < 800 ? 844 : 1024, "deviceScaleFactor", 1, "mobile", width < 800));
		this.width = width;
		return this;
	}

	/** The width pages are shown at now. */
	public int width() {
		return width;
	}

	/**
	 * Fails when the current page is wider than the viewport it was laid out for, so that the
	 * whole page would scroll sideways. A phone's viewport widens to the page instead of cutting
	 * it, so the page's width is compared with the width asked for, not with the viewport's.
	 */
	public void assertNoHorizontalScroll(int width) {
		Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
		assertThat(scrollWidth.intValue()).as("the width of %s at %s pixels", driver.getCurrentUrl(), width)
				.isLessThanOrEqualTo(width);
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public void signIn(String user, String password) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		follow(By.cssSelector("button[type=submit]"));
	}

	/**
	 * Clicks what leads to another page and waits until that page has loaded, so that nothing is
	 * read from the page being left while the browser is still on it.
	 */
	public void follow(By link) {
		follow(driver.findElement(link));
	}

	/** As {@link #follow(By)}, for a link or button the test holds already. */
	public void follow(WebElement link) {
		WebElement leaving = driver.findElement(By.tagName("html"));
		link.click();
		await(ExpectedConditions.stalenessOf(leaving));
		await(page -> "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
	}

	/**
	 * Waits until the condition gives something other than null or false, and returns that; fails
	 * after the patience. An element not there yet, or replaced while the condition reads it, counts
	 * as not yet.
	 */
	public <T> T await(Function<? super WebDriver, T> condition) {
		return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
	}

	/** A condition for {@link #await}: the script, run on the current page, returns true. */
	public static Function<WebDriver, Boolean> scriptSays(String script) {
		return page -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(script));
	}

	/** Fails with the list of violations when axe-core finds any on the current page. */
	public void assertAccessible() {
		Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
		assertThat(results.getViolations())
				.as("axe-core violations on %s", driver.getCurrentUrl())
				.extracting(Chromium::describe)
				.isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
				.map(node -> String.valueOf(node.getTarget())).toList();
	}

	@Override
	public void close() {
		if (driver != null) {
			driver.quit();
		}
	}
}
