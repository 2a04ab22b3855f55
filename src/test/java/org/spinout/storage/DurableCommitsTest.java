package org.spinout.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.Slow;
import org.spinout.TestProgrammes;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commit that Spinout reports as saved is on the disk, not only in the operating system's
 * cache. An H2 file system under Spinout's counts the writes to the database file and the forces
 * to the disk ({@link CountingFileSystem}): after every commit, no write is left unforced.
 */
@Slow
class DurableCommitsTest {

	private static final int COMMITS = 25;

	@TempDir
	static Path folder;

	static CountingFileSystem disk;

	static ConfigurableApplicationContext spinout;

	@BeforeAll
	static void startOnACountedDisk() {
		disk = CountingFileSystem.register();
		// The database URL is Spinout's own (application.yml); only its folder lies on the counted disk.
		// No compaction meanwhile: its writes are forced too, but could be caught between write and force.
		spinout = SpinoutOnFiles.start("durablecommitstest", CountingFileSystem.SCHEME + ":" + folder.resolve("data"),
				"--spinout.storage.backup.folder=" + folder.resolve("backups"),
				"--spinout.storage.compaction.interval=PT1H");
	}

	@AfterAll
	static void stop() {
		spinout.close();
	}

	@Test
	void everyCommitIsForcedToTheDiskBeforeItReturns() {
		// given Spinout's own connection pool, and a table of its own
		JdbcTemplate jdbc = new JdbcTemplate(spinout.getBean(DataSource.class));
		TransactionTemplate transaction = spinout.getBean(TransactionTemplate.class);
		jdbc.execute("create table durability_check (id int primary key, note varchar(40))");
		long forcesBefore = disk.forces();

		for (int i = 0; i < COMMITS; i++) {
			int id = i;
			// when a transaction commits
			transaction.executeWithoutResult(status -> jdbc.update("insert into durability_check values (?, ?)", id,
					"saved " + id));

			// then every write to the file is on the disk by the time the commit has returned
			assertThat(disk.writesNotOnDisk()).as("writes not forced after commit %d", id).isZero();
		}
		// and each commit was forced at least once
		assertThat(disk.forces() - forcesBefore).isGreaterThanOrEqualTo(COMMITS);
	}

	@Test
	void startingAProgrammeIsOnTheDiskWhenTheStartReturns() {
		// given Spinout's own path for starting programmes
		TestProgrammes programmes = new TestProgrammes(spinout.getBean(ProgrammeStarter.class),
				spinout.getBean(TaskService.class));
		long forcesBefore = disk.forces();

		for (int i = 0; i < 5; i++) {
			// when a programme is started, which Spinout reports as saved
			programmes.start("Durable programme " + i);

			// then nothing it wrote waits in the cache
			assertThat(disk.writesNotOnDisk()).as("writes not forced after programme %d", i).isZero();
		}
		assertThat(disk.forces() - forcesBefore).isGreaterThanOrEqualTo(5);
	}

	@Test
	void h2AloneLeavesCommitsInTheCache() throws SQLException {
		// given the setting Spinout had before: commits written at once, but through H2's own file system,
		// on a disk counted on its own
		CountingFileSystem plainDisk = CountingFileSystem.register();
		String url = "jdbc:h2:file:" + CountingFileSystem.SCHEME + ":" + folder.resolve("plain") + "/h2;WRITE_DELAY=0";
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table check_writes (id int primary key)");
			long writesBefore = plainDisk.writes();

			// when a row is committed
			statement.execute("insert into check_writes values (1)");

			// then H2 has written it, and no force has put it on the disk: the counting can tell
			assertThat(plainDisk.writes()).isGreaterThan(writesBefore);
			assertThat(plainDisk.writesNotOnDisk()).isPositive();
		}
	}
}
