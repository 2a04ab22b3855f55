package org.spinout.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpinoutWebTest
class PagesTest {

	private static final String SPINOUT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@LocalServerPort
	int port;

	@Test
	void theHomePageHasTheServiceHeaderAndRoleNavigation() {
		WebClient admin = new WebClient(port);
		admin.signIn("admin", "demo");
		WebClient union = new WebClient(port);
		union.signIn("union", "demo");

		String adminHome = admin.get("/").body();
		String unionHome = union.get("/").body();

		assertThat(adminHome).contains("govuk-header__service-name").contains("Sam Taylor")
				.contains("camunda-admin").contains("/camunda/app/admin/default/").contains("Sign out");
		assertThat(unionHome).contains("Mark Doyle").contains("unions")
				.doesNotContain("/camunda/app/admin/default/").doesNotContain("/camunda/app/cockpit/default/");
	}

	@Test
	void theHeaderLeadsToSpinoutsOwnTaskListsAndToInsightForThoseWhoMaySeeIt() {
		WebClient manager = new WebClient(port);
		manager.signIn("manager", "demo");
		WebClient sponsor = new WebClient(port);
		sponsor.signIn("sponsor", "demo");
		WebClient cabinet = new WebClient(port);
		cabinet.signIn("cabinet", "demo");

		String managersHeader = header(manager.get("/").body());

		assertThat(managersHeader).contains("href=\"/tasks\"").contains("href=\"/insight\"")
				.doesNotContain("/camunda/app/tasklist");
		assertThat(header(sponsor.get("/").body())).contains("href=\"/insight\"");
		assertThat(header(cabinet.get("/").body())).doesNotContain("href=\"/insight\"")
				.doesNotContain("/camunda/app/tasklist");
	}

	private static String header(String page) {
		return page.substring(page.indexOf("<header"), page.indexOf("</header>"));
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		WebClient browser = new WebClient(port);
		browser.signIn("manager", "demo");

		HttpResponse<String> home = browser.get("/");

		assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
				.contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'"));
		assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(home.body()).doesNotContain("<script>").doesNotContain("style=");
	}

	@Test
	void camundasPagesKeepTheirOwnContentSecurityPolicy() {
		WebClient browser = new WebClient(port);
		browser.signIn("manager", "demo");

		HttpResponse<String> cockpit = browser.get("/camunda/app/cockpit/default/");

		assertThat(cockpit.headers().allValues("Content-Security-Policy")).hasSize(1)
				.allSatisfy(csp -> assertThat(csp).contains("'nonce-").isNotEqualTo(SPINOUT_POLICY));
	}

	@Test
	void anUnknownPageIsAFriendlyNotFound() {
		WebClient browser = new WebClient(port);
		browser.signIn("manager", "demo");

		HttpResponse<String> page = browser.get("/no-such-page");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found").doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void aForbiddenPageIsAFriendlyRefusal() {
		WebClient browser = new WebClient(port);
		browser.signIn("manager", "demo");

		HttpResponse<String> page = browser.get("/actuator/metrics");

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("You cannot do this").doesNotContain("Exception");
	}

	@Test
	void govukFrontendIsServedByTheApplication() {
		WebClient browser = new WebClient(port);

		assertThat(browser.get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").statusCode()).isEqualTo(200);
		assertThat(browser.get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js").statusCode()).isEqualTo(200);
		assertThat(browser.get("/assets/images/favicon.ico").statusCode()).isEqualTo(200);
		assertThat(browser.get("/js/spinout.js").statusCode()).isEqualTo(200);
	}
}
