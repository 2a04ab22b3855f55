package org.spinout.storage;

import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded database's file compact while Spinout runs, a small step at a time, since
 * Spinout writes each commit at once and H2's own background writer, which would tidy the file,
 * does not run then.
 */
@Component
@Conditional(EmbeddedFileDatabase.class)
class Compaction {

	private final EmbeddedDatabase database;

	private final StorageProperties properties;

	Compaction(EmbeddedDatabase database, StorageProperties properties) {
		this.database = database;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${spinout.storage.compaction.interval}",
			fixedDelayString = "${spinout.storage.compaction.interval}")
	void step() {
		database.compactStep(properties.compaction());
	}
}
