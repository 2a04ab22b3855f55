package org.spinout.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A database file whose every write returns only once it is on the disk; see {@link SyncFileSystem}. */
final class SyncFileChannel extends ForwardingFileChannel {

	private final DiskForces forces;

	SyncFileChannel(FileChannel file, DiskForces forces) {
		super(file);
		this.forces = forces;
	}

	@Override
	public int write(ByteBuffer source, long position) throws IOException {
		int written = super.write(source, position);
		force();
		return written;
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		int written = super.write(source);
		force();
		return written;
	}

	/** The data and the file's length, which is what reading it back needs (fdatasync). */
	private void force() throws IOException {
		long started = System.nanoTime();
		file.force(false);
		forces.record(System.nanoTime() - started);
	}

	@Override
	public String toString() {
		return SyncFileSystem.SCHEME + ":" + file;
	}
}
