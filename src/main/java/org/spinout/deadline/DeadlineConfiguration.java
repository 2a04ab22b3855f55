package org.spinout.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Loads the default clock periods. A {@code @PropertySource} sits below every other property
 * source, so application properties, profiles and environment variables all override it.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:" + DeadlineConfiguration.DEFAULTS)
public class DeadlineConfiguration {

	static final String DEFAULTS = "clocks.properties";

	/** The default periods bound as Spring binds them, for engines built without a Spring context. */
	public static ClockPeriods defaultPeriods() {
		try {
			Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource(DEFAULTS));
			return new Binder(new MapConfigurationPropertySource(defaults))
					.bind("spinout.clocks", ClockPeriods.class)
					.orElseThrow(() -> new IllegalStateException("No clocks in " + DEFAULTS));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
		}
	}
}
