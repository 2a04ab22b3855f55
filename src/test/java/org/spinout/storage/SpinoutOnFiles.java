package org.spinout.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.spinout.SpinoutApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spinout started in this JVM on an embedded database in a folder, with the demo users, on a
 * random port, with the job executor and the notification schedule off. Each context has an engine
 * of its own name and no Camunda web applications: those register JVM-wide, and closing this
 * context must not take them away from the shared test context.
 */
final class SpinoutOnFiles {

	private SpinoutOnFiles() {
	}

	static ConfigurableApplicationContext start(String engineName, String dataDir, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--spinout.data-dir=" + dataDir, "--server.port=0",
				"--spring.profiles.active=demo", "--spinout.demo.programmes=false",
				"--camunda.bpm.job-execution.enabled=false", "--spinout.notifications.schedule.enabled=false",
				"--camunda.bpm.process-engine-name=" + engineName, "--camunda.bpm.webapp.enabled=false",
				"--spring.main.banner-mode=off"));
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(SpinoutApplication.class).run(arguments.toArray(String[]::new));
	}

	static ConfigurableApplicationContext start(String engineName, Path dataDir, String... settings) {
		return start(engineName, dataDir.toString(), settings);
	}
}
