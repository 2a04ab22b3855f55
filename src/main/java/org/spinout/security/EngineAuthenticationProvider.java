package org.spinout.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.spinout.identity.People;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service, the one user store.
 * The engine slows repeated failures down: after each failed attempt the account is locked for
 * a growing while, during which even the right password is refused. Every refusal gives the
 * same message, so it does not tell whether the user exists.
 */
@Component
class EngineAuthenticationProvider implements AuthenticationProvider {

	static final String BAD_CREDENTIALS = "Incorrect username or password";

	private final IdentityService identity;

	private final People people;

	EngineAuthenticationProvider(IdentityService identity, People people) {
		this.identity = identity;
		this.people = people;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (username == null || username.isBlank() || credentials == null
				|| !identity.checkPassword(username, credentials.toString())) {
			throw new BadCredentialsException(BAD_CREDENTIALS);
		}
		List<String> groups = people.groupsOf(username);
		SpinoutUser principal = new SpinoutUser(username, people.name(username), groups);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				groups.stream().map(SimpleGrantedAuthority::new).toList());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
