package org.spinout.security;

import org.spinout.identity.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;

/**
 * Who may reach what. Three doors, one user store: the REST API answers HTTP Basic (for
 * Camunda Modeler and scripts), Camunda's web applications and Spinout's pages share one
 * form login and session. Matchers are path patterns on the whole request path, because the
 * REST API is a Jersey servlet beside Spring MVC.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

	static final String LOGIN_PAGE = "/login";

	/** Spinout's own pages take no inline script or style; Camunda's pages keep their own policy. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	@Bean
	@Order(1)
	SecurityFilterChain restApi(HttpSecurity http, EngineAuthenticationProvider users) throws Exception {
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("Spinout");
		return http.securityMatcher(path("/engine-rest/**"))
				.authenticationProvider(users)
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
				.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				// No cookie is read here: every request carries its credentials, so there is no
				// session for a forged cross-site request to ride on.
				.csrf(AbstractHttpConfigurer::disable)
				.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaWebapps(HttpSecurity http, EngineAuthenticationProvider users) throws Exception {
		return http.securityMatcher(path("/camunda/**"))
				.authenticationProvider(users)
				.authorizeHttpRequests(requests -> requests
						// the first-administrator set-up page: administrators come from configuration
						.requestMatchers(path("/camunda/api/admin/setup/**"), path("/camunda/app/admin/*/setup/**"))
						.denyAll()
						.anyRequest().authenticated())
				.exceptionHandling(errors -> errors
						.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE)))
				// Camunda's web applications send their own CSRF token and security headers.
				.csrf(AbstractHttpConfigurer::disable)
				.headers(headers -> headers.contentTypeOptions(options -> options.disable())
						.frameOptions(frames -> frames.sameOrigin()))
				.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, EngineAuthenticationProvider users) throws Exception {
		return http
				.authenticationProvider(users)
				.authorizeHttpRequests(requests -> requests
						.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
						.requestMatchers(path(LOGIN_PAGE), path("/error"), path("/webjars/**"), path("/assets/**"),
								path("/css/**"), path("/js/**"), path("/favicon.ico"))
						.permitAll()
						.requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
						// Calendar programs send no session cookie: the feed checks its own secret token.
						.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET,
								"/account/calendar.ics")).permitAll()
						.requestMatchers(path("/actuator/**")).hasAuthority(Role.ADMINISTRATORS.groupId())
						// the models area: changing the journey is for process designers and administrators
						.requestMatchers(path("/designer"), path("/designer/**"))
						.hasAnyAuthority(Role.PROCESS_DESIGNERS.groupId(), Role.ADMINISTRATORS.groupId())
						.anyRequest().authenticated())
				.formLogin(login -> login.loginPage(LOGIN_PAGE)
						.defaultSuccessUrl("/")
						.failureUrl(LOGIN_PAGE + "?error")
						.permitAll())
				.logout(logout -> logout.logoutRequestMatcher(path("/logout"))
						.logoutSuccessUrl(LOGIN_PAGE + "?signedOut"))
				.headers(headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
						.frameOptions(frames -> frames.deny())
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
				.build();
	}
}
