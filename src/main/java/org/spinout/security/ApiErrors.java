package org.spinout.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How Spinout answers an API caller that it refuses: JSON with a {@code type} named after the
 * status, never after a Java class, and a message saying what to do. The engine's REST API
 * answers in the same shape ({@link RestErrorBodies} makes its types the same words).
 */
final class ApiErrors {

	/** The engine's REST API and Camunda's web applications' APIs. */
	private static final String[] API_PATHS = { "/engine-rest", "/camunda/api/" };

	private static final ObjectMapper JSON = new ObjectMapper();

	private ApiErrors() {
	}

	/**
	 * The type an error answer carries for its status. 403 keeps the engine's
	 * {@code AuthorizationException}: Camunda's web applications read it to explain a refusal.
	 */
	static String type(int status) {
		return switch (status) {
			case 400 -> "BadRequest";
			case 401 -> "Unauthorized";
			case 403 -> "AuthorizationException";
			case 404 -> "NotFound";
			case 405 -> "MethodNotAllowed";
			case 409 -> "Conflict";
			case 413 -> "PayloadTooLarge";
			case 415 -> "UnsupportedMediaType";
			default -> status >= 500 ? "ServerError" : "BadRequest";
		};
	}

	static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("type", type(status.value()));
		answer.put("message", message);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		JSON.writeValue(response.getOutputStream(), answer);
	}

	/** Whether the request is for one of the APIs, which answer JSON rather than a page. */
	static boolean isApi(HttpServletRequest request) {
		String path = path(request);
		for (String api : API_PATHS) {
			if (path.startsWith(api)) {
				return true;
			}
		}
		return false;
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
