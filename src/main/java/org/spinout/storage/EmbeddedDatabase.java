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
import org.springframework.util.unit.DataSize;

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

	/** How full the file is now; see {@link Fill}. */
	Fill fill() {
		return withStore(EmbeddedDatabase::fillOf);
	}

	/**
	 * One step of compaction towards a fill rate. H2 writes every commit as a new chunk at a free
	 * place in the file, and can use a chunk's space again only once nothing in it is live; a chunk
	 * that keeps a little live data holds the rest of its space. So the live data of sparse chunks
	 * is rewritten, at most {@code step} of it, into a new chunk written at once, and when less of
	 * the file than the fill rate is in use, up to four steps' worth of chunks are moved towards its
	 * start and the file is shortened.
	 */
	Fill compactStep(int fillRate, DataSize step) {
		return withStore(store -> {
			FileStore<?> file = store.getFileStore();
			if (file.getChunksFillRate() < fillRate && store.compact(fillRate, (int) step.toBytes())) {
				store.commit();
			}
			if (file instanceof RandomAccessStore randomAccess && file.getFillRate() < fillRate) {
				randomAccess.compactMoveChunks(fillRate, 4 * step.toBytes(), store);
			}
			return fillOf(store);
		});
	}

	private static Fill fillOf(MVStore store) {
		FileStore<?> file = store.getFileStore();
		return new Fill(file.getWriteCount(), file.size(), file.getFillRate(), file.getChunksFillRate());
	}

	/**
	 * How full the file is.
	 *
	 * @param writes the writes to the file since the database was opened: unchanged, nothing was written
	 * @param size the file's size in bytes
	 * @param fileFillRate the percentage of the file that chunks occupy
	 * @param chunksFillRate the percentage of the chunks' space that holds live data
	 */
	record Fill(long writes, long size, int fileFillRate, int chunksFillRate) {

		/** Whether this is tidier than before: smaller, or with fuller chunks. */
		boolean tidierThan(Fill before) {
			return size < before.size || chunksFillRate > before.chunksFillRate;
		}
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
