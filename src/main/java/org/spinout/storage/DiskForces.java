package org.spinout.storage;

import java.util.concurrent.atomic.LongAdder;

/** How often, and for how long in all, the database file was forced to the disk. */
final class DiskForces {

	private final LongAdder count = new LongAdder();

	private final LongAdder nanos = new LongAdder();

	void record(long tookNanos) {
		count.increment();
		nanos.add(tookNanos);
	}

	long count() {
		return count.sum();
	}

	long nanos() {
		return nanos.sum();
	}
}
