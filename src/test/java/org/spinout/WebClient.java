package org.spinout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client for tests that go through the real server, as a browser does:
 * Spring Security, Camunda's filters and the Jersey REST servlet included. It never follows
 * redirects, so tests see them.
 */
public final class WebClient {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

	private static final Pattern CSRF = Pattern.compile("(?:name=\"_csrf\" value|data-csrf-token)=\"([^\"]+)\"");

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	public WebClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT).GET().build());
	}

	public HttpResponse<String> getWithBasic(String path, String user, String password) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET().build());
	}

	public HttpResponse<String> postJsonWithBasic(String path, String json, String user, String password) {
		return send(HttpRequest.newBuilder(uri(path))
				.header("Authorization", basic(user, password))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build());
	}

	public HttpResponse<String> postMultipartWithBasic(String path, String fileName, String content, String user,
			String password) {
		String boundary = "spinout-" + System.nanoTime();
		String body = "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName + "\r\n"
				+ "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
				+ "--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(uri(path))
				.header("Authorization", basic(user, password))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
	}

	/** Posts a form as the page at {@code formPage} would, with that page's CSRF token. */
	public HttpResponse<String> postForm(String formPage, String action, String... fields) {
		String token = csrfToken(get(formPage).body());
		StringBuilder body = new StringBuilder("_csrf=").append(encode(token));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return postRaw(action, body.toString());
	}

	/**
	 * Posts form fields with a CSRF token of this session, taken from the home page, as a
	 * hand-made request would: the page the form lives on need not be visible to the user.
	 */
	public HttpResponse<String> postWithToken(String action, String... fields) {
		return postForm("/", action, fields);
	}

	/**
	 * Uploads a file as a multipart form would, with a CSRF token of this session taken from the
	 * home page: the token first, then the file in the field {@code file}.
	 */
	public HttpResponse<String> postFile(String action, String fileName, byte[] content) {
		String token = csrfToken(get("/").body());
		String boundary = "spinout-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
				+ "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(action))
				.header("Accept", BROWSER_ACCEPT)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build());
	}

	/** A GET whose body is kept as bytes, for downloads. */
	public HttpResponse<byte[]> getBytes(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Posts files as the upload form at {@code formPage} would (field {@code files}), with that
	 * page's CSRF token and any further fields as name-value pairs.
	 */
	public HttpResponse<String> postFiles(String formPage, String action, java.util.Map<String, String> files,
			String... fields) {
		String boundary = "spinout-" + System.nanoTime();
		StringBuilder body = new StringBuilder();
		body.append("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
				.append(csrfToken(get(formPage).body())).append("\r\n");
		for (int i = 0; i + 1 < fields.length; i += 2) {
			body.append("--").append(boundary).append("\r\n")
					.append("Content-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n")
					.append(fields[i + 1]).append("\r\n");
		}
		files.forEach((name, content) -> body.append("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"files\"; filename=\"").append(name).append("\"\r\n")
				.append("Content-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
		body.append("--").append(boundary).append("--\r\n");
		return send(HttpRequest.newBuilder(uri(action))
				.header("Accept", BROWSER_ACCEPT)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build());
	}

	/** Posts several files to the REST API's deployment endpoint, as Camunda Modeler does. */
	public HttpResponse<String> deployWithBasic(java.util.Map<String, String> files, String user, String password) {
		String boundary = "spinout-" + System.nanoTime();
		StringBuilder body = new StringBuilder();
		body.append("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
				.append(files.keySet().iterator().next()).append("\r\n");
		files.forEach((name, content) -> body.append("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(name)
				.append("\"\r\n")
				.append("Content-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
		body.append("--").append(boundary).append("--\r\n");
		return send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
				.header("Authorization", basic(user, password))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build());
	}

	/** Posts JSON with the CSRF token of the page at {@code page}, as the designer's editor does. */
	public HttpResponse<String> postJson(String page, String action, String json) {
		String token = csrfToken(get(page).body());
		return send(HttpRequest.newBuilder(uri(action))
				.header("Content-Type", "application/json")
				.header("X-CSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build());
	}

	public HttpResponse<String> postRaw(String action, String urlEncodedBody) {
		return send(HttpRequest.newBuilder(uri(action))
				.header("Accept", BROWSER_ACCEPT)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody))
				.build());
	}

	public HttpResponse<String> signIn(String user, String password) {
		return postForm("/login", "/login", "username", user, "password", password);
	}

	/**
	 * Sends any request with this client's cookies, for what the other methods do not cover: a
	 * method, headers and a body of the test's choosing.
	 */
	public HttpResponse<String> send(String method, String path, java.util.Map<String, String> headers,
			HttpRequest.BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body);
		headers.forEach(request::header);
		return send(request.build());
	}

	/** The value of a cookie the server set, or null. */
	public String cookie(String name) {
		return cookies.getCookieStore().getCookies().stream()
				.filter(cookie -> cookie.getName().equals(name))
				.map(cookie -> cookie.getValue())
				.findFirst()
				.orElse(null);
	}

	public String sessionId() {
		return cookie("JSESSIONID");
	}

	public static String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("The page has no CSRF token");
		}
		return matcher.group(1);
	}

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return http.send(request, body);
		}
		catch (IOException e) {
			throw new IllegalStateException("Request to " + request.uri() + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", e);
		}
	}

	/** The Authorization header's value for HTTP Basic. */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
