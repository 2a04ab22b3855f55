package org.spinout.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.spinout.storage.Backup;
import org.spinout.storage.Backups;
import org.spinout.storage.Restore;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The benchmark's view of the embedded database: the live file's size, the size the same data
 * compacts to, and what durable commits cost. The compacted size is measured without stopping
 * Spinout: a backup (a consistent copy) is compacted fully by H2.
 */
final class DatabaseFile implements AutoCloseable {

	private final ConfigurableApplicationContext spinout;

	private final Path file;

	/** Looks at the file's size twice a second, so that the largest it grows to is not missed. */
	private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong largest = new AtomicLong();

	DatabaseFile(ConfigurableApplicationContext spinout, Path dataDir) {
		this.spinout = spinout;
		this.file = dataDir.resolve("spinout.mv.db");
		watch.scheduleWithFixedDelay(() -> largest.accumulateAndGet(liveBytes(), Math::max), 0, 500,
				TimeUnit.MILLISECONDS);
	}

	/** The largest the file has been since the last call, or since the start. */
	long largestSinceLastAsked() {
		return largest.getAndSet(liveBytes());
	}

	@Override
	public void close() {
		watch.shutdownNow();
	}

	long liveBytes() {
		try {
			return Files.size(file);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the size of " + file, e);
		}
	}

	/**
	 * Takes a backup and returns the size its data compacts to in Spinout's own format; prints that
	 * and the size {@code SHUTDOWN COMPACT}, which also compresses, would make of it.
	 */
	long compactedBytes() throws IOException {
		long started = System.nanoTime();
		Backups backups = spinout.getBean(Backups.class);
		Backup backup = backups.take();
		double backupSeconds = (System.nanoTime() - started) / 1e9;
		Path zip = backups.folder().resolve(backup.name());
		long compacted = Restore.compactedSize(zip, false);
		System.out.printf("  backup while running: %.1f s, %s zipped; the same data compacted: %s "
				+ "(compressed, as SHUTDOWN COMPACT writes it: %s)%n", backupSeconds, megabytes(backup.size()),
				megabytes(compacted), megabytes(Restore.compactedSize(zip, true)));
		return compacted;
	}

	/** Chunks H2 has stored so far: one for each commit that wrote something, and some for compaction. */
	long storedChunks() {
		try (Connection connection = spinout.getBean(DataSource.class).getConnection()) {
			MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase()
					.getStore().getMvStore();
			return store.getCurrentVersion();
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot reach the embedded database", e);
		}
	}

	/** Writes forced to the disk so far, and the time they took, in nanoseconds. */
	long[] forces() {
		FunctionTimer forces = spinout.getBean(MeterRegistry.class).find("spinout.storage.disk.forces").functionTimer();
		return new long[] { (long) forces.count(), (long) forces.totalTime(TimeUnit.NANOSECONDS) };
	}

	/** The CPU time this JVM has used, in nanoseconds: steadier than wall time on a shared machine. */
	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
	}

	static String megabytes(long bytes) {
		return String.format("%.1f MB", bytes / (1024.0 * 1024));
	}
}
