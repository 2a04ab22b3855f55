package org.spinout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpinoutWebTest
class CsrfTest {

	@LocalServerPort
	int port;

	@Test
	void aPostWithoutTheTokenIsRefusedAndChangesNothing() {
		WebClient browser = new WebClient(port);
		browser.signIn("manager", "demo");

		HttpResponse<String> signOut = browser.postRaw("/logout", "");

		assertThat(signOut.statusCode()).isEqualTo(403);
		assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);
	}

	@Test
	void aSignInWithoutTheTokenIsRefused() {
		HttpResponse<String> signIn = new WebClient(port).postRaw("/login", "username=manager&password=demo");

		assertThat(signIn.statusCode()).isEqualTo(403);
	}

	@Test
	void withTheTokenSigningOutWorks() {
		WebClient browser = new WebClient(port);
		browser.signIn("manager", "demo");

		HttpResponse<String> signOut = browser.postForm("/", "/logout");

		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void aLinkCannotSignAnyoneOut() {
		// given
		WebClient browser = new WebClient(port);
		browser.signIn("manager", "demo");

		// when a link, from this site or another, leads to sign-out
		HttpResponse<String> link = browser.get("/logout");

		// then it asks, with a form that posts the token, and the person is still signed in
		assertThat(link.statusCode()).isEqualTo(200);
		assertThat(link.body()).contains("action=\"/logout\" method=\"post\"").contains("name=\"_csrf\"");
		assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);
	}
}
