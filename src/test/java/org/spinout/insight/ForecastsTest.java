package org.spinout.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.deadline.StatutoryClocks;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.EngineClockExtension;
import org.spinout.time.LondonTime;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forecast rules, each with instances built for it. Each test deploys a small model of its own
 * (draft, review, a clock, sign) under a key no other test uses, so that the history its medians
 * come from is its own.
 */
@SpinoutWebTest
class ForecastsTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	private static final String NATION = "england-wales";

	@Autowired
	Forecasts forecasts;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	StatutoryClocks clocks;

	/** Monday 2 March 2026, 09:00 in London. */
	final Instant monday = LocalDateTime.of(2026, 3, 2, 9, 0).atZone(WorkingDays.LONDON).toInstant();

	String key;

	String deployment;

	@BeforeEach
	void aModelOfItsOwn() {
		key = "forecast-rules-" + System.nanoTime();
		BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("Forecast rules").camundaHistoryTimeToLive(1)
				.startEvent("Start")
				.userTask("Draft").name("Draft the case").camundaCandidateGroups("programme-managers")
				.camundaDueDate("${workingDays.fromNow(5, nation)}")
				.userTask("Review").name("Review the case").camundaCandidateGroups("programme-managers")
				.camundaDueDate("${workingDays.fromNow(10, nation)}")
				.intermediateCatchEvent("CallIn").name("Call-in window closed")
				.timerWithDate("${clocks.after('call-in-window', reviewedOn, nation)}")
				.userTask("Sign").name("Sign the contract").camundaCandidateGroups("programme-managers")
				.camundaDueDate("${workingDays.fromNow(2, nation)}")
				.endEvent("Signed")
				.done();
		deployment = repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy().getId();
		clock.moveTo(monday);
	}

	@AfterEach
	void removeIt() {
		repository.deleteDeployment(deployment, true);
	}

	@Test
	void withoutHistoryEachStepTakesWhatItsModelPlans() {
		// given
		String instance = start();

		// when
		Forecast forecast = forecasts.of(List.of(instance)).get(instance);

		// then each task takes the working days of its due date, and the clock its length
		Instant drafted = workingDays.add(Date.from(monday), 5, NATION).toInstant();
		Instant reviewed = workingDays.add(Date.from(drafted), 10, NATION).toInstant();
		Instant calledIn = clocks.after("call-in-window", Date.from(reviewed), NATION).toInstant();
		Instant signed = workingDays.add(Date.from(calledIn), 2, NATION).toInstant();
		assertThat(forecast.steps()).extracting(Forecast.Step::activityId, Forecast.Step::finish, Forecast.Step::basis)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("Draft", drafted, Forecast.Basis.PLAN),
						org.assertj.core.groups.Tuple.tuple("Review", reviewed, Forecast.Basis.PLAN),
						org.assertj.core.groups.Tuple.tuple("CallIn", calledIn, Forecast.Basis.CLOCK),
						org.assertj.core.groups.Tuple.tuple("Sign", signed, Forecast.Basis.PLAN));
		// and the forecast is the last step's day, as of today
		assertThat(forecast.goLive()).isEqualTo(LondonTime.dueDay(signed));
		assertThat(forecast.asOf()).isEqualTo(WorkingDays.toLocalDate(Date.from(monday)));
	}

	@Test
	void onceThreeInstancesHaveCompletedAStepItTakesTheirMedian() {
		// given a waiting instance, and drafts that took one, two and six days
		String waiting = start();
		List<String> done = List.of(start(), start(), start());
		completeDraftAfter(done.get(0), Duration.ofDays(1));
		completeDraftAfter(done.get(1), Duration.ofDays(6));
		Forecast afterTwo = forecasts.of(List.of(waiting)).get(waiting);
		completeDraftAfter(done.get(2), Duration.ofDays(2));

		// when
		Forecast afterThree = forecasts.of(List.of(waiting)).get(waiting);

		// then two are not enough: the plan counts
		assertThat(step(afterTwo, "Draft").basis()).isEqualTo(Forecast.Basis.PLAN);
		assertThat(step(afterTwo, "Draft").finish()).isEqualTo(workingDays.add(Date.from(monday), 5, NATION).toInstant());
		// three are: the median, two days from when the draft began
		assertThat(step(afterThree, "Draft").basis()).isEqualTo(Forecast.Basis.HISTORY);
		assertThat(step(afterThree, "Draft").completed()).isEqualTo(3);
		assertThat(step(afterThree, "Draft").finish()).isEqualTo(monday.plus(Duration.ofDays(2)));
		assertThat(step(afterThree, "Review").finish())
				.isEqualTo(workingDays.add(Date.from(monday.plus(Duration.ofDays(2))), 10, NATION).toInstant());
	}

	@Test
	void aRunningStepPastItsExpectedEndIsExpectedNow() {
		// given a draft begun on Monday and still open three weeks later
		String instance = start();
		Instant later = monday.plus(Duration.ofDays(21));
		clock.moveTo(later);

		// when
		Forecast forecast = forecasts.of(List.of(instance)).get(instance);

		// then
		assertThat(step(forecast, "Draft").finish()).isEqualTo(later);
		assertThat(step(forecast, "Review").finish()).isEqualTo(workingDays.add(Date.from(later), 10, NATION).toInstant());
	}

	@Test
	void aRunningClockEndsWhenItsStatuteSays() {
		// given the review recorded on Tuesday 3 March, and the call-in window running from then
		String instance = start();
		tasks.complete(task(instance, "Draft"), Map.of());
		Date reviewedOn = WorkingDays.startOf(java.time.LocalDate.of(2026, 3, 3));
		tasks.complete(task(instance, "Review"), Map.of("reviewedOn", reviewedOn));

		// when
		Forecast forecast = forecasts.of(List.of(instance)).get(instance);

		// then
		assertThat(forecast.steps()).extracting(Forecast.Step::activityId).containsExactly("CallIn", "Sign");
		assertThat(step(forecast, "CallIn").finish()).isEqualTo(clocks.after("call-in-window", reviewedOn, NATION)
				.toInstant());
		assertThat(step(forecast, "CallIn").basis()).isEqualTo(Forecast.Basis.CLOCK);
	}

	@Test
	void anEndedInstanceHasNoForecast() {
		String instance = start();
		runtime.deleteProcessInstance(instance, "Withdrawn");

		assertThat(forecasts.of(List.of(instance))).isEmpty();
	}

	private String start() {
		return runtime.startProcessInstanceByKey(key, Map.of("nation", NATION)).getId();
	}

	private void completeDraftAfter(String instance, Duration duration) {
		clock.moveTo(monday.plus(duration));
		tasks.complete(task(instance, "Draft"), Map.of());
		clock.moveTo(monday);
	}

	private String task(String instance, String key) {
		return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult().getId();
	}

	private static Forecast.Step step(Forecast forecast, String activityId) {
		return forecast.steps().stream().filter(step -> step.activityId().equals(activityId)).findFirst().orElseThrow();
	}
}
