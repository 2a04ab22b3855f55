package org.spinout.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.spinout.postgres.PostgresTestDatabase;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations page where Spinout cannot back the database up itself: on PostgreSQL it points
 * to pg_dump; the shared test context keeps its data in memory. (On an embedded database in files,
 * see {@link StorageOperationsTest}.)
 */
@SpinoutWebTest
class OperationsPageTest {

	@LocalServerPort
	int port;

	@Test
	void withoutAnEmbeddedDatabaseThePageSaysHowToBackUpAndOffersNoButton() {
		WebClient admin = new WebClient(port);
		admin.signIn("admin", "demo");

		String page = admin.get("/operations").body();

		assertThat(page).contains("<h1 class=\"govuk-heading-xl\">Operations</h1>").doesNotContain("Back up now");
		if (PostgresTestDatabase.isOn()) {
			assertThat(page).contains("PostgreSQL").contains("pg_dump");
		}
		else {
			assertThat(page).contains("back the database up with its own tools");
		}
		assertThat(admin.postWithToken("/operations/backups").statusCode()).isEqualTo(404);
	}

	@Test
	void thePublicHealthAnswerIsOnlyItsStatus() {
		assertThat(new WebClient(port).get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
	}
}
