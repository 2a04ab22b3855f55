package org.spinout.security;

import java.util.List;
import java.util.stream.Stream;

import org.spinout.identity.Role;
import org.spinout.identity.RoleGrants;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call which endpoint of the engine's REST API, by list: the same list at each of the
 * API's roots, {@code /engine-rest} (Camunda Modeler, scripts) and {@code /camunda/api/engine}
 * (where Camunda's web applications call it). Everyone signed in may read, and may claim a task
 * the engine lets them claim; process designers may deploy (through the designer's checks);
 * administrators may call every endpoint. Everything else a person does (completing a task,
 * changing variables, assigning, starting, suspending or stopping a programme) goes through
 * Spinout's pages, which apply Spinout's rules. The engine's authorizations then decide, as
 * ever, which records each person sees and touches. The README's Security section prints this
 * list.
 */
public final class EngineApiReach {

	/** One endpoint: a method and a path below the API's root, in Spring's path pattern syntax. */
	public record Endpoint(HttpMethod method, String path) {

		static Endpoint get(String path) {
			return new Endpoint(HttpMethod.GET, path);
		}

		static Endpoint post(String path) {
			return new Endpoint(HttpMethod.POST, path);
		}
	}

	/** The roots of the engine's REST API: the default engine, an engine by name, and Camunda's web applications'. */
	static final List<String> ROOTS = List.of("/engine-rest", "/engine-rest/engine/{engine}", "/camunda/api/engine",
			"/camunda/api/engine/engine/{engine}");

	/** Queries sent by POST (their filters in the body): reads, like GET. */
	private static final List<String> QUERIES = List.of("/task", "/task/count", "/process-instance",
			"/process-instance/count", "/execution", "/execution/count", "/variable-instance", "/variable-instance/count",
			"/job", "/job/count", "/job-definition", "/job-definition/count", "/external-task", "/external-task/count",
			"/group", "/group/count", "/history/process-instance", "/history/process-instance/count",
			"/history/activity-instance", "/history/activity-instance/count", "/history/task", "/history/task/count",
			"/history/variable-instance", "/history/variable-instance/count", "/history/detail", "/history/job-log",
			"/history/job-log/count", "/history/external-task-log", "/history/external-task-log/count",
			"/filter/{id}/list", "/filter/{id}/count", "/filter/{id}/singleResult");

	/** What everyone signed in may call: every read, and claiming a task. */
	public static final List<Endpoint> EVERYONE = Stream.concat(
			Stream.of(Endpoint.get("/**"), Endpoint.post("/task/{id}/claim")),
			QUERIES.stream().map(Endpoint::post))
			.toList();

	/** What process designers may call besides: deploy, which the designer's checks and the safety policy guard. */
	public static final List<Endpoint> DESIGNERS = List.of(Endpoint.post("/deployment/create"));

	private EngineApiReach() {
	}

	/** The rules for the engine's API under every root: the lists above, and administrators for the rest. */
	static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(matchers(EVERYONE)).authenticated()
				.requestMatchers(matchers(DESIGNERS))
				.hasAnyAuthority(Role.PROCESS_DESIGNERS.groupId(), Role.ADMINISTRATORS.groupId())
				.requestMatchers(ROOTS.stream().map(root -> PathPatternRequestMatcher.withDefaults().matcher(root + "/**"))
						.toArray(RequestMatcher[]::new))
				.hasAuthority(Role.ADMINISTRATORS.groupId());
	}

	/** The groups that may use Camunda Cockpit, as the engine's authorizations grant it. */
	static String[] cockpitGroups() {
		return RoleGrants.cockpitRoles().stream().map(Role::groupId).toArray(String[]::new);
	}

	/** Every root's form of a path below the root. */
	static List<String> underEveryRoot(String path) {
		return ROOTS.stream().map(root -> root + path).toList();
	}

	private static RequestMatcher[] matchers(List<Endpoint> endpoints) {
		return endpoints.stream()
				.flatMap(endpoint -> underEveryRoot(endpoint.path()).stream()
						.map(path -> PathPatternRequestMatcher.withDefaults().matcher(endpoint.method(), path)))
				.toArray(RequestMatcher[]::new);
	}
}
