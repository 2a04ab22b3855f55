package org.spinout.document;

import java.util.regex.Pattern;

import org.spinout.web.UploadTooLarge;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;

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

	private static final Pattern UPLOAD = Pattern.compile("/(tasks|programmes)/[^/]+/documents");

	record TooLarge(String message, String returnTo) {
	}

	@Bean
	MultipartConfigElement multipartConfigElement(MultipartProperties multipart, DocumentProperties documents) {
		MultipartConfigElement spring = multipart.createMultipartConfig();
		long maxSize = documents.maxSize().toBytes();
		return new MultipartConfigElement(spring.getLocation(), maxSize, maxSize + FORM_ALLOWANCE,
				spring.getFileSizeThreshold());
	}

	/** Says how big a document may be, and the way back, when an upload is too large to read. */
	@Bean
	UploadTooLarge.Upload documentUpload(DocumentTypes types) {
		return new UploadTooLarge.Upload() {

			@Override
			public boolean covers(String path) {
				return UPLOAD.matcher(path).matches();
			}

			@Override
			public void explain(HttpServletRequest request, String path) {
				// the query string is still readable when the form is not: that is why returnTo travels there
				request.setAttribute(TOO_LARGE, new TooLarge(types.tooLargeMessage(),
						DocumentController.returnPath(request.getParameter("returnTo"), path)));
			}
		};
	}
}
