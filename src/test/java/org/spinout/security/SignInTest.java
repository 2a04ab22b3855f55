package org.spinout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpinoutWebTest
class SignInTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;


	@Test
	void aDemoUserSignsInAndSeesTheirNameAndGroups() {
		WebClient browser = new WebClient(port);

		HttpResponse<String> signIn = browser.signIn("cabinet", "demo");

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("David Hughes").contains("decision-makers").contains("Sign out");
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
		createUser("wrongpassword", "right-one");

		HttpResponse<String> wrongPassword = new WebClient(port).signIn("wrongpassword", "not-this-one");
		HttpResponse<String> unknownUser = new WebClient(port).signIn("nobody-by-this-name", "not-this-one");

		assertThat(wrongPassword.statusCode()).isEqualTo(302);
		assertThat(wrongPassword.headers().firstValue("Location"))
				.isEqualTo(unknownUser.headers().firstValue("Location"))
				.hasValue("http://localhost:" + port + "/login?error");
		String page = new WebClient(port).get("/login?error").body();
		assertThat(page).contains("Incorrect username or password").doesNotContain("not found");
	}

	@Test
	void signingInGivesANewSession() {
		WebClient browser = new WebClient(port);
		browser.get("/login");
		String before = browser.sessionId();

		browser.signIn("legal", "demo");

		assertThat(before).isNotNull();
		assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
	}

	@Test
	void repeatedFailuresLockTheAccountForAWhile() {
		createUser("guessed", "correct-horse");
		Date start = new Date();
		clock.moveTo(start);
		new WebClient(port).signIn("guessed", "wrong-1");

		HttpResponse<String> rightPasswordTooSoon = new WebClient(port).signIn("guessed", "correct-horse");
		clock.moveTo(new Date(start.getTime() + 61_000));
		HttpResponse<String> rightPasswordLater = new WebClient(port).signIn("guessed", "correct-horse");

		assertThat(rightPasswordTooSoon.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login?error"));
		assertThat(rightPasswordLater.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");
	}

	private void createUser(String id, String password) {
		if (identity.createUserQuery().userId(id).count() > 0) {
			identity.deleteUser(id);
		}
		User user = identity.newUser(id);
		user.setPassword(password);
		user.setFirstName("Test");
		user.setLastName("User");
		identity.saveUser(user);
	}
}
