package org.spinout.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.spinout.Slow;
import org.spinout.WebClient;
import org.spinout.browser.Chromium;
import org.spinout.engine.EngineClockExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operations area on an embedded database in files: administrators back up from the page,
 * list and download backups, and see the storage's health; the nightly backup keeps the newest few.
 */
@Slow
class StorageOperationsTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	private static final int KEEP = 3;

	@TempDir
	static Path folder;

	static ConfigurableApplicationContext spinout;

	static int port;

	@BeforeAll
	static void start() {
		spinout = SpinoutOnFiles.start("storageoperationstest", folder.resolve("data"),
				"--spinout.storage.backup.folder=" + folder.resolve("backups"), "--spinout.storage.backup.keep=" + KEEP);
		port = ((WebServerApplicationContext) spinout).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		spinout.close();
	}


	@Test
	void anAdministratorBacksUpFromTheOperationsPage() throws IOException {
		WebClient admin = signedIn("admin");
		int before = zips().size();

		HttpResponse<String> backedUp = admin.postForm("/operations", "/operations/backups");

		assertThat(backedUp.statusCode()).isEqualTo(302);
		assertThat(backedUp.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/operations"));
		String page = admin.get("/operations").body();
		assertThat(page).contains("Success").contains("Backup spinout-");
		assertThat(zips()).hasSize(Math.min(before + 1, KEEP));
		String newest = zips().get(0).getFileName().toString();
		assertThat(page).contains("href=\"/operations/backups/" + newest + "\"");
	}

	@Test
	void aBackupDownloadsAsAZipAndNothingElseDownloads() throws IOException {
		WebClient admin = signedIn("admin");
		admin.postForm("/operations", "/operations/backups");
		String name = zips().get(0).getFileName().toString();

		HttpResponse<byte[]> download = admin.getBytes("/operations/backups/" + name);

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(new String(download.body(), 0, 2)).isEqualTo("PK");
		assertThat(admin.get("/operations/backups/spinout-2000-01-01T00-00-00Z.zip").statusCode()).isEqualTo(404);
		assertThat(admin.get("/operations/backups/..%2Fdata%2Fspinout.mv.db").statusCode()).isIn(400, 404);
	}

	@Test
	void onlyAdministratorsReachTheOperationsArea() {
		assertThat(signedIn("manager").get("/operations").statusCode()).isEqualTo(403);
		assertThat(signedIn("designer").postWithToken("/operations/backups").statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).get("/operations").statusCode()).isEqualTo(302);
		assertThat(signedIn("admin").get("/operations").statusCode()).isEqualTo(200);
	}

	@Test
	void aBackupWithoutTheFormsTokenIsRefusedAndTakesNone() throws IOException {
		WebClient admin = signedIn("admin");
		List<Path> before = zips();

		HttpResponse<String> forged = admin.postRaw("/operations/backups", "");

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(zips()).isEqualTo(before);
	}

	@Test
	void theNightlyBackupRunsAtHalfPastMidnight() {
		assertThat(spinout.getBean(ScheduledTaskHolder.class).getScheduledTasks())
				.map(scheduled -> scheduled.getTask())
				.filteredOn(task -> task.toString().contains(NightlyBackup.class.getName()))
				.singleElement()
				.isInstanceOfSatisfying(CronTask.class, cron -> assertThat(cron.getExpression()).isEqualTo("0 30 0 * * *"));
	}

	@Test
	void nightAfterNightTheNewestBackupsAreKept() throws IOException {
		NightlyBackup nightly = spinout.getBean(NightlyBackup.class);
		Instant night = Instant.parse("2031-03-01T00:30:00Z");
		deleteBackups();
		try {
			for (int i = 0; i < KEEP + 2; i++) {
				clock.moveTo(night.plus(i, ChronoUnit.DAYS));
				nightly.run();
			}

			assertThat(zips()).extracting(zip -> zip.getFileName().toString()).containsExactly(
					"spinout-2031-03-05T00-30-00Z.zip", "spinout-2031-03-04T00-30-00Z.zip",
					"spinout-2031-03-03T00-30-00Z.zip");
		}
		finally {
			// backups from 2031 would count as newer than any the other tests take
			deleteBackups();
		}
	}

	@Test
	void healthShowsAdministratorsTheSizeFreeSpaceAndAgeOfTheLastBackup() throws IOException {
		signedIn("admin").postForm("/operations", "/operations/backups");
		clock.moveTo(clock.now().toInstant().plus(5, ChronoUnit.HOURS));

		JsonNode health = new ObjectMapper().readTree(signedIn("admin").get("/actuator/health").body());
		String publicAnswer = new WebClient(port).get("/actuator/health").body();

		JsonNode storage = health.path("components").path("storage");
		assertThat(storage.path("status").asText()).isEqualTo("UP");
		assertThat(storage.path("details").path("size").asLong()).isPositive();
		assertThat(storage.path("details").path("freeDiskSpace").asLong()).isPositive();
		assertThat(storage.path("details").path("commitsForcedToDisk").asBoolean()).isTrue();
		assertThat(storage.path("details").path("lastBackupAge").asText()).startsWith("PT5H");
		assertThat(publicAnswer).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void theOperationsPageIsAccessibleAndFitsAPhone() {
		signedIn("admin").postForm("/operations", "/operations/backups");
		try (Chromium chromium = new Chromium(port)) {
			chromium.signIn("admin", "demo");
			chromium.open("/operations");

			assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Operations");
			assertThat(chromium.driver().findElements(By.cssSelector("table.govuk-table tbody tr"))).isNotEmpty();
			chromium.assertAccessible();

			chromium.driver().manage().window().setSize(new Dimension(390, 844));
			chromium.open("/operations");
			Object overflow = ((JavascriptExecutor) chromium.driver())
					.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(((Number) overflow).longValue()).as("pixels wider than the screen").isZero();
			chromium.assertAccessible();
		}
	}

	private static WebClient signedIn(String user) {
		WebClient client = new WebClient(port);
		client.signIn(user, "demo");
		return client;
	}

	private static void deleteBackups() throws IOException {
		for (Path zip : zips()) {
			Files.delete(zip);
		}
	}

	private static List<Path> zips() throws IOException {
		Path backups = folder.resolve("backups");
		if (!Files.isDirectory(backups)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(backups)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".zip"))
					.sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
		}
	}
}
