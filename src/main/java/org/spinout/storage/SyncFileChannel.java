package org.spinout.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

import org.h2.store.fs.FileBase;

/** A database file whose every write returns only once it is on the disk; see {@link SyncFileSystem}. */
final class SyncFileChannel extends FileBase {

	private final FileChannel file;

	private final DiskForces forces;

	SyncFileChannel(FileChannel file, DiskForces forces) {
		this.file = file;
		this.forces = forces;
	}

	@Override
	public int write(ByteBuffer source, long position) throws IOException {
		int written = file.write(source, position);
		force();
		return written;
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		int written = file.write(source);
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
	public void force(boolean metaData) throws IOException {
		file.force(metaData);
	}

	@Override
	public int read(ByteBuffer destination) throws IOException {
		return file.read(destination);
	}

	@Override
	public int read(ByteBuffer destination, long position) throws IOException {
		return file.read(destination, position);
	}

	@Override
	public long position() throws IOException {
		return file.position();
	}

	@Override
	public FileChannel position(long position) throws IOException {
		file.position(position);
		return this;
	}

	@Override
	public long size() throws IOException {
		return file.size();
	}

	@Override
	public FileChannel truncate(long size) throws IOException {
		file.truncate(size);
		return this;
	}

	@Override
	public FileLock tryLock(long position, long size, boolean shared) throws IOException {
		return file.tryLock(position, size, shared);
	}

	@Override
	protected void implCloseChannel() throws IOException {
		file.close();
	}

	@Override
	public String toString() {
		return SyncFileSystem.SCHEME + ":" + file;
	}
}
