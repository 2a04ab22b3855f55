package org.spinout.designer;

import java.io.IOException;

import org.spinout.model.DeploymentPolicy;
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
 * Gives an upload to the models area that the multipart parser refuses (a file over its limit
 * but within the request's) the same page with a message as every other refusal, rather than an
 * empty 413. Reads the form before Spring Security, which would otherwise find no CSRF token in
 * a form it cannot read; larger bodies are refused from their length before this (BodySizeLimit),
 * and smaller ones over the model limit by the checks, on the upload page.
 */
final class UploadTooLarge extends OncePerRequestFilter {

	/** The request attribute the error page (error/413) shows. */
	static final String MESSAGE = "tooLargeMessage";

	private final MultipartResolver multipart;

	private final DeploymentPolicy policy;

	UploadTooLarge(MultipartResolver multipart, DeploymentPolicy policy) {
		this.multipart = multipart;
		this.policy = policy;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !multipart.isMultipart(request)
				|| !"/designer/upload".equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// reads the form once; the server keeps the parts for everyone after
			multipart.resolveMultipart(request);
		}
		catch (MaxUploadSizeExceededException tooLarge) {
			request.setAttribute(MESSAGE, "Each model, decision table or form must be " + policy.megabytes()
					+ " MB or smaller. Nothing was deployed.");
			// tells the error page's dispatch that the form is unreadable, so it does not try again
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, tooLarge);
			response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
			return;
		}
		catch (MultipartException unreadable) {
			// not a size problem: the upload page answers it
		}
		chain.doFilter(request, response);
	}
}
