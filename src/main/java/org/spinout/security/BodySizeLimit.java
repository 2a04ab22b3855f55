package org.spinout.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.WebUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * Refuses a request body that is too big before anything reads it, and before anyone is
 * signed in: the first filter of all. Each kind of request has its limit ({@link Limit}); a
 * person not signed in may send only a small body (a sign-in form). The declared length
 * ({@code Content-Length}) is checked first; a body sent without one is counted as it is read,
 * and the request is refused once it passes the limit, whatever was reading it. The answer is
 * 413 with a message: a GOV.UK page for a browser, JSON for an API caller.
 */
final class BodySizeLimit extends OncePerRequestFilter {

	/** Read by the error page (error/413) to say what was too big. */
	static final String MESSAGE = "tooLargeMessage";

	/** A limit on the bodies sent to the paths it names, and what to tell someone over it. */
	record Limit(List<PathPattern> paths, long bytes, String message) {

		static Limit of(long bytes, String message, List<String> paths) {
			return new Limit(paths.stream().map(PathPatternParser.defaultInstance::parse).toList(), bytes, message);
		}

		boolean covers(String path) {
			PathContainer container = PathContainer.parsePath(path);
			return paths.stream().anyMatch(pattern -> pattern.matches(container));
		}
	}

	private final List<Limit> limits;

	private final DataSize otherwise;

	private final DataSize anonymous;

	BodySizeLimit(List<Limit> limits, DataSize otherwise, DataSize anonymous) {
		this.limits = limits;
		this.otherwise = otherwise;
		this.anonymous = anonymous;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		boolean chunked = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if (declared <= 0 && !chunked) {
			chain.doFilter(request, response);
			return;
		}
		Refusal limit = limitFor(request);
		if (declared > limit.bytes()) {
			refuse(request, response, limit);
			return;
		}
		if (!chunked) {
			chain.doFilter(request, response);
			return;
		}
		Counted counted = new Counted(request, limit.bytes());
		Held held = new Held(response, counted);
		try {
			chain.doFilter(counted, held);
		}
		catch (IOException | ServletException | RuntimeException failure) {
			if (!counted.exceeded) {
				throw failure;
			}
		}
		if (counted.exceeded && !response.isCommitted()) {
			response.reset();
			refuse(request, response, limit);
		}
	}

	/** The limit for this request, and how to say so. */
	private record Refusal(long bytes, String message) {
	}

	private Refusal limitFor(HttpServletRequest request) {
		if (!mayBeSignedIn(request)) {
			return new Refusal(anonymous.toBytes(), "Sign in first: without signing in, Spinout takes at most "
					+ describe(anonymous.toBytes()) + ". Nothing was saved.");
		}
		String path = ApiErrors.path(request);
		for (Limit limit : limits) {
			if (limit.covers(path)) {
				return new Refusal(limit.bytes(), limit.message() + ". Nothing was saved.");
			}
		}
		return new Refusal(otherwise.toBytes(), "What you sent must be " + describe(otherwise.toBytes())
				+ " or smaller. Nothing was saved.");
	}

	/**
	 * Whether the request carries credentials (HTTP Basic, checked next by Spring Security) or
	 * belongs to a signed-in session. Looking the session up costs nothing; checking a password
	 * is left for later.
	 */
	private static boolean mayBeSignedIn(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return true;
		}
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Authentication signedIn = context instanceof SecurityContext security ? security.getAuthentication() : null;
		return signedIn != null && signedIn.isAuthenticated();
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
			throws IOException {
		if (wantsPage(request)) {
			request.setAttribute(MESSAGE, refusal.message());
			// tells the error page's dispatch not to read the form, as a failed upload would
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, new MaxUploadSizeExceededException(refusal.bytes()));
			response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
		}
		else {
			ApiErrors.write(response, HttpStatus.PAYLOAD_TOO_LARGE, refusal.message());
		}
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return !ApiErrors.isApi(request) && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
	}

	/** A size as GOV.UK writes it: 20MB, 16KB, 1.5MB. */
	static String describe(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + "MB";
		}
		if (bytes >= 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1fMB", bytes / (1024.0 * 1024.0));
		}
		return Math.max(1, bytes / 1024) + "KB";
	}

	/** A body without a declared length, counted as it is read; past the limit, reading fails. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private long read;

		private boolean exceeded;

		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream());
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
		}

		private void count(long bytes) throws IOException {
			read += Math.max(0, bytes);
			if (read > limit) {
				exceeded = true;
				throw new IOException("The request body is larger than " + describe(limit));
			}
		}

		private final class CountingStream extends ServletInputStream {

			private final ServletInputStream in;

			CountingStream(ServletInputStream in) {
				this.in = in;
			}

			@Override
			public int read() throws IOException {
				int b = in.read();
				count(b < 0 ? 0 : 1);
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = in.read(buffer, offset, length);
				count(n);
				return n;
			}

			@Override
			public boolean isFinished() {
				return in.isFinished();
			}

			@Override
			public boolean isReady() {
				return in.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				in.setReadListener(listener);
			}
		}
	}

	/**
	 * The response as the application sees it: once the body has passed its limit, whatever the
	 * application answers (an error of its own, most likely) goes nowhere, so that the 413 is
	 * the answer.
	 */
	private static final class Held extends HttpServletResponseWrapper {

		private final Counted request;

		Held(HttpServletResponse response, Counted request) {
			super(response);
			this.request = request;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			return request.exceeded ? Nowhere.STREAM : super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			return request.exceeded ? new PrintWriter(Nowhere.STREAM) : super.getWriter();
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (!request.exceeded) {
				super.sendError(status, message);
			}
		}

		@Override
		public void sendError(int status) throws IOException {
			if (!request.exceeded) {
				super.sendError(status);
			}
		}

		@Override
		public void setStatus(int status) {
			if (!request.exceeded) {
				super.setStatus(status);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!request.exceeded) {
				super.flushBuffer();
			}
		}
	}

	private static final class Nowhere extends ServletOutputStream {

		static final Nowhere STREAM = new Nowhere();

		@Override
		public void write(int b) {
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}
	}
}
