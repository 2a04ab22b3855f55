package org.spinout.web;

import java.util.List;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.webjars.WebJarVersionLocator;

/**
 * Serves GOV.UK Frontend's fonts and images where its stylesheet expects them, at /assets, and
 * answers uploads too large to read.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		String version = new WebJarVersionLocator().version("govuk-frontend");
		registry.addResourceHandler("/assets/**")
				.addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
	}

	/**
	 * Leaves the links in pages as written. Spring Boot would otherwise pass every link of every page
	 * through the static resource resolvers, which look each one up on the classpath: with a task
	 * list's hundred links, most of the page's time. Web jars are still found without a version in
	 * their path, when the browser asks for them.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/** Before Spring Security, which reads the form for its CSRF token. */
	@Bean
	FilterRegistrationBean<UploadTooLarge> uploadTooLarge(MultipartResolver multipart,
			List<UploadTooLarge.Upload> uploads) {
		FilterRegistrationBean<UploadTooLarge> registration = new FilterRegistrationBean<>(
				new UploadTooLarge(multipart, uploads));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}
}
