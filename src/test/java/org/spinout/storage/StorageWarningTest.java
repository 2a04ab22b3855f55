package org.spinout.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.Slow;
import org.spinout.WebClient;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * When a disk of the storage has less free space than the margin, administrators see a warning in
 * the health answer and on the operations page, while the public answer stays UP.
 */
@Slow
class StorageWarningTest {

	@TempDir
	Path folder;

	@Test
	void lessFreeSpaceThanTheMarginIsAWarningForAdministratorsOnly() throws Exception {
		// given a margin larger than any disk
		try (ConfigurableApplicationContext spinout = SpinoutOnFiles.start("storagewarningtest", folder.resolve("data"),
				"--spinout.storage.backup.folder=" + folder.resolve("backups"),
				"--spinout.storage.free-space-warning=1000000TB")) {
			int port = ((WebServerApplicationContext) spinout).getWebServer().getPort();
			WebClient admin = new WebClient(port);
			admin.signIn("admin", "demo");

			// when health is asked for, by an administrator and by anyone
			JsonNode health = new ObjectMapper().readTree(admin.get("/actuator/health").body());
			String publicAnswer = new WebClient(port).get("/actuator/health").body();

			// then storage warns, and the node still counts as up
			JsonNode storage = health.path("components").path("storage");
			assertThat(storage.path("status").asText()).isEqualTo("WARNING");
			assertThat(storage.path("details").path("warning").asText()).startsWith("Less than");
			assertThat(health.path("status").asText()).isEqualTo("UP");
			assertThat(publicAnswer).isEqualTo("{\"status\":\"UP\"}");
			assertThat(admin.get("/operations").body()).contains("govuk-warning-text").contains("is free on the disk");
		}
	}
}
