package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.demo.JourneyDriver;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A cabinet member decides in a real browser: finds the in-principle decision, submits it
 * without an answer, sees the GOV.UK error summary, corrects it, approves, and the task is gone.
 */
@SpinoutWebTest
@Slow
class ApproverJourneyBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	JourneyDriver driver;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aCabinetMemberApprovesAfterCorrectingTheForm() {
		String reference = new TestProgrammes(starter, tasks).start("Browser decision " + System.nanoTime());
		driver.advanceUntil(reference, "TakeInPrincipleDecision");
		ClockUtil.reset();
		Task decision = tasks.createTaskQuery().processInstanceBusinessKey(reference)
				.taskDefinitionKey("TakeInPrincipleDecision").singleResult();

		try (Chromium chromium = new Chromium(port)) {
			chromium.signIn("cabinet", "demo");
			chromium.assertAccessible();
			chromium.open("/tasks/available?programme=" + reference);
			chromium.assertAccessible();
			chromium.driver().findElement(By.linkText(decision.getName())).click();
			assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo(decision.getName());
			chromium.assertAccessible();

			chromium.driver().findElement(By.cssSelector("form[action$='/complete'] button[type=submit]")).click();

			// finding the summary waits for the answer page; only then is its title the new one
			assertThat(chromium.driver().findElement(By.className("govuk-error-summary")).getText())
					.contains("There is a problem");
			assertThat(chromium.driver().getTitle()).startsWith("Error: ");
			chromium.assertAccessible();

			chromium.driver().findElement(By.cssSelector("input[name=decision][value=approve]")).click();
			chromium.driver().findElement(By.cssSelector("form[action$='/complete'] button[type=submit]")).click();

			assertThat(chromium.driver().findElement(By.className("govuk-notification-banner")).getText())
					.contains("is complete");
			chromium.assertAccessible();
			chromium.open("/tasks/available?programme=" + reference);
			assertThat(chromium.driver().getPageSource()).doesNotContain(decision.getId());
			chromium.assertAccessible();
		}
		assertThat(tasks.createTaskQuery().taskId(decision.getId()).count()).isZero();
	}
}
