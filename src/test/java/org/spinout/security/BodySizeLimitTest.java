package org.spinout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 6 of the security review: bodies were read before anyone was checked (1.5 GB to the
 * deployment endpoint ran the server out of memory; an anonymous 19 MB upload was read whole
 * before its 403). Each request here declares a length and sends no body at all: an answer can
 * only come back if the server refused without reading.
 */
@SpinoutWebTest
class BodySizeLimitTest {

	private static final long MEGABYTE = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Test
	void aHugeDeploymentIsRefusedBeforeItIsReadOrItsSenderChecked() {
		// given
		long before = repository.createDeploymentQuery().count();

		// when union declares 1.5 GB to the deployment endpoint and sends none of it
		String answer = RawRequest.headOnly(port, """
				POST /engine-rest/deployment/create HTTP/1.1
				Host: localhost
				Authorization: %s
				Content-Type: multipart/form-data; boundary=x
				Content-Length: 1500000000
				""".formatted(WebClient.basic("union", "demo")));

		// then
		assertThat(answer).startsWith("HTTP/1.1 413").contains("\"type\":\"PayloadTooLarge\"")
				.contains("A deployment's files must be 25MB or smaller together");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void anAnonymousUploadIsRefusedBeforeItIsRead() {
		// when someone not signed in declares 19 MB for a task's documents
		String answer = RawRequest.headOnly(port, """
				POST /tasks/x/documents HTTP/1.1
				Host: localhost
				Accept: text/html
				Content-Type: multipart/form-data; boundary=x
				Content-Length: %d
				""".formatted(19 * MEGABYTE));

		// then the GOV.UK page says what to do
		assertThat(answer).startsWith("HTTP/1.1 413").contains("govuk-heading-l")
				.contains("Sign in first: without signing in, Spinout takes at most 16KB");
	}

	@Test
	void theUploadPageAnswersAnOversizedUploadWithAPage() {
		// given a signed-in designer
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");

		// when their browser declares 30 MB of models
		String answer = RawRequest.headOnly(port, """
				POST /designer/upload HTTP/1.1
				Host: localhost
				Accept: text/html
				Cookie: JSESSIONID=%s
				Content-Type: multipart/form-data; boundary=x
				Content-Length: %d
				""".formatted(designer.sessionId(), 30 * MEGABYTE));

		// then the page says so; it was an empty 413 before
		assertThat(answer).startsWith("HTTP/1.1 413").contains("govuk-heading-l")
				.contains("The files must be 20MB or smaller together. Nothing was saved.");
	}

	@Test
	void theEditorsJsonIsRefusedWithJson() {
		// given
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");

		// when the editor declares 11 MB for one model
		String answer = RawRequest.headOnly(port, """
				POST /designer/deploy HTTP/1.1
				Host: localhost
				Accept: application/json
				Cookie: JSESSIONID=%s
				Content-Type: application/json
				Content-Length: %d
				""".formatted(designer.sessionId(), 11 * MEGABYTE));

		// then
		assertThat(answer).startsWith("HTTP/1.1 413").contains("The model must be 5MB or smaller");
	}

	@Test
	void anyOtherRequestIsLimitedToo() {
		// when a signed-in caller declares 2 MB of JSON for a task query
		String answer = RawRequest.headOnly(port, """
				POST /engine-rest/task HTTP/1.1
				Host: localhost
				Authorization: %s
				Content-Type: application/json
				Content-Length: %d
				""".formatted(WebClient.basic("union", "demo"), 2 * MEGABYTE));

		// then
		assertThat(answer).startsWith("HTTP/1.1 413").contains("What you sent must be 1MB or smaller");
	}

	@Test
	void aBodyWithoutADeclaredLengthIsCountedAsItIsRead() {
		// given 2 MB of JSON sent in chunks, with no length declared
		byte[] body = ("{\"nameLike\": \"" + "a".repeat((int) (2 * MEGABYTE)) + "\"}").getBytes(StandardCharsets.UTF_8);

		// when
		HttpResponse<String> answer = new WebClient(port).send("POST", "/engine-rest/task",
				Map.of("Authorization", WebClient.basic("union", "demo"), "Content-Type", "application/json"),
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		// then
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("\"type\":\"PayloadTooLarge\"");
	}

	@Test
	void aBodyWithinItsLimitPasses() {
		// when
		HttpResponse<String> answer = new WebClient(port).postJsonWithBasic("/engine-rest/task?maxResults=1",
				"{\"nameLike\": \"%Approve%\"}", "union", "demo");

		// then
		assertThat(answer.statusCode()).isEqualTo(200);
	}
}
