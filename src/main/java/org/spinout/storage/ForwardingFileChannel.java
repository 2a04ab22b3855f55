package org.spinout.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

import org.h2.store.fs.FileBase;

/**
 * A file channel for an H2 file system wrapper that passes everything on to the channel it wraps:
 * the wrapper overrides what it changes.
 */
abstract class ForwardingFileChannel extends FileBase {

	protected final FileChannel file;

	ForwardingFileChannel(FileChannel file) {
		this.file = file;
	}

	@Override
	public int write(ByteBuffer source, long position) throws IOException {
		return file.write(source, position);
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		return file.write(source);
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
}
