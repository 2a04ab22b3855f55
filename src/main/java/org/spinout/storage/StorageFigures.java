package org.spinout.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads Spinout's storage as it is now; see {@link StorageStatus}. */
@Component
class StorageFigures {

	private final ObjectProvider<EmbeddedDatabase> embedded;

	private final ObjectProvider<Backups> backups;

	private final DataSource dataSource;

	private final StorageProperties properties;

	private final Clock clock;

	StorageFigures(ObjectProvider<EmbeddedDatabase> embedded, ObjectProvider<Backups> backups, DataSource dataSource,
			StorageProperties properties, Clock clock) {
		this.embedded = embedded;
		this.backups = backups;
		this.dataSource = dataSource;
		this.properties = properties;
		this.clock = clock;
	}

	StorageStatus read() {
		EmbeddedDatabase database = embedded.getIfAvailable();
		return database == null ? server() : embedded(database, backups.getObject());
	}

	private StorageStatus embedded(EmbeddedDatabase database, Backups backups) {
		Path file = database.file();
		Backup last = backups.newest().orElse(null);
		return new StorageStatus("H2, embedded", database.size(),
				new StorageStatus.Embedded(file, database.forcesCommits(), usableSpace(file), backups.folder(),
						usableSpace(backups.folder()), properties.freeSpaceWarning().toBytes(), last,
						last == null ? null : Duration.between(last.taken(), clock.instant()).withNanos(0)));
	}

	private StorageStatus server() {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			Long size = "PostgreSQL".equals(product) ? new JdbcTemplate(dataSource)
					.queryForObject("select pg_database_size(current_database())", Long.class) : null;
			return new StorageStatus(product, size, null);
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("Could not reach the database", e);
		}
	}

	/** Free space for a file or folder that may not exist yet: that of its nearest existing parent. */
	private static long usableSpace(Path path) {
		Path existing = path.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		try {
			return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the free space of " + existing, e);
		}
	}
}
