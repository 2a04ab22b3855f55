package org.spinout.storage;

import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded database's file compact while Spinout runs, a small step at a time, since
 * Spinout writes each commit at once and H2's own background writer, which would tidy the file,
 * does not run then. While people work each step aims at the working fill rate; at a quiet moment
 * it aims higher, and stops once a few steps in a row have gained nothing, until something is
 * written again.
 */
@Component
@Conditional(EmbeddedFileDatabase.class)
class Compaction {

	/**
	 * Quiet steps without gain before compaction rests. More than one: the space a step frees is
	 * H2's to use again only after its retention time (RETENTION_TIME), so the gain of a step can
	 * show a step or two later.
	 */
	private static final int PATIENCE = 3;

	private final EmbeddedDatabase database;

	private final StorageProperties.Compaction settings;

	/** The file as the last step left it; null before the first. */
	private EmbeddedDatabase.Fill afterLastStep;

	/** The tidiest the file has been during this quiet moment; null while people work. */
	private EmbeddedDatabase.Fill tidiest;

	/** Quiet steps in a row that left the file no tidier than {@link #tidiest}. */
	private int stepsWithoutGain;

	Compaction(EmbeddedDatabase database, StorageProperties properties) {
		this.database = database;
		this.settings = properties.compaction();
	}

	@Scheduled(initialDelayString = "${spinout.storage.compaction.interval}",
			fixedDelayString = "${spinout.storage.compaction.interval}")
	void step() {
		EmbeddedDatabase.Fill before = database.fill();
		boolean quiet = afterLastStep != null && before.writes() == afterLastStep.writes();
		if (!quiet) {
			tidiest = null;
			stepsWithoutGain = 0;
		}
		else if (stepsWithoutGain >= PATIENCE) {
			return;
		}
		EmbeddedDatabase.Fill after = database.compactStep(quiet ? settings.quietFillRate() : settings.fillRate(),
				settings.step());
		if (quiet) {
			if (tidiest == null || after.tidierThan(tidiest)) {
				tidiest = after;
				stepsWithoutGain = 0;
			}
			else {
				stepsWithoutGain++;
			}
		}
		afterLastStep = after;
	}
}
