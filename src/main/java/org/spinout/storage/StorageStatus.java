package org.spinout.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spinout's storage as it is now, for the health answer and the operations page. For a database
 * server only the product and its size are known: the server looks after its own disk and backups.
 *
 * @param database what keeps the data: "H2, embedded", "PostgreSQL"...
 * @param size the database's size in bytes; null where unknown
 * @param embedded the file, disks and backups of the embedded database; null for a server
 */
public record StorageStatus(String database, Long size, Embedded embedded) {

	/**
	 * @param file the database file
	 * @param commitsForced whether every commit is forced to the disk before it returns
	 * @param freeDiskSpace free bytes on the database's disk
	 * @param backupFolder where backups go
	 * @param backupFolderFreeDiskSpace free bytes on the backups' disk
	 * @param freeSpaceWarning below this many free bytes on either disk, storage needs attention
	 * @param lastBackup the newest backup; null when there is none
	 * @param lastBackupAge how long ago it began; null when there is none
	 */
	public record Embedded(Path file, boolean commitsForced, long freeDiskSpace, Path backupFolder,
			long backupFolderFreeDiskSpace, long freeSpaceWarning, Backup lastBackup, Duration lastBackupAge) {

		public boolean lowOnSpace() {
			return Math.min(freeDiskSpace, backupFolderFreeDiskSpace) < freeSpaceWarning;
		}
	}

	public boolean needsAttention() {
		return embedded != null && embedded.lowOnSpace();
	}

	/** The figures as the health answer gives them: sizes in bytes, times and ages in ISO 8601. */
	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("database", database);
		if (size != null) {
			details.put("size", size);
		}
		if (embedded != null) {
			details.put("file", embedded.file().toString());
			details.put("commitsForcedToDisk", embedded.commitsForced());
			details.put("freeDiskSpace", embedded.freeDiskSpace());
			details.put("backupFolder", embedded.backupFolder().toString());
			details.put("backupFolderFreeDiskSpace", embedded.backupFolderFreeDiskSpace());
			details.put("freeSpaceWarning", embedded.freeSpaceWarning());
			details.put("lastBackup", embedded.lastBackup() == null ? "none" : embedded.lastBackup().taken().toString());
			if (embedded.lastBackupAge() != null) {
				details.put("lastBackupAge", embedded.lastBackupAge().toString());
			}
			if (embedded.lowOnSpace()) {
				details.put("warning", "Less than " + readable(embedded.freeSpaceWarning())
						+ " free on the disk of the database or of the backups: free some space, or move them");
			}
		}
		return details;
	}

	/** A size as people read it: "980 KB", "57 MB", "12.4 GB". */
	public static String readable(long bytes) {
		if (bytes < 1024 * 1024) {
			return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
		}
		if (bytes < 1024L * 1024 * 1024) {
			return Math.round(bytes / (1024.0 * 1024)) + " MB";
		}
		return String.format("%.1f GB", bytes / (1024.0 * 1024 * 1024));
	}
}
