package org.spinout.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page offers a link exactly where the request behind it is allowed: both ask the access
 * services, so a person never follows a link into a refusal, nor lacks one they may use.
 */
@SpinoutWebTest
class PagesOfferWhatTheRequestAllowsTest {

	@LocalServerPort
	int port;

	/** A demo user and what the access services let them do. */
	record Reach(String user, boolean start, boolean manage, boolean seeEveryProgramme, boolean seeEveryTask) {
	}

	static List<Reach> people() {
		return List.of(new Reach("manager", true, true, true, true), new Reach("board", true, false, false, false),
				new Reach("sponsor", false, false, true, false), new Reach("union", false, false, false, false));
	}

	@ParameterizedTest
	@MethodSource("people")
	void eachLinkIsShownWhereItsRequestIsAllowed(Reach reach) {
		// given a person signed in
		WebClient browser = new WebClient(port);
		browser.signIn(reach.user(), "demo");

		// when they open the pages that link to what only some may do
		String tasks = browser.get("/tasks").body();
		String portfolio = browser.get("/programmes").body();

		// then each link is there exactly when the request it leads to is allowed
		assertThat(tasks.contains("href=\"/programmes/new\"")).isEqualTo(reach.start());
		assertThat(status(browser, "/programmes/new")).isEqualTo(reach.start() ? 200 : 403);
		assertThat(portfolio.contains("href=\"/programmes/reassign\"")).isEqualTo(reach.manage());
		assertThat(status(browser, "/programmes/reassign")).isEqualTo(reach.manage() ? 200 : 403);
		assertThat(tasks.contains("href=\"/insight\"")).isEqualTo(reach.seeEveryProgramme());
		assertThat(status(browser, "/insight")).isEqualTo(reach.seeEveryProgramme() ? 200 : 403);
		assertThat(tasks.contains("href=\"/tasks/all\"")).isEqualTo(reach.seeEveryTask());
		assertThat(status(browser, "/tasks/all")).isEqualTo(reach.seeEveryTask() ? 200 : 403);
	}

	private static int status(WebClient browser, String path) {
		return browser.get(path).statusCode();
	}
}
