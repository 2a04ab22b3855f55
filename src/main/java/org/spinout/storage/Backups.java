package org.spinout.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The backups of the embedded database in the backup folder: taken while Spinout runs, on request
 * or at night, each a zip file named for the moment it began, the newest
 * {@code spinout.storage.backup.keep} kept. To restore one, unzip it into an empty data folder
 * (see the README).
 */
@Component
@Conditional(EmbeddedFileDatabase.class)
public class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'")
			.withZone(ZoneOffset.UTC);

	private static final Pattern NAME = Pattern.compile("spinout-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z)(-\\d+)?\\.zip");

	/** Two backups begun in the same second are told apart by a number: spinout-...Z.zip, then -2, -3... */
	private static final Comparator<Backup> NEWEST_FIRST = Comparator.comparing(Backup::taken)
			.thenComparing(backup -> backup.name().length()).thenComparing(Backup::name).reversed();

	/** Written under this prefix and renamed when complete, so that the list never shows half a backup. */
	private static final String UNFINISHED = ".unfinished-";

	private final EmbeddedDatabase database;

	private final StorageProperties.Backup settings;

	private final Clock clock;

	private final ReentrantLock taking = new ReentrantLock();

	Backups(EmbeddedDatabase database, StorageProperties properties, Clock clock) {
		this.database = database;
		this.clock = clock;
		this.settings = properties.backup();
	}

	public Path folder() {
		return settings.folder().toAbsolutePath().normalize();
	}

	public int keep() {
		return settings.keep();
	}

	/**
	 * Takes a backup now and deletes the oldest beyond the number kept.
	 *
	 * @throws BackupInProgress when another backup is being taken
	 */
	public Backup take() {
		if (!taking.tryLock()) {
			throw new BackupInProgress();
		}
		try {
			Instant began = clock.instant();
			long started = System.nanoTime();
			Files.createDirectories(folder());
			Path target = freeName(began);
			Path unfinished = folder().resolve(UNFINISHED + target.getFileName());
			try {
				database.backupTo(unfinished);
				forceToDisk(unfinished);
				Files.move(unfinished, target, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(unfinished);
			}
			Backup backup = new Backup(target.getFileName().toString(), began, Files.size(target));
			log.info("Backup {} taken in {} ms ({} bytes)", target, (System.nanoTime() - started) / 1_000_000,
					backup.size());
			deleteBeyondKept();
			return backup;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write a backup to " + folder(), e);
		}
		finally {
			taking.unlock();
		}
	}

	/** The backups in the folder, newest first. */
	public List<Backup> list() {
		if (!Files.isDirectory(folder())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder())) {
			return files.map(this::read).flatMap(Optional::stream)
					.sorted(NEWEST_FIRST)
					.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the backup folder " + folder(), e);
		}
	}

	public Optional<Backup> newest() {
		return list().stream().findFirst();
	}

	/** The file of a listed backup; empty for any other name. */
	public Optional<Path> file(String name) {
		return list().stream().filter(backup -> backup.name().equals(name)).findFirst()
				.map(backup -> folder().resolve(backup.name()));
	}

	private Optional<Backup> read(Path file) {
		Matcher name = NAME.matcher(file.getFileName().toString());
		if (!name.matches() || !Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Backup(file.getFileName().toString(), NAME_TIME.parse(name.group(1), Instant::from),
					Files.size(file)));
		}
		catch (IOException deletedMeanwhile) {
			return Optional.empty();
		}
	}

	private Path freeName(Instant began) {
		String stamp = "spinout-" + NAME_TIME.format(began);
		Path name = folder().resolve(stamp + ".zip");
		for (int n = 2; Files.exists(name); n++) {
			name = folder().resolve(stamp + "-" + n + ".zip");
		}
		return name;
	}

	private void deleteBeyondKept() throws IOException {
		List<Backup> backups = list();
		for (Backup old : backups.subList(Math.min(settings.keep(), backups.size()), backups.size())) {
			Files.deleteIfExists(folder().resolve(old.name()));
			log.info("Backup {} deleted: only the newest {} are kept", old.name(), settings.keep());
		}
	}

	/** A backup is only worth its name once it is on the disk. */
	private static void forceToDisk(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	/** Thrown when a backup is asked for while another is being taken. */
	public static final class BackupInProgress extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BackupInProgress() {
			super("A backup is being taken");
		}
	}
}
