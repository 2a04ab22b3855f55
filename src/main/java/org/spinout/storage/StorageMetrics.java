package org.spinout.storage;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What durable commits cost, for /actuator/prometheus and the benchmark: how often, and for how
 * long, the embedded database's file was forced to the disk.
 */
@Component
class StorageMetrics implements MeterBinder {

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionTimer.builder("spinout.storage.disk.forces", SyncFileSystem.forcesSoFar(), DiskForces::count,
				DiskForces::nanos, TimeUnit.NANOSECONDS)
				.description("Writes of the embedded database forced to the disk").register(registry);
	}
}
