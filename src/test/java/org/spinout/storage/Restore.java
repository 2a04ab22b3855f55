package org.spinout.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.h2.mvstore.MVStoreTool;
import org.springframework.util.FileSystemUtils;

/**
 * The README's restore, {@code unzip backup.zip -d <new data folder>}, and the size a backup's data
 * compacts to, for tests and the benchmark.
 */
public final class Restore {

	private Restore() {
	}

	/** Unzips a backup into a folder, made if need be; returns the database file. */
	public static Path unzip(Path backup, Path dataFolder) throws IOException {
		Files.createDirectories(dataFolder);
		Path database = null;
		try (InputStream in = Files.newInputStream(backup); ZipInputStream entries = new ZipInputStream(in)) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				database = dataFolder.resolve(entry.getName());
				Files.copy(entries, database);
			}
		}
		return database;
	}

	/**
	 * The size in bytes that H2's full compaction makes of the data in a backup: the data written
	 * afresh, without the room a running database keeps. {@code compressed} as H2's
	 * {@code SHUTDOWN COMPACT} does it, which compresses whatever the database's own setting; else in
	 * the database's own format, as Spinout writes it.
	 */
	public static long compactedSize(Path backup, boolean compressed) throws IOException {
		Path copy = Files.createTempDirectory("spinout-compacted");
		try {
			Path database = unzip(backup, copy);
			MVStoreTool.compact(database.toString(), compressed);
			return Files.size(database);
		}
		finally {
			FileSystemUtils.deleteRecursively(copy);
		}
	}
}
