package org.spinout.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spinout.engine.TestClock;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * A programme's deadlines come from the date variables of its root and phase instances, follow the
 * clocks' settings, and cost the same few queries for one programme as for many.
 */
class ProgrammeDeadlinesTest {

	/** Monday 2 March 2026, 10:00 London (GMT). */
	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	/** Statements sent to the database; each test counts from where it starts. */
	private static final AtomicInteger queries = new AtomicInteger();
	private static ProcessEngine engine;
	private static ProgrammeDeadlines deadlines;

	/** One engine for the class: each test starts programmes of its own and asks only about those. */
	@BeforeAll
	static void engineWithCountedQueries() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:deadlines-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("deadlines-" + UUID.randomUUID());
		configuration.setDataSource(ProxyDataSourceBuilder.create(h2).afterQuery((execution, list) -> queries.addAndGet(list.size()))
				.build());
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
		configuration.setJobExecutorActivate(false);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		engine = configuration.buildProcessEngine();
		engine.getRepositoryService().createDeployment()
				.addModelInstance("programme.bpmn", Bpmn.createExecutableProcess("programme").camundaHistoryTimeToLive(1)
						.startEvent().callActivity("Phase").calledElement("phase")
						.camundaIn("all", "all").camundaInBusinessKey("#{execution.processBusinessKey}")
						.endEvent().done())
				.addModelInstance("phase.bpmn", Bpmn.createExecutableProcess("phase").camundaHistoryTimeToLive(1)
						.startEvent().userTask("Work").endEvent().done())
				.deploy();
		WorkingDays workingDays = new WorkingDays(TestClock.clock());
		deadlines = new ProgrammeDeadlines(engine.getHistoryService(),
				new StatutoryClocks(DeadlineConfiguration.defaultPeriods(), workingDays), DeadlineConfiguration.defaultPeriods(), TestClock.clock());
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@Test
	void deadlinesComeFromTheRootAndThePhaseWithTheirClocksLabelAndSource() {
		// given a transfer on 1 June 2026, and a consultation launched in the phase on 5 January 2026
		ProcessInstance programme = start("SO-2026-0001", day(2026, 6, 1));
		engine.getRuntimeService().setVariable(phaseOf(programme), "publicConsultationStartDate", day(2026, 1, 5));

		// when
		List<Deadline> found = deadlines.of(List.of(programme.getId()), NOW).get(programme.getId());

		// then employee liability information is due at the start of 4 May (28 days before 1 June), the
		// pensions signed a month before the transfer and the contract 10 working days before it
		assertThat(found).extracting(Deadline::clock).containsExactly("tupe-information-lead-time",
				"public-consultation", "pension-admission", "employee-liability-information", "contract-signature",
				"tupe-claims");
		Deadline eli = found.get(3);
		assertThat(eli.label()).isEqualTo("Employee liability information");
		assertThat(eli.source()).isEqualTo("TUPE 2006 reg 11");
		assertThat(eli.due()).isEqualTo(WorkingDays.startOf(LocalDate.of(2026, 5, 4)).toInstant());
		assertThat(eli.status()).isEqualTo(Deadline.Status.UPCOMING);
		assertThat(eli.programmeReference()).isEqualTo("SO-2026-0001");
		// the TUPE lead time (90 days before) ends at the start of 3 March, within its warning period
		assertThat(found.get(0).status()).isEqualTo(Deadline.Status.WARNING);
		// the consultation (12 weeks from 5 January) is a waiting period still running
		assertThat(found.get(1).status()).isEqualTo(Deadline.Status.UPCOMING);
	}

	@Test
	void aPassedDeadlineIsBreachedUntilMetAndAPassedWaitingPeriodIsOver() {
		// given a transfer 20 days away: the 28 days before it have begun; a consultation long over
		ProcessInstance programme = start("SO-2026-0002", day(2026, 3, 22));
		engine.getRuntimeService().setVariable(phaseOf(programme), "publicConsultationStartDate", day(2025, 6, 1));

		// when
		List<Deadline> before = deadlines.of(List.of(programme.getId()), NOW).get(programme.getId());
		engine.getRuntimeService().setVariable(programme.getId(), "employeeLiabilityInformationSentDate", day(2026, 2, 20));
		List<Deadline> after = deadlines.of(List.of(programme.getId()), NOW).get(programme.getId());

		// then
		assertThat(before).extracting(Deadline::clock, Deadline::status).containsExactly(
				tuple("tupe-information-lead-time", Deadline.Status.BREACHED),
				tuple("employee-liability-information", Deadline.Status.BREACHED),
				tuple("pension-admission", Deadline.Status.BREACHED),
				tuple("contract-signature", Deadline.Status.WARNING),
				tuple("tupe-claims", Deadline.Status.UPCOMING));
		assertThat(after).extracting(Deadline::clock).doesNotContain("employee-liability-information");
	}

	@Test
	void onlyTheClockADecisionChoseRuns() {
		// given a notice sent and the Procurement Act standstill chosen
		ProcessInstance programme = start("SO-2026-0003", null);
		engine.getRuntimeService().setVariable(phaseOf(programme), "noticeDate", day(2026, 3, 2));
		engine.getRuntimeService().setVariable(phaseOf(programme), "standstillClock", "pa-standstill");

		// when
		List<Deadline> found = deadlines.of(List.of(programme.getId()), NOW).get(programme.getId());

		// then 8 working days after Monday 2 March ends at midnight at the end of Thursday 12 March
		assertThat(found).singleElement().satisfies(deadline -> {
			assertThat(deadline.clock()).isEqualTo("pa-standstill");
			assertThat(deadline.due()).isEqualTo(WorkingDays.endOf(LocalDate.of(2026, 3, 12)).toInstant());
		});
	}

	@Test
	void theNoticeOfTheContractAwardedIsMetOnlyByItsOwnNotice() {
		// given a contract signed on Monday 2 March after a competition called by a contract notice
		ProcessInstance programme = start("SO-2026-0004", null);
		String phase = phaseOf(programme);
		engine.getRuntimeService().setVariable(phase, "contractNoticeDate", day(2026, 1, 12));
		engine.getRuntimeService().setVariable(phase, "contractSignedDate", day(2026, 3, 2));
		engine.getRuntimeService().setVariable(phase, "contractNoticeClock", "contract-details-notice");

		// when
		List<Deadline> signed = deadlines.of(List.of(programme.getId()), NOW).get(programme.getId());
		engine.getRuntimeService().setVariable(phase, "contractDetailsNoticeDate", day(2026, 3, 9));
		List<Deadline> published = deadlines.of(List.of(programme.getId()), NOW).get(programme.getId());

		// then the notice calling the competition does not count as the notice of the award
		assertThat(signed).extracting(Deadline::clock).containsExactly("contract-details-notice");
		assertThat(published).isEmpty();
	}

	@Test
	void manyProgrammesCostTheSameQueriesAsOne() {
		// given
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			ProcessInstance programme = start("SO-2026-01%02d".formatted(i), day(2026, 6, i));
			engine.getRuntimeService().setVariable(phaseOf(programme), "publicConsultationStartDate", day(2026, 1, i));
			ids.add(programme.getId());
		}

		// when
		queries.set(0);
		Map<String, List<Deadline>> one = deadlines.of(ids.subList(0, 1), NOW);
		int forOne = queries.getAndSet(0);
		Map<String, List<Deadline>> all = deadlines.of(ids, NOW);
		int forAll = queries.get();

		// then
		assertThat(one).hasSize(1);
		assertThat(all).hasSize(8).allSatisfy((id, found) -> assertThat(found).hasSize(6));
		assertThat(forAll).isEqualTo(forOne).isLessThanOrEqualTo(3);
	}

	private ProcessInstance start(String reference, Date transfer) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("nation", "england-wales");
		variables.put("programmeName", "Programme " + reference);
		if (transfer != null) {
			variables.put("targetTransferDate", transfer);
		}
		return engine.getRuntimeService().startProcessInstanceByKey("programme", reference, variables);
	}

	private String phaseOf(ProcessInstance programme) {
		return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(programme.getId())
				.singleResult().getId();
	}

	private static Date day(int year, int month, int day) {
		return WorkingDays.startOf(LocalDate.of(year, month, day));
	}
}
