package org.spinout.security;

import java.util.List;

import org.spinout.model.ModelPolicyProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The filters that refuse cheaply, before the application does any work: the body size limits
 * first of all, then (once Spring Security has signed the caller in) the engine API's query
 * guard and the error answers without class names.
 */
@Configuration
@ConditionalOnWebApplication
class RequestGuards {

	/** Room in an upload for the form's other fields and the parts' headers. */
	static final long ALLOWANCE = 64 * 1024;

	/** The engine API's paths, as servlet URL patterns. */
	private static final String[] ENGINE_API = { "/engine-rest/*", "/camunda/api/*" };

	/** The engine's endpoints that take a file: a variable's binary value and an attachment. */
	private static final List<String> ENGINE_FILES = List.of("/process-instance/{id}/variables/{name}/data",
			"/execution/{id}/localVariables/{name}/data", "/task/{id}/variables/{name}/data",
			"/task/{id}/localVariables/{name}/data", "/task/{id}/attachment/create");

	@Bean
	FilterRegistrationBean<BodySizeLimit> bodySizeLimit(RequestLimits limits, ModelPolicyProperties models,
			@Value("${spinout.documents.max-size:20MB}") DataSize documents) {
		long deployment = models.maxDeploymentSize();
		// the upload page's form is read by the multipart parser, whose limit follows the documents' limit
		long uploadPage = Math.min(deployment, documents.toBytes());
		List<BodySizeLimit.Limit> byPath = List.of(
				BodySizeLimit.Limit.of(deployment + ALLOWANCE, "A deployment's files must be "
						+ BodySizeLimit.describe(deployment) + " or smaller together",
						EngineApiReach.underEveryRoot("/deployment/create")),
				BodySizeLimit.Limit.of(uploadPage + ALLOWANCE, "The files must be " + BodySizeLimit.describe(uploadPage)
						+ " or smaller together", List.of("/designer/upload")),
				// the editor sends the model as JSON text, where quotes and line ends take two characters
				BodySizeLimit.Limit.of(2 * models.maxFileSize().toBytes() + ALLOWANCE, "The model must be "
						+ BodySizeLimit.describe(models.maxFileSize().toBytes()) + " or smaller",
						List.of("/designer/deploy")),
				// a document over its limit is refused from its declared length by the multipart parser, whose
				// page says how to make it smaller (DocumentUploads); this is the bound for everything else
				BodySizeLimit.Limit.of(2 * documents.toBytes() + ALLOWANCE, "The selected file must be "
						+ BodySizeLimit.describe(documents.toBytes()) + " or smaller",
						List.of("/tasks/{id}/documents", "/programmes/{reference}/documents")),
				BodySizeLimit.Limit.of(documents.toBytes() + ALLOWANCE, "The file must be "
						+ BodySizeLimit.describe(documents.toBytes()) + " or smaller",
						ENGINE_FILES.stream().flatMap(path -> EngineApiReach.underEveryRoot(path).stream()).toList()));
		FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
				new BodySizeLimit(byPath, limits.maxBodySize(), limits.maxAnonymousBodySize()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RestErrorBodies> restErrorBodies() {
		FilterRegistrationBean<RestErrorBodies> registration = new FilterRegistrationBean<>(new RestErrorBodies());
		registration.addUrlPatterns(ENGINE_API);
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<EngineQueryGuard> engineQueryGuard() {
		FilterRegistrationBean<EngineQueryGuard> registration = new FilterRegistrationBean<>(new EngineQueryGuard());
		registration.addUrlPatterns(ENGINE_API);
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}
}
