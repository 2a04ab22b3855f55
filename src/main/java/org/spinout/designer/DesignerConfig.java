package org.spinout.designer;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.spinout.model.DeploymentPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.spinout.web.UploadTooLarge;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Puts the designer's checks in front of the REST API's deployment endpoint, and says why an
 * upload to the models area too large to read was refused.
 */
@Configuration
@ConditionalOnWebApplication
class DesignerConfig {

	/** The request attribute the error page (error/413) shows. */
	static final String TOO_LARGE_MESSAGE = "tooLargeMessage";

	/** After the REST API has signed the caller in to the engine (at LOWEST_PRECEDENCE - 10), before Jersey. */
	@Bean
	FilterRegistrationBean<RestDeploymentCheck> restDeploymentCheck(DesignerDeployments deployments,
			DeploymentPolicy policy, AuthorizationService authorizations, IdentityService identity) {
		FilterRegistrationBean<RestDeploymentCheck> registration = new FilterRegistrationBean<>(
				new RestDeploymentCheck(deployments, policy, authorizations, identity));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
		return registration;
	}

	/** Says how big a model may be when an upload to the models area is too large to read. */
	@Bean
	UploadTooLarge.Upload modelUpload(DeploymentPolicy policy) {
		return new UploadTooLarge.Upload() {

			@Override
			public boolean covers(String path) {
				return "/designer/upload".equals(path);
			}

			@Override
			public void explain(HttpServletRequest request, String path) {
				request.setAttribute(TOO_LARGE_MESSAGE, "Each model, decision table or form must be "
						+ policy.megabytes() + " MB or smaller. Nothing was deployed.");
			}
		};
	}
}
