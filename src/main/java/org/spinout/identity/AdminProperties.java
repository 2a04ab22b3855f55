package org.spinout.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator, created at start when both values are given. */
@ConfigurationProperties(prefix = "spinout.admin")
public record AdminProperties(String username, String password) {

	boolean isConfigured() {
		return username != null && !username.isBlank() && password != null && !password.isBlank();
	}
}
