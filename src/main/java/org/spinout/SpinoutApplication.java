package org.spinout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Spinout: the Camunda engine, its web applications and the Spinout pages in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpinoutApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpinoutApplication.class, args);
	}
}
