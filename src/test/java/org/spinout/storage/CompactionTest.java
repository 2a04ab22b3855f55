package org.spinout.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.Poll;
import org.spinout.Slow;
import org.spinout.TestProgrammes;
import org.spinout.demo.JourneyDriver;
import org.spinout.engine.TestClock;
import org.spinout.programme.ProgrammeStarter;
import org.spinout.task.TaskCompletion;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * While Spinout runs, compaction gives the embedded database's file space back as people work, and
 * at a quiet moment brings it within twice the size its data compacts to; the same work without
 * compaction leaves the file many times its data. The test runs compaction's steps itself, between
 * tasks, as the schedule would every second. Its data is small (a few MB), so while people work the
 * chunks H2 keeps for its retention time weigh as much as the data: the bound of twice the data
 * while people work is measured by the benchmark, on 1,000 programmes.
 */
@Slow
class CompactionTest {

	@TempDir
	Path folder;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void compactionGivesSpaceBackWhilePeopleWorkAndTidiesAtAQuietMoment() throws IOException {
		try (ConfigurableApplicationContext spinout = SpinoutOnFiles.start("compactiontest", folder.resolve("data"),
				"--spinout.storage.backup.folder=" + folder.resolve("backups"),
				"--spinout.storage.compaction.interval=PT1H")) {
			Compaction compaction = spinout.getBean(Compaction.class);
			TestProgrammes programmes = new TestProgrammes(spinout.getBean(ProgrammeStarter.class),
					spinout.getBean(TaskService.class));
			TaskCompletion completion = spinout.getBean(TaskCompletion.class);
			JourneyDriver people = spinout.getBean(JourneyDriver.class);

			// given work without compaction, which leaves the file larger than twice its data
			work(programmes, people, 2);
			assertThat(growth(spinout)).as("without compaction").isGreaterThan(2);
			long withoutCompaction = liveSize();

			// when the work goes on with a compaction step after each task
			work(programmes, people.completingWith((task, user, values, comment) -> {
				completion.complete(task, user, values, comment);
				compaction.step();
			}), 3);

			// then the file is smaller than before, though it holds more
			assertThat(liveSize()).as("with compaction while working").isLessThan(withoutCompaction);
			// and a quiet moment brings it within twice its data
			Poll.until(() -> {
				compaction.step();
				return growth(spinout) <= 2;
			}, Duration.ofMinutes(2), "the file within twice its data at a quiet moment");
		}
	}

	private long liveSize() throws IOException {
		return Files.size(folder.resolve("data").resolve("spinout.mv.db"));
	}

	/** Programmes started and driven to their end. */
	private static void work(TestProgrammes programmes, JourneyDriver people, int journeys) {
		for (int i = 0; i < journeys; i++) {
			try {
				people.runToEnd(programmes.start("Compacted programme " + i));
			}
			finally {
				TestClock.reset();
			}
		}
	}

	/** The live file's size over the size its data compacts to, measured on a backup taken now. */
	private double growth(ConfigurableApplicationContext spinout) {
		try {
			Backups backups = spinout.getBean(Backups.class);
			long compacted = Restore.compactedSize(backups.folder().resolve(backups.take().name()), false);
			return liveSize() / (double) compacted;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
