package org.spinout.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Keeps the names of the server's classes out of the APIs' error answers. The engine's REST API
 * names the exception's class in an error's {@code type} ({@code NullValueException},
 * {@code ProcessEngineException}...); here the type becomes a word for the status
 * ({@link ApiErrors#type}), and a server error's message becomes a sentence, its detail going to
 * the log. Successful answers pass untouched and unbuffered.
 */
final class RestErrorBodies extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RestErrorBodies.class);

	static final String SERVER_ERROR = "Something went wrong on the server. The log has the details.";

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ErrorHeld held = new ErrorHeld(response);
		chain.doFilter(request, held);
		if (held.buffer != null) {
			held.flushWriter();
			byte[] body = rewrite(held.buffer.toByteArray(), response.getStatus(), request);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
	}

	private byte[] rewrite(byte[] body, int status, HttpServletRequest request) {
		try {
			JsonNode answer = json.readTree(body);
			if (!(answer instanceof ObjectNode object) || !object.has("type")) {
				return body;
			}
			object.put("type", ApiErrors.type(status));
			if (status >= 500) {
				log.warn("The engine's API answered {} {} with {}: {}", request.getMethod(), ApiErrors.path(request),
						status, object.path("message").asText());
				object.put("message", SERVER_ERROR);
			}
			return json.writeValueAsBytes(object);
		}
		catch (IOException | RuntimeException notJson) {
			return body;
		}
	}

	/**
	 * The response as the API writes it: an error's body is kept back (an error is small) so that
	 * it can be rewritten; anything else goes straight through.
	 */
	private static final class ErrorHeld extends HttpServletResponseWrapper {

		private ByteArrayOutputStream buffer;

		private ServletOutputStream stream;

		private PrintWriter writer;

		ErrorHeld(HttpServletResponse response) {
			super(response);
		}

		private boolean isError() {
			return getStatus() >= 400;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (!isError()) {
				return super.getOutputStream();
			}
			if (stream == null) {
				buffer = new ByteArrayOutputStream();
				stream = new ServletOutputStream() {

					@Override
					public void write(int b) {
						buffer.write(b);
					}

					@Override
					public void write(byte[] bytes, int offset, int length) {
						buffer.write(bytes, offset, length);
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						throw new UnsupportedOperationException("Error answers are written at once");
					}
				};
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (!isError()) {
				return super.getWriter();
			}
			if (writer == null) {
				String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
				writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(encoding)));
			}
			return writer;
		}

		void flushWriter() {
			if (writer != null) {
				writer.flush();
			}
		}

		@Override
		public void setContentLength(int length) {
			if (!isError()) {
				super.setContentLength(length);
			}
		}

		@Override
		public void setContentLengthLong(long length) {
			if (!isError()) {
				super.setContentLengthLong(length);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
				super.addHeader(name, value);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!isError()) {
				super.flushBuffer();
			}
		}
	}
}
