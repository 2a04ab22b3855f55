package org.spinout.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/** Finds H2's store behind a JDBC connection: the few internals of H2 that Spinout uses start here. */
final class H2Files {

	private H2Files() {
	}

	/** The store of the embedded database the connection belongs to; null for a database server. */
	static MVStore storeOf(Connection connection) throws SQLException {
		if (connection.isWrapperFor(JdbcConnection.class)
				&& connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
				&& local.getDatabase().getStore() != null) {
			return local.getDatabase().getStore().getMvStore();
		}
		return null;
	}

	/** A file H2 names with file system prefixes ({@code sync:./data/spinout.mv.db}), on the disk. */
	static Path onDisk(String h2FileName) {
		FilePath path = FilePath.get(h2FileName);
		while (path instanceof FilePathWrapper wrapper) {
			path = wrapper.unwrap();
		}
		return Path.of(path.toString()).toAbsolutePath().normalize();
	}

	/** Whether H2 reaches the file through {@link SyncFileSystem}, which forces every write to the disk. */
	static boolean isSynced(String h2FileName) {
		FilePath path = FilePath.get(h2FileName);
		while (path instanceof FilePathWrapper wrapper) {
			if (wrapper instanceof SyncFileSystem) {
				return true;
			}
			path = wrapper.unwrap();
		}
		return false;
	}
}
