package org.spinout.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.spinout.Slow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Demo code ships, but only the demo profile runs it: a council's Spinout has none of it. A
 * context of its own, with its own engine name and no web applications, since Camunda registers
 * both JVM-wide: under the default name, the shared test contexts' REST API would find this
 * context's empty engine.
 */
@Slow
@SpringBootTest(properties = { "camunda.bpm.process-engine-name=withoutthedemo", "camunda.bpm.webapp.enabled=false" })
@ActiveProfiles("test")
class WithoutTheDemoTest {

	@Autowired
	ConfigurableApplicationContext spinout;

	@Test
	void startedWithoutTheDemoProfileSpinoutHasNoDemoBeans() {
		// given Spinout started without the demo profile

		// when its beans are listed by where their classes live
		List<String> demo = Stream.of(spinout.getBeanDefinitionNames()).map(spinout::getType)
				.filter(Objects::nonNull).map(Class::getName)
				.filter(name -> name.startsWith(JourneyDriver.class.getPackageName() + ".")).toList();

		// then none is demo code: no demo users, no programmes driven through the journey, no answers made up
		assertThat(demo).isEmpty();
		assertThat(spinout.getBeanNamesForType(JourneyDriver.class)).isEmpty();
		assertThat(spinout.getBeanNamesForType(PlausibleAnswers.class)).isEmpty();
		assertThat(spinout.getBeanNamesForType(DemoUsers.class)).isEmpty();
	}
}
