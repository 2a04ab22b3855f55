package org.spinout.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The README's restore, {@code unzip backup.zip -d <new data folder>}, for tests and the benchmark. */
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
}
