package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) for browser tests, with
 * axe-core to check each page against WCAG 2.2 AA.
 */
public final class Chromium implements AutoCloseable {

	private static final String BROWSER = "/usr/bin/chromium";

	private static final String DRIVER = "/usr/bin/chromedriver";

	private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private final WebDriver driver;

	private final String base;

	public Chromium(int port) {
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
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		this.base = "http://localhost:" + port;
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public void signIn(String user, String password) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
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
		driver.quit();
	}
}
