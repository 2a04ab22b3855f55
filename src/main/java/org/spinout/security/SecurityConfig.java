package org.spinout.security;

import java.io.IOException;
import java.util.Set;

import org.spinout.identity.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may reach what. Four doors, one user store: the REST API answers HTTP Basic (for
 * Camunda Modeler and scripts), the operations endpoints answer an administrator's HTTP Basic
 * (for Prometheus) or session, and Camunda's web applications and Spinout's pages share one
 * form login and session. The engine's REST API, under /engine-rest and under Camunda's web
 * applications alike, is open to each role as {@link EngineApiReach} lists. Matchers are path
 * patterns on the whole request path, because the REST API is a Jersey servlet beside Spring
 * MVC.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

	static final String LOGIN_PAGE = "/login";

	static final String LOGOUT = "/logout";

	/** Spinout's own pages take no inline script or style; Camunda's pages keep their own policy. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	/** A signed-in caller whose role may not call this endpoint: JSON for the APIs, the usual page elsewhere. */
	private static void outOfReach(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException denied) throws IOException {
		if (ApiErrors.isApi(request)) {
			ApiErrors.write(response, HttpStatus.FORBIDDEN, "Your role may not call " + request.getMethod() + " "
					+ ApiErrors.path(request) + ": Spinout's pages do what your role may do, and the README's "
					+ "Security section lists what each role may call through the API");
		}
		else {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}
	}

	@Bean
	@Order(1)
	SecurityFilterChain restApi(HttpSecurity http, EngineAuthenticationProvider users) throws Exception {
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("Spinout");
		return http.securityMatcher(path("/engine-rest/**"))
				.authenticationProvider(users)
				.authorizeHttpRequests(requests -> {
					EngineApiReach.authorize(requests);
					requests.anyRequest().hasAuthority(Role.ADMINISTRATORS.groupId());
				})
				.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
				.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
						.accessDeniedHandler(SecurityConfig::outOfReach))
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
				.authorizeHttpRequests(requests -> {
					// the first-administrator set-up page: administrators come from configuration
					requests.requestMatchers(path("/camunda/api/admin/setup/**"), path("/camunda/app/admin/*/setup/**"))
							.denyAll();
					EngineApiReach.authorize(requests);
					requests.requestMatchers(path("/camunda/api/cockpit/**")).hasAnyAuthority(EngineApiReach.cockpitGroups())
							// who is signed in: every one of Camunda's web applications asks
							.requestMatchers(path("/camunda/api/admin/auth/**")).authenticated()
							.requestMatchers(path("/camunda/api/admin/**")).hasAuthority(Role.ADMINISTRATORS.groupId())
							.anyRequest().authenticated();
				})
				.exceptionHandling(errors -> errors
						.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE))
						.accessDeniedHandler(SecurityConfig::outOfReach))
				// Camunda's web applications send their own CSRF token and security headers.
				.csrf(AbstractHttpConfigurer::disable)
				.headers(headers -> headers.contentTypeOptions(options -> options.disable())
						.frameOptions(frames -> frames.sameOrigin()))
				.build();
	}

	/** Prometheus scrapes with an administrator's HTTP Basic; an administrator signed in to the pages may look too. */
	@Bean
	@Order(3)
	SecurityFilterChain operations(HttpSecurity http, EngineAuthenticationProvider users) throws Exception {
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("Spinout");
		return http.securityMatcher(path("/actuator/**"))
				.authenticationProvider(users)
				.authorizeHttpRequests(requests -> requests
						// for load balancers: says only UP or DOWN
						.requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
						.anyRequest().hasAuthority(Role.ADMINISTRATORS.groupId()))
				.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
				// a scrape or a health check leaves no session behind
				.requestCache(cache -> cache.disable())
				.exceptionHandling(errors -> errors
						.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browsers())
						.defaultAuthenticationEntryPointFor(entryPoint, AnyRequestMatcher.INSTANCE))
				.build();
	}

	/** A browser asks for a page; a scraper or a script for something else. */
	private static RequestMatcher browsers() {
		MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return browsers;
	}

	@Bean
	@Order(4)
	SecurityFilterChain pages(HttpSecurity http, EngineAuthenticationProvider users) throws Exception {
		return http
				.authenticationProvider(users)
				.authorizeHttpRequests(requests -> requests
						.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
						.requestMatchers(path(LOGIN_PAGE), path("/error"), path("/webjars/**"), path("/assets/**"),
								path("/css/**"), path("/js/**"), path("/favicon.ico"))
						.permitAll()
						// Calendar programs send no session cookie: the feed checks its own secret token.
						.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET,
								"/account/calendar.ics")).permitAll()
						// the models area: changing the journey is for process designers and administrators
						.requestMatchers(path("/designer"), path("/designer/**"))
						.hasAnyAuthority(Role.PROCESS_DESIGNERS.groupId(), Role.ADMINISTRATORS.groupId())
						.requestMatchers(path("/operations"), path("/operations/**")).hasAuthority(Role.ADMINISTRATORS.groupId())
						.anyRequest().authenticated())
				.formLogin(login -> login.loginPage(LOGIN_PAGE)
						.defaultSuccessUrl("/")
						.failureUrl(LOGIN_PAGE + "?error")
						.permitAll())
				// by POST only: a link on another site cannot sign anyone out
				.logout(logout -> logout.logoutRequestMatcher(
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGOUT))
						.logoutSuccessUrl(LOGIN_PAGE + "?signedOut"))
				.headers(headers -> headers
						.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
						.frameOptions(frames -> frames.deny())
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
				.build();
	}
}
