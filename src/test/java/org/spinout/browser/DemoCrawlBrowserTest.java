package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.spinout.AppNode;
import org.spinout.Slow;

/**
 * The demo as its people meet it: Spinout started with the demo profile in a JVM of its own, as
 * {@code mvn spring-boot:run} starts it, and each demo user's pages walked in Chromium on a phone,
 * from their home page along every link to Spinout's own pages. No page may scroll sideways at 390
 * pixels. Each kind of page, the designers' editors included, passes axe on a phone and on a
 * desktop, the first time the walk reaches it: axe takes a second or more a page, and running it
 * again for each person would make this the slowest test of all. A kind of page is its address with
 * its ids and query values taken out: one task page stands for all.
 */
@Slow
class DemoCrawlBrowserTest {

	private static final List<String> DEMO_USERS = List.of("manager", "board", "sponsor", "cabinet", "legal",
			"finance", "scrutiny", "commissioner", "procurement", "hr", "union", "pensions", "designer", "admin");

	/** Addresses that are not Spinout's pages: Camunda's applications, the APIs, downloads, signing out. */
	private static final Pattern NOT_A_PAGE = Pattern.compile(
			"^/(camunda|engine-rest|actuator|logout|login|webjars|documents)(/.*)?$|.*\\.(csv|ics|bpmn|dmn|form|pdf)$"
					+ "|^/designer/deployments/[^/]+/file$");

	/** More kinds of page than any one person reaches: hitting it means the walk has gone astray. */
	private static final int MOST_PAGES = 80;

	@TempDir
	static Path data;

	static AppNode demo;

	static Chromium chromium;

	@BeforeAll
	static void startTheDemo() {
		demo = AppNode.start(data, "demo", "--spring.profiles.active=demo", "--spinout.data-dir=" + data.resolve("db"));
		chromium = new Chromium(demo.port());
	}

	@AfterAll
	static void stopTheDemo() {
		if (chromium != null) {
			chromium.close();
		}
		if (demo != null) {
			demo.close();
		}
	}

	@Test
	void everyPageEachDemoUserReachesFitsAPhoneAndPassesAxe() {
		Set<String> passedAxe = new TreeSet<>();
		Map<String, List<String>> reached = new TreeMap<>();
		for (String user : DEMO_USERS) {
			reached.put(user, walk(user, passedAxe));
		}
		reached.forEach((user, kinds) -> System.out.printf("%s reached %d kinds of page%n", user, kinds.size()));
		// the walk reached what each person works with, the designers' editors included
		assertThat(reached.get("manager")).contains("/programmes/{ref}", "/tasks/{id}", "/insight", "/tasks/all");
		assertThat(reached.get("cabinet")).contains("/tasks/{id}", "/notifications");
		assertThat(reached.get("designer")).contains("/designer/deployments/{id}/edit?name=*.bpmn",
				"/designer/deployments/{id}/edit?name=*.dmn", "/designer/deployments/{id}/edit?name=*.form");
		assertThat(reached.get("admin")).contains("/designer", "/programmes/new");
	}

	/** Walks one person's pages from their home page; returns the kinds of page reached. */
	private List<String> walk(String user, Set<String> passedAxe) {
		signIn(user, Chromium.PHONE);
		Set<String> kinds = new LinkedHashSet<>();
		Deque<String> next = new ArrayDeque<>(List.of("/"));
		List<String> problems = new ArrayList<>();
		while (!next.isEmpty()) {
			String path = next.poll();
			if (!kinds.add(kind(path))) {
				continue;
			}
			assertThat(kinds).as("kinds of page %s reaches", user).hasSizeLessThanOrEqualTo(MOST_PAGES);
			chromium.atWidth(Chromium.PHONE).open(path);
			awaitScripts();
			List<String> links = links();
			check(user, path, problems, chromium::assertNoHorizontalScroll);
			if (passedAxe.add(kind(path))) {
				check(user, path, problems, width -> chromium.assertAccessible());
				chromium.atWidth(Chromium.DESKTOP).open(path);
				awaitScripts();
				check(user, path, problems, width -> chromium.assertAccessible());
			}
			links.stream().filter(link -> !kinds.contains(kind(link))).forEach(next::add);
		}
		assertThat(problems).as("problems on %s's pages", user).isEmpty();
		return List.copyOf(kinds);
	}

	/** Runs one check on the current page, noting its problem rather than stopping the walk. */
	private static void check(String user, String path, List<String> problems, IntConsumer check) {
		int width = chromium.width();
		try {
			check.accept(width);
		}
		catch (AssertionError problem) {
			problems.add(user + " at " + width + " on " + path + ": " + problem.getMessage());
		}
	}

	/** The same-origin links of the current page that lead to Spinout's own pages, without their fragments. */
	private List<String> links() {
		@SuppressWarnings("unchecked")
		List<String> hrefs = (List<String>) ((JavascriptExecutor) chromium.driver())
				.executeScript("return [...document.querySelectorAll('a[href]')].map((a) => a.href);");
		List<String> paths = new ArrayList<>();
		for (String href : hrefs) {
			URI uri = URI.create(href.replace(" ", "%20"));
			if (!"localhost".equals(uri.getHost()) || uri.getPort() != demo.port()) {
				continue;
			}
			String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			if (!NOT_A_PAGE.matcher(uri.getRawPath()).matches()) {
				paths.add(path);
			}
		}
		return paths;
	}

	/**
	 * A page's kind: its path with ids, references and numbers taken out, and the names of its
	 * query's parameters without their values, but for a model file's type, since each type of
	 * model has an editor of its own.
	 */
	static String kind(String path) {
		String[] parts = path.split("\\?", 2);
		String kind = parts[0].replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27}", "/{id}").replaceAll("/SO-\\d{4}-\\d{4}", "/{ref}")
				.replaceAll("^/designer/models/(process|decision|form)/[^/]+", "/designer/models/$1/{key}")
				.replaceAll("/\\d+(?=/|$)", "/{n}");
		if (parts.length == 2) {
			kind += "?" + String.join("&", new TreeSet<>(List.of(parts[1]
					.replaceAll("=[^&]*?\\.(bpmn|dmn|form)(?=&|$)", "=*.$1").replaceAll("=(?!\\*)[^&]*", "").split("&"))));
		}
		return kind;
	}

	/**
	 * Waits until the page's scripts have drawn what they draw, or said they could not: a
	 * programme's diagram, a designer's editor or viewer.
	 */
	private static void awaitScripts() {
		chromium.await(Chromium.scriptSays("""
				const settled = (drawing, status) => {
				  const element = document.getElementById(drawing);
				  return element === null || element.dataset.ready === 'true'
				      || !document.getElementById(status).textContent.startsWith('Loading');
				};
				return document.readyState === 'complete' && settled('programme-diagram', 'programme-diagram-status')
				    && settled('editor', 'editor-status') && settled('viewer', 'viewer-status');
				"""));
	}

	private static WebDriver signIn(String user, int width) {
		WebDriver driver = chromium.atWidth(width).driver();
		driver.manage().deleteAllCookies();
		chromium.signIn(user, "demo");
		return driver;
	}
}
