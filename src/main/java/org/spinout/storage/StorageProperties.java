package org.spinout.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded database's upkeep ({@code spinout.storage.*}): its compaction while
 * Spinout runs, its backups, and when health warns about it.
 *
 * @param compaction how the file is kept compact while Spinout runs
 * @param backup where and when backups are taken, and how many are kept
 * @param freeSpaceWarning health warns when the disk of the database or of the backups has less
 *        free space than this
 */
@ConfigurationProperties(prefix = "spinout.storage")
public record StorageProperties(
		@DefaultValue Compaction compaction,
		@DefaultValue Backup backup,
		@DefaultValue("1GB") DataSize freeSpaceWarning) {

	/**
	 * @param interval the pause between two steps of compaction
	 * @param fillRate while people work: when the live data fill less than this percentage of the
	 *        chunks, the live data of the sparsest chunks is rewritten; when the chunks fill less
	 *        than this percentage of the file, they are moved to its start and the file shortened
	 * @param quietFillRate the same for quiet moments, when nothing but compaction has written
	 *        since the last step: then compaction goes on until three steps in a row gain nothing
	 * @param step at most this much live data is rewritten in one step, and four times as much
	 *        moved
	 */
	public record Compaction(
			@DefaultValue("1s") Duration interval,
			@DefaultValue("80") int fillRate,
			@DefaultValue("90") int quietFillRate,
			@DefaultValue("4MB") DataSize step) {
	}

	/**
	 * @param folder where backups are written (application.yml: {@code backups} in the data folder)
	 * @param keep how many backups are kept: after each backup the oldest beyond this number are deleted
	 * @param nightly when the nightly backup runs (a cron expression, London time; "-" for none)
	 */
	public record Backup(
			Path folder,
			@DefaultValue("7") int keep,
			@DefaultValue("0 30 0 * * *") String nightly) {

		private static final Pattern DAILY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* \\*");

		public Backup {
			if (keep < 1) {
				throw new IllegalArgumentException("spinout.storage.backup.keep must be at least 1, not " + keep);
			}
		}

		/** When the nightly backup runs, as a person reads it. */
		public String nightlyDescription() {
			if ("-".equals(nightly)) {
				return "never: the nightly backup is switched off";
			}
			Matcher daily = DAILY.matcher(nightly);
			return daily.matches()
					? String.format("every night at %02d:%02d, London time", Integer.parseInt(daily.group(2)),
							Integer.parseInt(daily.group(1)))
					: "on the schedule " + nightly + " (London time)";
		}
	}
}
