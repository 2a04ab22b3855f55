package org.spinout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Nothing but the sign-in page, static files and the health check answers a stranger. */
@SpinoutWebTest
class AccessWithoutSignInTest {

	/** The calendar feed answers only to its secret token, which calendar programs send without a cookie. */
	private static final Set<String> PUBLIC_PAGES = Set.of("/login", "/error", "/account/calendar.ics");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	static Stream<String> restApiUrls() {
		return Stream.of("/engine-rest/engine", "/engine-rest/version", "/engine-rest/task?maxResults=10",
				"/engine-rest/process-definition?maxResults=10", "/engine-rest/process-instance?maxResults=10",
				"/engine-rest/deployment?maxResults=10", "/engine-rest/user?maxResults=10",
				"/engine-rest/group?maxResults=10", "/engine-rest/authorization?maxResults=10",
				"/engine-rest/history/task?maxResults=10", "/engine-rest/history/process-instance?maxResults=10",
				"/engine-rest/job?maxResults=10", "/engine-rest/decision-definition?maxResults=10",
				"/engine-rest/task/count");
	}

	@Test
	void everyPageRedirectsToTheSignInPage() {
		List<String> pages = mappings.getHandlerMethods().keySet().stream()
				.filter(info -> info.getMethodsCondition().getMethods().isEmpty()
						|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
				.flatMap(info -> info.getPatternValues().stream())
				.filter(pattern -> !PUBLIC_PAGES.contains(pattern))
				.map(pattern -> pattern.replaceAll("\\{[^}]+}", "x"))
				.toList();
		assertThat(pages).contains("/");

		for (String page : pages) {
			HttpResponse<String> response = new WebClient(port).get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
					.hasValue("http://localhost:" + port + "/login");
		}
	}

	@Test
	void camundasWebApplicationsRedirectToTheSameSignInPage() {
		for (String page : List.of("/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/",
				"/camunda/app/admin/default/", "/camunda/api/engine/engine/default/task")) {
			HttpResponse<String> response = new WebClient(port).get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
					.hasValue("http://localhost:" + port + "/login");
		}
	}

	@Test
	void onceSignedInCamundasWebApplicationsNeedNoSecondSignIn() {
		WebClient browser = new WebClient(port);
		browser.signIn("manager", "demo");

		HttpResponse<String> cockpit = browser.get("/camunda/app/cockpit/default/");
		HttpResponse<String> camundaUser = browser.get("/camunda/api/admin/auth/user/default");

		assertThat(cockpit.statusCode()).isEqualTo(200);
		assertThat(camundaUser.statusCode()).isEqualTo(200);
		assertThat(camundaUser.body()).contains("\"userId\":\"manager\"").contains("cockpit");
	}

	@ParameterizedTest
	@MethodSource("restApiUrls")
	void theRestApiAnswers401WithoutCredentialsAndAnswersWithThem(String url) {
		HttpResponse<String> anonymous = new WebClient(port).get(url);
		HttpResponse<String> wrongPassword = new WebClient(port).getWithBasic(url, "manager", "wrong");
		HttpResponse<String> signedIn = new WebClient(port).getWithBasic(url, "admin", "demo");

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Basic"));
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(signedIn.statusCode()).isEqualTo(200);
	}

	@Test
	void theRestApiRefusesAnUnboundedList() {
		HttpResponse<String> unbounded = new WebClient(port).getWithBasic("/engine-rest/task", "admin", "demo");

		assertThat(unbounded.statusCode()).isEqualTo(400);
		assertThat(unbounded.body()).contains("unbound");
	}

	@Test
	void theHealthCheckIsPublicAndShowsOnlyItsStatus() {
		HttpResponse<String> health = new WebClient(port).get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void otherActuatorEndpointsNeedAnAdministrator() {
		WebClient manager = new WebClient(port);
		manager.signIn("manager", "demo");
		WebClient admin = new WebClient(port);
		admin.signIn("admin", "demo");

		assertThat(new WebClient(port).get("/actuator/metrics").statusCode()).isEqualTo(302);
		assertThat(manager.get("/actuator/metrics").statusCode()).isEqualTo(403);
		assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusScrapesWithAnAdministratorsHttpBasic() {
		// when a scraper, which asks for no page, calls with each kind of credentials
		HttpResponse<String> admin = new WebClient(port).getWithBasic("/actuator/prometheus", "admin", "demo");
		HttpResponse<String> union = new WebClient(port).getWithBasic("/actuator/prometheus", "union", "demo");
		HttpResponse<String> nobody = new WebClient(port).send("GET", "/actuator/prometheus",
				java.util.Map.of("Accept", "text/plain"), java.net.http.HttpRequest.BodyPublishers.noBody());

		// then
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("spinout_engine_jobs");
		assertThat(union.statusCode()).isEqualTo(403);
		assertThat(nobody.statusCode()).isEqualTo(401);
		assertThat(nobody.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Spinout\"");
	}

	@Test
	void theFirstAdministratorSetUpOfCamundaIsClosed() {
		WebClient admin = new WebClient(port);
		admin.signIn("admin", "demo");

		assertThat(admin.get("/camunda/api/admin/setup/default/user/create").statusCode()).isEqualTo(403);
	}
}
