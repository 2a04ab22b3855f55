package org.spinout.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.Slow;
import org.spinout.TestProgrammes;
import org.spinout.contract.Processes;
import org.spinout.postgres.PostgresTestDatabase;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's backup and restore for PostgreSQL, run for real where a PostgreSQL server and its
 * tools are on this machine (see PostgresTestDatabase for the connection): pg_dump of a database
 * Spinout has written, pg_restore into a new database, and Spinout started on that finds every
 * programme.
 */
@Slow
class PostgresBackupTest {

	@TempDir
	Path folder;

	@Test
	void aDumpRestoredIntoANewDatabaseHoldsEveryProgramme() throws Exception {
		assumeTrue(serverAnswers(), "no PostgreSQL server at " + PostgresTestDatabase.url("postgres"));
		Path pgDump = tool("pg_dump").orElse(null);
		Path pgRestore = tool("pg_restore").orElse(null);
		assumeTrue(pgDump != null && pgRestore != null, "pg_dump and pg_restore are not installed");
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String original = "spinout_dumped_" + suffix;
		String restored = "spinout_restored_" + suffix;
		Path dump = folder.resolve("spinout.dump");
		try {
			// given a database Spinout has written programmes to
			PostgresTestDatabase.create(original);
			List<String> programmes = new ArrayList<>();
			try (ConfigurableApplicationContext spinout = startOn(original, "pgdumped")) {
				TestProgrammes starter = new TestProgrammes(spinout.getBean(ProgrammeStarter.class),
						spinout.getBean(TaskService.class));
				for (int i = 0; i < 3; i++) {
					programmes.add(starter.start("Dumped programme " + i));
				}
			}

			// when it is dumped and restored into a new database, as the README says
			run(pgDump.toString(), "--format=custom", "--file=" + dump, "--host=" + host(), "--port=" + port(),
					"--username=" + PostgresTestDatabase.user(), original);
			PostgresTestDatabase.create(restored);
			run(pgRestore.toString(), "--no-owner", "--host=" + host(), "--port=" + port(),
					"--username=" + PostgresTestDatabase.user(), "--dbname=" + restored, dump.toString());

			// then Spinout starts on the new database and finds every programme
			try (ConfigurableApplicationContext spinout = startOn(restored, "pgrestored")) {
				HistoryService history = spinout.getBean(HistoryService.class);
				assertThat(programmes).allSatisfy(reference -> assertThat(history.createHistoricProcessInstanceQuery()
						.processDefinitionKey(Processes.PROGRAMME).processInstanceBusinessKey(reference).count())
						.as(reference).isEqualTo(1));
			}
		}
		finally {
			PostgresTestDatabase.drop(original);
			PostgresTestDatabase.drop(restored);
		}
	}

	private ConfigurableApplicationContext startOn(String database, String engineName) {
		return SpinoutOnFiles.start(engineName, folder.resolve(engineName),
				"--spring.datasource.url=" + PostgresTestDatabase.url(database),
				"--spring.datasource.username=" + PostgresTestDatabase.user(),
				"--spring.datasource.password=" + PostgresTestDatabase.password(),
				"--spring.datasource.driver-class-name=org.postgresql.Driver");
	}

	private static void run(String... command) throws IOException, InterruptedException {
		ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
		process.environment().put("PGPASSWORD", PostgresTestDatabase.password());
		Process running = process.start();
		String output = new String(running.getInputStream().readAllBytes());
		assertThat(running.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
		assertThat(running.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
	}

	private static boolean serverAnswers() {
		try (Connection server = DriverManager.getConnection(PostgresTestDatabase.url("postgres"),
				PostgresTestDatabase.user(), PostgresTestDatabase.password())) {
			return server.isValid(5);
		}
		catch (SQLException noServer) {
			return false;
		}
	}

	/** A PostgreSQL program on the PATH, or in Debian's /usr/lib/postgresql/{version}/bin. */
	private static Optional<Path> tool(String name) throws IOException {
		List<Path> places = new ArrayList<>(Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
				.filter(entry -> !entry.isBlank()).map(Path::of).toList());
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				versions.sorted().map(version -> version.resolve("bin")).forEach(places::add);
			}
		}
		return places.stream().map(place -> place.resolve(name)).filter(Files::isExecutable).findFirst();
	}

	private static String host() {
		return System.getProperty("spinout.test.postgres.host", "localhost");
	}

	private static String port() {
		return System.getProperty("spinout.test.postgres.port", "5432");
	}
}
