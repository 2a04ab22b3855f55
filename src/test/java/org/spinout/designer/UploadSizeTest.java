package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload to the models area that is too big gets a page saying so at every size: over the
 * model limit (the upload page, as every other refusal), over the multipart parser's file limit
 * (it was an empty 413) and over the request limit (the 413 page).
 */
@SpinoutWebTest
class UploadSizeTest {

	private static final int MEGABYTE = 1024 * 1024;

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} bytes")
	@CsvSource(delimiter = '|', value = {
			"6291456  | 400 | is larger than the limit of 5 MB",
			"21004288 | 413 | Each model, decision table or form must be 5 MB or smaller. Nothing was deployed.",
			"31457280 | 413 | The files must be 20MB or smaller together. Nothing was saved." })
	void anOversizedUploadGetsAPageWithAMessage(int size, int status, String message) throws Exception {
		// given a signed-in designer and one file of the size
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		String token = WebClient.csrfToken(designer.get("/designer/upload").body());
		String boundary = "spinout-" + System.nanoTime();

		// when their browser uploads it
		HttpResponse<String> answer = designer.send("POST", "/designer/upload", Map.of(
				"Accept", "text/html",
				"Content-Type", "multipart/form-data; boundary=" + boundary),
				HttpRequest.BodyPublishers.ofByteArray(upload(boundary, token, size)));

		// then a GOV.UK page says what was wrong
		assertThat(answer.statusCode()).isEqualTo(status);
		assertThat(answer.body()).contains("govuk-heading-").contains(message);
	}

	private static byte[] upload(String boundary, String token, int size) throws Exception {
		byte[] model = new byte[size];
		Arrays.fill(model, (byte) ' ');
		byte[] start = "<?xml version=\"1.0\"?><definitions/>".getBytes(StandardCharsets.UTF_8);
		System.arraycopy(start, 0, model, 0, start.length);
		ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bpmn\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(model);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}
}
