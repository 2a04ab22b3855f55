package org.spinout.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes a backup of the embedded database every night ({@code spinout.storage.backup.nightly},
 * London time). A night that fails is logged and shows in health as the age of the last backup;
 * the next night tries again.
 */
@Component
@Conditional(EmbeddedFileDatabase.class)
class NightlyBackup {

	private static final Logger log = LoggerFactory.getLogger(NightlyBackup.class);

	private final Backups backups;

	NightlyBackup(Backups backups) {
		this.backups = backups;
	}

	@Scheduled(cron = "${spinout.storage.backup.nightly}", zone = "Europe/London")
	void run() {
		try {
			backups.take();
		}
		catch (RuntimeException e) {
			log.error("The nightly backup to {} failed", backups.folder(), e);
		}
	}
}
