package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The account and notifications pages pass axe-core's WCAG 2.2 AA rules in a real Chromium, errors included. */
@SpinoutWebTest
@Slow
class NotificationAccessibilityTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	ProcessEngine engine;

	@Test
	void theAccountPageAndItsErrorsAreAccessible() {
		chromium.driver().manage().deleteAllCookies();
		chromium.signIn("finance", "demo");
		chromium.open("/account");
		chromium.assertAccessible();

		chromium.driver().findElement(By.id("email")).sendKeys("not an address");
		chromium.follow(By.cssSelector("form[action='/account'] button[type=submit]"));

		assertThat(chromium.driver().findElement(By.className("govuk-error-summary")).getText())
				.contains("Enter an e-mail address in the correct format");
		chromium.assertAccessible();

		chromium.follow(By.cssSelector("form[action='/account/calendar-token'] button"));
		assertThat(chromium.driver().findElement(By.id("calendar-url")).getAttribute("value")).contains("token=");
		chromium.assertAccessible();
	}

	@Test
	void theNotificationsPageIsAccessible() {
		// given a task offered to the legal team, whose member is told
		engine.getRepositoryService().createDeployment().name("accessibility-notice").enableDuplicateFiltering(true)
				.addModelInstance("accessibility-notice.bpmn", Bpmn.createExecutableProcess("accessibility-notice")
						.name("Accessibility notice").camundaHistoryTimeToLive(1)
						.startEvent().userTask("Review").name("Review the lease").camundaCandidateGroups("legal")
						.endEvent().done())
				.deploy();
		engine.getRuntimeService().startProcessInstanceByKey("accessibility-notice", "SO-2099-0500");
		chromium.driver().manage().deleteAllCookies();
		chromium.signIn("legal", "demo");
		chromium.open("/notifications");

		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Notifications");
		assertThat(chromium.driver().findElement(By.tagName("main")).getText())
				.contains("New task for your team: Review the lease (SO-2099-0500)");
		chromium.assertAccessible();
	}
}
