package org.spinout.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Finding 10 of the security review, in part: the REST API's error answers named the server's
 * exception classes. Their type is now a word for the status, and a server error's message a
 * sentence.
 */
@SpinoutWebTest
class RestErrorBodiesTest {

	@LocalServerPort
	int port;

	@Test
	void theEnginesErrorsNameNoClass() {
		// when
		HttpResponse<String> missing = new WebClient(port).getWithBasic("/engine-rest/task/no-such-task", "sponsor",
				"demo");
		HttpResponse<String> wrong = new WebClient(port).getWithBasic("/engine-rest/task?sortBy=nonsense", "sponsor",
				"demo");

		// then
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("\"type\":\"NotFound\"").doesNotContain("Exception");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("\"type\":\"BadRequest\"").doesNotContain("Exception");
	}

	@Test
	void aServerErrorSaysSoWithoutItsDetail() throws ServletException, IOException {
		// given what the engine's REST API answers for an exception it did not expect
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
		MockHttpServletResponse response = new MockHttpServletResponse();

		// when
		new RestErrorBodies().doFilter(request, response, (req, res) -> {
			((jakarta.servlet.http.HttpServletResponse) res).setStatus(500);
			res.setContentType("application/json");
			res.getOutputStream().write("{\"type\":\"PersistenceException\",\"message\":\"SELECT * FROM ACT_RU_TASK failed\"}"
					.getBytes(StandardCharsets.UTF_8));
		});

		// then
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"ServerError\",\"message\":\""
				+ RestErrorBodies.SERVER_ERROR + "\"}");
	}
}
