package org.spinout.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers an upload that the multipart parser refuses (a file over its limit but within the
 * request's) with the error page (error/413) saying what was too big, rather than an empty 413.
 * Runs before Spring Security, which would otherwise find no CSRF token in a form it cannot read
 * and turn the answer into a bare refusal. Larger bodies are refused from their length before
 * this (BodySizeLimit). Each feature that takes uploads names its upload paths and its message
 * as an {@link Upload} bean.
 */
public final class UploadTooLarge extends OncePerRequestFilter {

	/** Where a feature takes uploads, and what the error page tells someone whose file is too big. */
	public interface Upload {

		/** Whether this upload is posted to the path (without the context path). */
		boolean covers(String path);

		/** Sets the request attributes the error page (error/413) reads; the form is unreadable, its query is not. */
		void explain(HttpServletRequest request, String path);
	}

	private final MultipartResolver multipart;

	private final List<Upload> uploads;

	UploadTooLarge(MultipartResolver multipart, List<Upload> uploads) {
		this.multipart = multipart;
		this.uploads = List.copyOf(uploads);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !multipart.isMultipart(request)
				|| upload(path(request)).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// reads the form once; the server keeps the parts for everyone after
			multipart.resolveMultipart(request);
		}
		catch (MaxUploadSizeExceededException tooLarge) {
			String path = path(request);
			upload(path).ifPresent(upload -> upload.explain(request, path));
			// tells the error page's dispatch that the form is unreadable, so it does not try again
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, tooLarge);
			response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
			return;
		}
		catch (MultipartException unreadable) {
			// not a size problem: the request goes on and is answered where the form is read
		}
		chain.doFilter(request, response);
	}

	private Optional<Upload> upload(String path) {
		return uploads.stream().filter(upload -> upload.covers(path)).findFirst();
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
