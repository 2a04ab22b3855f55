package org.spinout.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database's file, as its upkeep sees it: how big it is, how much of it is in
 * use, a step of compaction, and a consistent copy of it taken while Spinout runs.
 */
@Component
@Conditional(EmbeddedFileDatabase.class)
class EmbeddedDatabase {

	private final DataSource dataSource;

	EmbeddedDatabase(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The database file on the disk. */
	Path file() {
		return withStore(store -> H2Files.onDisk(store.getFileStore().getFileName()));
	}

	/** Whether every write to the file is forced to the disk before a commit returns. */
	boolean forcesCommits() {
		return withStore(store -> H2Files.isSynced(store.getFileStore().getFileName()));
	}

	/** The size of the file now, in bytes. */
	long size() {
		return withStore(store -> store.getFileStore().size());
	}

	/**
	 * One step of compaction. H2 writes every commit as a new chunk at a free place in the file and
	 * can use a chunk's space again only once nothing in it is live; chunks that keep a little live
	 * data hold the rest of their space. So the live data of sparse chunks is rewritten (it goes to
	 * disk with the next commit), and when much of the file is free, chunks are moved towards its
	 * start and the file is shortened.
	 */
	void compactStep(StorageProperties.Compaction settings) {
		withStore(store -> {
			FileStore<?> file = store.getFileStore();
			if (file.getChunksFillRate() < settings.chunkFillRate()) {
				store.compact(settings.chunkFillRate(), (int) settings.rewriteLimit().toBytes());
			}
			if (file instanceof RandomAccessStore randomAccess && file.getFillRate() < settings.fileFillRate()) {
				randomAccess.compactMoveChunks(settings.fileFillRate(), settings.moveLimit().toBytes(), store);
			}
			return null;
		});
	}

	/**
	 * Writes a consistent copy of the database, as it is when the copy starts, to a zip file: H2
	 * appends new chunks while it copies and overwrites none, so work goes on meanwhile.
	 */
	void backupTo(Path zip) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
			backup.setString(1, zip.toString());
			backup.execute();
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("Could not back the database up to " + zip, e);
		}
	}

	private <T> T withStore(Function<MVStore, T> work) {
		try (Connection connection = dataSource.getConnection()) {
			MVStore store = H2Files.storeOf(connection);
			if (store == null || store.getFileStore() == null) {
				throw new IllegalStateException("The database is not an embedded H2 database in a file");
			}
			return work.apply(store);
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("Could not reach the embedded database", e);
		}
	}
}
