package org.spinout.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How big a request may be before anything reads it. Uploads have their own limits, which follow
 * {@code spinout.documents.max-size} and {@code spinout.models.max-file-size}.
 *
 * @param maxBodySize          every other request: forms, the API's JSON
 * @param maxAnonymousBodySize a request from someone not signed in: enough for the sign-in form
 */
@ConfigurationProperties(prefix = "spinout.requests")
record RequestLimits(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("16KB") DataSize maxAnonymousBodySize) {
}
