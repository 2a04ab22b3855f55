package org.spinout.web;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people reach Spinout ({@code spinout.base-url}): e-mails and calendar feeds are read away from
 * the application, so their links must be absolute, and their message and event ids name its host.
 */
@Component
public class SiteAddress {

	private final String baseUrl;
	private final String host;

	SiteAddress(@Value("${spinout.base-url:http://localhost:8080}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		String found = URI.create(this.baseUrl).getHost();
		this.host = found == null ? "spinout" : found;
	}

	/** The absolute address of a path such as {@code /tasks/42}. */
	public String of(String path) {
		return baseUrl + path;
	}

	/** The host name, for ids that must be unique across installations. */
	public String host() {
		return host;
	}
}
