package org.spinout.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.Poll;
import org.spinout.Slow;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.contract.Processes;
import org.spinout.demo.JourneyDriver;
import org.spinout.engine.TestClock;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.task.TaskCompletion;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A backup taken on the operations page while people complete programmes holds everything
 * committed before it began, and restores as the README says: unzipped into a new data folder,
 * Spinout starts on it and finds every programme and task.
 */
@Slow
class BackupRestoreTest {

	@TempDir
	Path folder;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void aBackupTakenDuringWorkRestoresEverythingCommittedBeforeItBegan() throws Exception {
		Path backups = folder.resolve("backups");
		List<String> programmesBefore;
		List<String> tasksBefore;
		List<String> programmesAfterTheBackup;
		try (ConfigurableApplicationContext live = SpinoutOnFiles.start("backuptest", folder.resolve("data"),
				"--spinout.storage.backup.folder=" + backups)) {
			// given people completing programmes all the while
			Work work = new Work(live);
			WebClient admin = new WebClient(((WebServerApplicationContext) live).getWebServer().getPort());
			admin.signIn("admin", "demo");
			Poll.until(() -> work.alive() && work.completedTasks.size() >= 10, Duration.ofMinutes(5),
					"ten tasks completed");

			// when an administrator backs up on the operations page
			programmesBefore = List.copyOf(work.startedProgrammes);
			tasksBefore = List.copyOf(work.completedTasks);
			HttpResponse<String> backedUp = admin.postForm("/operations", "/operations/backups");
			int startedByTheEnd = work.startedProgrammes.size();
			Poll.until(() -> work.alive() && work.startedProgrammes.size() > startedByTheEnd + 1, Duration.ofMinutes(5),
					"two more programmes started after the backup");
			work.stop();
			programmesAfterTheBackup = List.copyOf(work.startedProgrammes).subList(startedByTheEnd,
					work.startedProgrammes.size());

			assertThat(backedUp.statusCode()).isEqualTo(302);
			assertThat(admin.get("/operations").body()).contains("Backup spinout-").contains(" taken (");
		}

		// and the backup is restored into a new data folder, and Spinout started on it
		Path restored = folder.resolve("restored");
		Restore.unzip(onlyBackupIn(backups), restored);
		try (ConfigurableApplicationContext again = SpinoutOnFiles.start("restoretest", restored,
				"--spinout.storage.backup.folder=" + folder.resolve("backups-after-restore"))) {
			HistoryService history = again.getBean(HistoryService.class);

			// then every programme and every task committed before the backup began is there
			assertThat(programmesBefore).isNotEmpty()
					.allSatisfy(reference -> assertThat(programmes(history, reference)).as(reference).isEqualTo(1));
			assertThat(tasksBefore).hasSizeGreaterThanOrEqualTo(10).allSatisfy(taskId -> assertThat(history
					.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).as(taskId).isEqualTo(1));
			// and what was started after the backup had been taken is not: this is the backup, not a copy of now
			assertThat(programmesAfterTheBackup).isNotEmpty()
					.allSatisfy(reference -> assertThat(programmes(history, reference)).as(reference).isZero());
		}
	}

	/** Programmes of that reference, running or ended; a programme's sub-processes share its reference. */
	private static long programmes(HistoryService history, String reference) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
				.processInstanceBusinessKey(reference).count();
	}

	private static Path onlyBackupIn(Path backups) throws IOException {
		try (Stream<Path> files = Files.list(backups)) {
			List<Path> zips = files.filter(file -> file.getFileName().toString().endsWith(".zip")).toList();
			assertThat(zips).hasSize(1);
			return zips.get(0);
		}
	}

	/**
	 * Programmes started and driven to their end, one after another, on a thread of their own, as
	 * people would; each programme and task is listed once its commit has returned.
	 */
	private static final class Work {

		final Queue<String> startedProgrammes = new ConcurrentLinkedQueue<>();

		final Queue<String> completedTasks = new ConcurrentLinkedQueue<>();

		private final ExecutorService thread = Executors.newSingleThreadExecutor();

		private final Future<?> running;

		private volatile boolean stopping;

		Work(ConfigurableApplicationContext spinout) {
			TestProgrammes programmes = new TestProgrammes(spinout.getBean(ProgrammeStarter.class),
					spinout.getBean(TaskService.class));
			TaskCompletion completion = spinout.getBean(TaskCompletion.class);
			JourneyDriver people = spinout.getBean(JourneyDriver.class).completingWith((task, user, values, comment) -> {
				if (stopping) {
					throw new Stopped();
				}
				completion.complete(task, user, values, comment);
				completedTasks.add(task.getId());
			});
			running = thread.submit(() -> {
				for (int i = 0; !stopping; i++) {
					try {
						String reference = programmes.start("Backed-up programme " + i);
						startedProgrammes.add(reference);
						people.runToEnd(reference);
					}
					catch (Stopped stopped) {
						return;
					}
					finally {
						TestClock.reset();
					}
				}
			});
		}

		/** True while the work goes on; the work's own failure, if it has stopped on one. */
		boolean alive() {
			if (running.isDone()) {
				try {
					running.get();
				}
				catch (Exception e) {
					throw new AssertionError("The work stopped", e);
				}
			}
			return true;
		}

		void stop() throws Exception {
			stopping = true;
			running.get(5, TimeUnit.MINUTES);
			thread.shutdown();
		}

		private static final class Stopped extends RuntimeException {

			private static final long serialVersionUID = 1L;
		}
	}
}
