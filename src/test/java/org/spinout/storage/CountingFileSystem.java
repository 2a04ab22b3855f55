package org.spinout.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system for tests ({@code counting:} before a path): it counts the writes to the
 * files opened through it and the forces to the disk, and knows how many writes no force has
 * covered yet, that is, how many a power cut could lose. Public for H2, which makes paths by
 * reflection; the counts are the JVM's, so a test reads differences.
 */
public final class CountingFileSystem extends FilePathWrapper {

	static final String SCHEME = "counting";

	private Counts counts = new Counts();

	/** Registers a new instance with H2, in place of any before: its counts start at nought. */
	static CountingFileSystem register() {
		CountingFileSystem counting = new CountingFileSystem();
		FilePath.register(counting);
		return counting;
	}

	long writes() {
		return counts.writes.get();
	}

	long forces() {
		return counts.forces.get();
	}

	/** Writes that a power cut could lose now: those no force has covered. */
	long writesNotOnDisk() {
		return counts.writes.get() - counts.writesOnDisk.get();
	}

	@Override
	public FilePathWrapper getPath(String path) {
		return sharingCounts(super.getPath(path));
	}

	@Override
	public FilePathWrapper wrap(FilePath base) {
		return sharingCounts(super.wrap(base));
	}

	private FilePathWrapper sharingCounts(FilePathWrapper path) {
		((CountingFileSystem) path).counts = counts;
		return path;
	}

	@Override
	public String getScheme() {
		return SCHEME;
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return new CountingChannel(getBase().open(mode), counts);
	}

	private static final class Counts {

		final AtomicLong writes = new AtomicLong();

		final AtomicLong forces = new AtomicLong();

		/** The number of writes that had finished when the latest force began: those are on the disk. */
		final AtomicLong writesOnDisk = new AtomicLong();
	}

	private static final class CountingChannel extends ForwardingFileChannel {

		private final Counts counts;

		CountingChannel(FileChannel file, Counts counts) {
			super(file);
			this.counts = counts;
		}

		@Override
		public int write(ByteBuffer source, long position) throws IOException {
			int written = super.write(source, position);
			counts.writes.incrementAndGet();
			return written;
		}

		@Override
		public int write(ByteBuffer source) throws IOException {
			int written = super.write(source);
			counts.writes.incrementAndGet();
			return written;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			long covered = counts.writes.get();
			super.force(metaData);
			counts.forces.incrementAndGet();
			counts.writesOnDisk.accumulateAndGet(covered, Math::max);
		}
	}
}
