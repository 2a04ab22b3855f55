package org.spinout.engine;

import org.spinout.time.LondonTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the engine's time the application's {@link java.time.Clock}, in London's zone. */
@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

	@Bean
	EngineClock engineClock() {
		return new EngineClock(LondonTime.ZONE);
	}
}
