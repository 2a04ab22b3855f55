package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.demo.JourneyDriver;
import org.spinout.engine.EngineClockExtension;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cabinet member decides in a real browser: finds the in-principle decision, submits it
 * without an answer, sees the GOV.UK error summary, corrects it, approves, and the task is gone.
 */
@SpinoutWebTest
@Slow
class ApproverJourneyBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	JourneyDriver driver;

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	@Test
	void aCabinetMemberApprovesAfterCorrectingTheForm() {
		String reference = new TestProgrammes(starter, tasks).start("Browser decision " + System.nanoTime());
		driver.advanceUntil(reference, "TakeInPrincipleDecision");
		clock.reset();
		Task decision = tasks.createTaskQuery().processInstanceBusinessKey(reference)
				.taskDefinitionKey("TakeInPrincipleDecision").singleResult();

		chromium.signIn("cabinet", "demo");
		chromium.assertAccessible();
		chromium.open("/tasks/available?programme=" + reference);
		chromium.assertAccessible();
		chromium.follow(By.linkText(decision.getName()));
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo(decision.getName());
		chromium.assertAccessible();

		chromium.follow(By.cssSelector("form[action$='/complete'] button[type=submit]"));

		assertThat(chromium.driver().findElement(By.className("govuk-error-summary")).getText())
				.contains("There is a problem");
		assertThat(chromium.driver().getTitle()).startsWith("Error: ");
		chromium.assertAccessible();

		chromium.driver().findElement(By.cssSelector("input[name=decision][value=approve]")).click();
		chromium.follow(By.cssSelector("form[action$='/complete'] button[type=submit]"));

		assertThat(chromium.driver().findElement(By.className("govuk-notification-banner")).getText())
				.contains("is complete");
		chromium.assertAccessible();
		chromium.open("/tasks/available?programme=" + reference);
		assertThat(chromium.driver().getPageSource()).doesNotContain(decision.getId());
		chromium.assertAccessible();
		assertThat(tasks.createTaskQuery().taskId(decision.getId()).count()).isZero();
	}
}
