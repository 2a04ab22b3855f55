package org.spinout.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system {@code sync:}, named in the database URL ({@code jdbc:h2:file:sync:./data/spinout}):
 * every write to the database file is forced to the disk before H2 goes on. H2 writes each
 * commit into its file before the commit returns ({@code WRITE_DELAY=0}) but leaves it in the
 * operating system's cache, where a power cut loses it; through this file system the commit
 * returns only once it is on the disk. Since H2 writes one piece at a time, a piece that makes
 * older ones obsolete is on the disk before H2 can reuse their space, so the file survives a
 * power cut at any moment.
 *
 * <p>Public, with a public constructor, because H2 makes its file paths by reflection.
 */
public final class SyncFileSystem extends FilePathWrapper {

	static final String SCHEME = "sync";

	/** Shared by every path H2 makes from the registered instance. */
	private DiskForces forces = new DiskForces();

	/** Registers the file system with H2, once; the database URL can name it from then on. */
	static void register() {
		if (!(FilePath.get(SCHEME + ":.") instanceof SyncFileSystem)) {
			FilePath.register(new SyncFileSystem());
		}
	}

	/** What the registered file system has forced so far. */
	static DiskForces forcesSoFar() {
		register();
		return ((SyncFileSystem) FilePath.get(SCHEME + ":.")).forces;
	}

	@Override
	public String getScheme() {
		return SCHEME;
	}

	@Override
	public FilePathWrapper getPath(String path) {
		return sharingForces(super.getPath(path));
	}

	@Override
	public FilePathWrapper wrap(FilePath base) {
		return sharingForces(super.wrap(base));
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return new SyncFileChannel(getBase().open(mode), forces);
	}

	private FilePathWrapper sharingForces(FilePathWrapper path) {
		if (path instanceof SyncFileSystem sync) {
			sync.forces = forces;
		}
		return path;
	}
}
