package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.deadline.StatutoryClocks;
import org.spinout.deadline.WorkingDays;
import org.spinout.insight.Forecast;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The forecast rules, each with programmes built for it: without history a step takes what its model
 * plans, once enough instances have completed it takes their median. This class has an application
 * context of its own (two completions are enough here), so that the medians come from its own
 * programmes only.
 */
@SpinoutWebTest
@TestPropertySource(properties = "spinout.forecast.minimum-history=2")
class ForecastTest {

	private static final String PREPARE = "PrepareBusinessCase";

	private static final Map<String, Object> PREPARED = Map.of("businessCaseStage", "outline", "preferredOption",
			"public-service-mutual", "optionsAppraisalSummary", "x".repeat(60), "businessCaseLink",
			"https://documents.example.org/case");

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ProgrammePage page;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	StatutoryClocks clocks;

	TestProgrammes programmes;

	/** Monday 2 March 2026, 09:00 in London. */
	Instant monday = LocalDateTime.of(2026, 3, 2, 9, 0).atZone(WorkingDays.LONDON).toInstant();

	@BeforeEach
	void onAMonday() {
		programmes = new TestProgrammes(starter, tasks);
		ClockUtil.setCurrentTime(Date.from(monday));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void withoutHistoryEachStepTakesWhatItsModelPlans() {
		// given
		String reference = programmes.start("Plan " + System.nanoTime());

		// when
		Forecast forecast = forecast(reference);

		// then the financial sign-off (never completed here) takes its due date's 10 working days
		Instant prepared = step(forecast, PREPARE).finish();
		Forecast.Step signOff = step(forecast, "SignOffFinancialCase");
		assertThat(signOff.basis()).isEqualTo(Forecast.Basis.PLAN);
		assertThat(signOff.finish()).isEqualTo(workingDays.add(Date.from(prepared), 10, "england-wales").toInstant());
		// and the notice period runs its statutory clock from the notice's expected publication
		Instant published = step(forecast, "PublishKeyDecisionNotice").finish();
		Forecast.Step notice = step(forecast, "KeyDecisionNoticePeriodEnded");
		assertThat(notice.basis()).isEqualTo(Forecast.Basis.CLOCK);
		assertThat(notice.finish()).isEqualTo(clocks.after("key-decision-notice", Date.from(published), "england-wales")
				.toInstant());
		// and go-live is the day the last remaining step is expected to finish, forecast today
		Instant last = forecast.steps().stream().map(Forecast.Step::finish).max(Comparator.naturalOrder()).orElseThrow();
		assertThat(forecast.goLive()).isEqualTo(WorkingDays.toLocalDate(Date.from(last.minusMillis(1))));
		assertThat(forecast.asOf()).isEqualTo(WorkingDays.toLocalDate(Date.from(monday)));
		assertThat(forecast.steps()).extracting(Forecast.Step::activityId).contains("ConfirmGoLive");
	}

	@Test
	void onceEnoughInstancesHaveCompletedAStepItTakesTheirMedian() {
		// given two programmes whose business cases took two and four days
		String quick = programmes.start("Quick " + System.nanoTime());
		String slow = programmes.start("Slow " + System.nanoTime());
		String waiting = programmes.start("Waiting " + System.nanoTime());
		completePrepareAfter(quick, Duration.ofDays(2));
		ClockUtil.setCurrentTime(Date.from(monday));
		Forecast afterOne = forecast(waiting);
		completePrepareAfter(slow, Duration.ofDays(4));
		ClockUtil.setCurrentTime(Date.from(monday));

		// when
		Forecast afterTwo = forecast(waiting);

		// then one completion is not enough: the plan still counts
		assertThat(step(afterOne, PREPARE).basis()).isEqualTo(Forecast.Basis.PLAN);
		assertThat(step(afterOne, PREPARE).finish())
				.isEqualTo(programmes.task(waiting, PREPARE).getDueDate().toInstant());
		// two are: the median of two and four days, counted from when the task began
		assertThat(step(afterTwo, PREPARE).basis()).isEqualTo(Forecast.Basis.HISTORY);
		assertThat(step(afterTwo, PREPARE).completed()).isEqualTo(2);
		assertThat(step(afterTwo, PREPARE).finish()).isEqualTo(monday.plus(Duration.ofDays(3)));
		// and the steps after it move with it
		assertThat(step(afterTwo, "SignOffFinancialCase").finish())
				.isBefore(step(afterOne, "SignOffFinancialCase").finish());
	}

	@Test
	void thePageShowsTheForecastWithTheDateItAssumes() {
		String reference = programmes.start("Shown " + System.nanoTime());
		Forecast forecast = forecast(reference);
		WebClient sponsor = new WebClient(port);
		sponsor.signIn("sponsor", "demo");

		String shown = sponsor.get("/programmes/" + reference).body();

		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
		assertThat(shown).contains("Forecast go-live", forecast.goLive().format(day), "Forecast on 2 March 2026",
				"How the forecast is made", "Planned in the model", "Date set by the clock");
		assertThat(sponsor.get("/programmes?q=" + reference).body()).contains("Forecasts as of 2 March 2026",
				forecast.goLive().format(day));
	}

	private void completePrepareAfter(String reference, Duration duration) {
		ClockUtil.setCurrentTime(Date.from(monday.plus(duration)));
		tasks.complete(programmes.task(reference, PREPARE).getId(), PREPARED);
	}

	private Forecast forecast(String reference) {
		return page.summary(reference).orElseThrow().forecast();
	}

	private static Forecast.Step step(Forecast forecast, String activityId) {
		return forecast.steps().stream().filter(step -> step.activityId().equals(activityId)).findFirst().orElseThrow();
	}
}
