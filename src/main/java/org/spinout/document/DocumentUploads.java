package org.spinout.document;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How big an upload may be. Spring's multipart limits are derived from
 * {@code spinout.documents.max-size}, so the two cannot drift apart. An upload over them is
 * answered 413 with a page saying so: left alone, the server would drop the form's fields, and
 * the missing CSRF token would turn it into a bare refusal.
 */
@Configuration
class DocumentUploads {

	/** Room in a request for the form's other fields and the part headers beside the file. */
	static final long FORM_ALLOWANCE = 64 * 1024;

	/** The request attribute the error page (error/413) reads: what was wrong, and the way back. */
	static final String TOO_LARGE = "documentTooLarge";

	record TooLarge(String message, String returnTo) {
	}

	@Bean
	MultipartConfigElement multipartConfigElement(MultipartProperties multipart, DocumentProperties documents) {
		MultipartConfigElement spring = multipart.createMultipartConfig();
		long maxSize = documents.maxSize().toBytes();
		return new MultipartConfigElement(spring.getLocation(), maxSize, maxSize + FORM_ALLOWANCE,
				spring.getFileSizeThreshold());
	}

	/** Runs before Spring Security, which would otherwise find no CSRF token in the unread form. */
	@Bean
	FilterRegistrationBean<TooLargeFilter> documentTooLargeFilter(MultipartResolver multipart, DocumentTypes types) {
		FilterRegistrationBean<TooLargeFilter> registration = new FilterRegistrationBean<>(
				new TooLargeFilter(multipart, types));
		registration.addUrlPatterns("/tasks/*", "/programmes/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	static final class TooLargeFilter extends OncePerRequestFilter {

		private static final Pattern UPLOAD = Pattern.compile("/(tasks|programmes)/[^/]+/documents");

		private final MultipartResolver multipart;

		private final DocumentTypes types;

		TooLargeFilter(MultipartResolver multipart, DocumentTypes types) {
			this.multipart = multipart;
			this.types = types;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod()) || !multipart.isMultipart(request)
					|| !UPLOAD.matcher(path(request)).matches();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				// Reads the form once; the server keeps the parts for everyone after.
				multipart.resolveMultipart(request);
			}
			catch (MaxUploadSizeExceededException tooLarge) {
				// The query string is still readable when the form is not: that is why returnTo travels there.
				request.setAttribute(TOO_LARGE, new TooLarge(types.tooLargeMessage(),
						DocumentController.returnPath(request.getParameter("returnTo"), path(request))));
				// Tells the error page's dispatch that the form is unreadable, so it does not try again.
				request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, tooLarge);
				response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
				return;
			}
			catch (MultipartException unreadable) {
				// not a size problem: the request goes on and is answered where the form is read
			}
			chain.doFilter(request, response);
		}

		private static String path(HttpServletRequest request) {
			return request.getRequestURI().substring(request.getContextPath().length());
		}
	}
}
