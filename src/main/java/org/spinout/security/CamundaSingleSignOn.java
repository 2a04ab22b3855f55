package org.spinout.security;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Hands the user Spring Security signed in over to the engine: Cockpit, Tasklist and Admin
 * trust the Spring session (no second login), and every REST call runs as its Basic user, so
 * the engine's authorization checks apply to it. Both filters run after Spring Security's.
 */
@Configuration
@ConditionalOnWebApplication
class CamundaSingleSignOn {

	private static final Map<String, String> FROM_CONTAINER = Map.of(
			ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
			ContainerBasedAuthenticationProvider.class.getName());

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappsSignOn() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(FROM_CONTAINER);
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiSignOn() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setInitParameters(FROM_CONTAINER);
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
