package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpinoutWebTest
class ProgrammeReferencesTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	@Autowired
	ProgrammeReferences references;

	@Autowired
	PlatformTransactionManager transactions;


	@Test
	void referencesAreSequentialWithinAYearAndStartAgainInTheNext() {
		inYear(2031);
		String first = take();
		String second = take();
		inYear(2032);
		String nextYear = take();

		assertThat(first).isEqualTo("SO-2031-0001");
		assertThat(second).isEqualTo("SO-2031-0002");
		assertThat(nextYear).isEqualTo("SO-2032-0001");
	}

	@Test
	void aRolledBackStartGivesItsNumberBack() {
		inYear(2033);
		take();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			references.next();
			status.setRollbackOnly();
		});

		assertThat(take()).isEqualTo("SO-2033-0002");
	}

	@Test
	void concurrentStartsGetDistinctNumbers() throws Exception {
		inYear(2034);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<String>> taken = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				taken.add(pool.submit((Callable<String>) this::take));
			}
			List<String> got = new ArrayList<>();
			for (Future<String> reference : taken) {
				got.add(reference.get());
			}

			assertThat(got).doesNotHaveDuplicates().hasSize(12).contains("SO-2034-0001", "SO-2034-0012");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String take() {
		return new TransactionTemplate(transactions).execute(status -> references.next());
	}

	private void inYear(int year) {
		clock.moveTo(ZonedDateTime.of(year, 6, 1, 12, 0, 0, 0, ProgrammeReferences.UK).toInstant());
	}
}
