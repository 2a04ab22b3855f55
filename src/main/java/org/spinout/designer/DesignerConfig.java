package org.spinout.designer;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.spinout.model.DeploymentPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.multipart.MultipartResolver;

/** Puts the designer's checks in front of the REST API's deployment endpoint, and the upload's size refusal before sign-in checks. */
@Configuration
@ConditionalOnWebApplication
class DesignerConfig {

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

	/** Before Spring Security, which reads the form for its CSRF token. */
	@Bean
	FilterRegistrationBean<UploadTooLarge> uploadTooLarge(MultipartResolver multipart, DeploymentPolicy policy) {
		FilterRegistrationBean<UploadTooLarge> registration = new FilterRegistrationBean<>(
				new UploadTooLarge(multipart, policy));
		registration.addUrlPatterns("/designer/upload");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}
}
