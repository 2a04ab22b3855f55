package org.spinout.operations;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's own figures as Micrometer meters, for /actuator/prometheus: jobs waiting, failed
 * and running late, running and suspended process instances, open incidents, and the engine's
 * counters of executed jobs and started programmes. Each is read from the database when scraped.
 */
@Component
class EngineMetrics implements MeterBinder {

	private final ManagementService management;

	private final RuntimeService runtime;

	EngineMetrics(ManagementService management, RuntimeService runtime) {
		this.management = management;
		this.runtime = runtime;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("spinout.engine.jobs", management, m -> m.createJobQuery().executable().count())
				.tag("state", "executable").description("Jobs due and waiting for the job executor").register(registry);
		Gauge.builder("spinout.engine.jobs", management, m -> m.createJobQuery().withException().noRetriesLeft().count())
				.tag("state", "failed").description("Jobs that failed and have no retries left").register(registry);
		Gauge.builder("spinout.engine.jobs", management, m -> m.createJobQuery().timers().count())
				.tag("state", "timer").description("Timers scheduled, due or not").register(registry);
		Gauge.builder("spinout.engine.process.instances", runtime, r -> r.createProcessInstanceQuery().active().count())
				.tag("state", "active").description("Running process instances").register(registry);
		Gauge.builder("spinout.engine.process.instances", runtime,
				r -> r.createProcessInstanceQuery().suspended().count())
				.tag("state", "suspended").description("Suspended process instances").register(registry);
		Gauge.builder("spinout.engine.incidents", runtime, r -> r.createIncidentQuery().count())
				.description("Open incidents").register(registry);
		FunctionCounter.builder("spinout.engine.job.executions", management,
				m -> m.createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum())
				.tag("outcome", "successful").register(registry);
		FunctionCounter.builder("spinout.engine.job.executions", management,
				m -> m.createMetricsQuery().name(Metrics.JOB_FAILED).sum())
				.tag("outcome", "failed").register(registry);
		FunctionCounter.builder("spinout.engine.root.process.instance.starts", management,
				m -> m.createMetricsQuery().name(Metrics.ROOT_PROCESS_INSTANCE_START).sum())
				.register(registry);
	}
}
