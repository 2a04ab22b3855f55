package org.spinout.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.spinout.engine.TestClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The clock defaults load with Spring and one property overrides one value without losing the rest. */
class DeadlineConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
			.withUserConfiguration(Deadlines.class)
			.withBean(Clock.class, TestClock::clock);

	@Test
	void defaultsCoverEveryClockOfTheJourney() {
		context.run(app -> {
			// given / when
			StatutoryClocks clocks = app.getBean("clocks", StatutoryClocks.class);

			// then
			assertThat(clocks.list()).extracting(StatutoryClock::name).contains("key-decision-notice",
					"call-in-window", "fca-registration", "cic-incorporation", "pcr-standstill", "pcr-veat-wait",
					"pa-standstill", "psr-representations", "psr-review", "employee-liability-information",
					"tupe-information-lead-time", "tupe-claims", "cqc-registration", "ico-fee", "public-consultation");
			assertThat(clocks.get("pa-standstill")).isEqualTo(new StatutoryClock("pa-standstill",
					"Procurement Act standstill", 8, ClockUnit.WORKING_DAYS, ClockDirection.AFTER,
					"Publication of the contract award notice", "PA 2023 s51", 2, null));
			assertThat(clocks.get("employee-liability-information").direction()).isEqualTo(ClockDirection.BEFORE);
		});
	}

	@Test
	void anOrdinaryPropertyOverridesOneValue() {
		context.withPropertyValues("spinout.clocks.call-in-window.length=10",
				"spinout.clocks.tupe-information-lead-time.unit=weeks").run(app -> {
			// given / when
			StatutoryClocks clocks = app.getBean(StatutoryClocks.class);

			// then
			assertThat(clocks.get("call-in-window").length()).isEqualTo(10);
			assertThat(clocks.get("call-in-window").label()).isEqualTo("Call-in window");
			assertThat(clocks.get("call-in-window").unit()).isEqualTo(ClockUnit.WORKING_DAYS);
			assertThat(clocks.get("tupe-information-lead-time").unit()).isEqualTo(ClockUnit.WEEKS);
		});
	}

	@Test
	void theBeansForEnginesWithoutSpringMatchSpring() {
		context.run(app -> {
			// given
			StatutoryClocks spring = app.getBean(StatutoryClocks.class);

			// when
			StatutoryClocks plain = new StatutoryClocks(DeadlineConfiguration.defaultPeriods(), new WorkingDays(TestClock.clock()));

			// then
			assertThat(plain.list()).isEqualTo(spring.list());
		});
	}

	@Test
	void aClockWithoutASourceStopsTheStart() {
		context.withPropertyValues("spinout.clocks.made-up.length=3").run(app ->
				assertThat(app).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ClockPeriods.class)
	@Import({ DeadlineConfiguration.class, WorkingDays.class, StatutoryClocks.class, TaskDeadlines.class })
	static class Deadlines {
	}
}
