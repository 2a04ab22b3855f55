package org.spinout.storage;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The health of Spinout's storage, for administrators at /actuator/health (component
 * {@code storage}): the database's size, the free space on its disk and on the backups' disk, and
 * the age of the last backup. WARNING when either disk has less free space than
 * {@code spinout.storage.free-space-warning}; a warning leaves the whole answer UP (see
 * {@code management.endpoint.health.status.order}), since the node still works.
 */
@Component("storage")
class StorageHealth extends AbstractHealthIndicator {

	static final Status WARNING = new Status("WARNING", "Storage needs attention");

	private final StorageFigures figures;

	StorageHealth(StorageFigures figures) {
		super("Could not read the storage's figures");
		this.figures = figures;
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		StorageStatus status = figures.read();
		health.status(status.needsAttention() ? WARNING : Status.UP).withDetails(status.details());
	}
}
