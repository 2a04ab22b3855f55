package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notifications page in a real Chromium, on a desktop and on a phone: narrowed to one
 * programme's unread notifications, one marked read without losing the filter, the rest marked
 * read at once. Each page passes axe and fits the screen.
 */
@SpinoutWebTest
@Slow
class NotificationsBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	ProcessEngine engine;

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void someoneNarrowsTheirNotificationsToOneProgrammeAndReadsThem(int width) {
		// given two tasks offered to the commissioners, in two programmes
		String model = "browser-notices";
		engine.getRepositoryService().createDeployment().name(model).enableDuplicateFiltering(true)
				.addModelInstance(model + ".bpmn", Bpmn.createExecutableProcess(model).name("Browser notices")
						.camundaHistoryTimeToLive(1).startEvent().userTask("Specify").name("Write the specification")
						.camundaCandidateGroups("commissioners").endEvent().done())
				.deploy();
		String mine = "SO-2099-" + (7000 + width);
		engine.getRuntimeService().startProcessInstanceByKey(model, mine);
		engine.getRuntimeService().startProcessInstanceByKey(model, "SO-2099-" + (8000 + width));
		WebDriver driver = chromium.atWidth(width).driver();
		driver.manage().deleteAllCookies();
		chromium.signIn("commissioner", "demo");
		chromium.open("/notifications");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);

		// when they narrow the list to one programme's unread notifications
		if (driver.findElement(By.id("filters")).getAttribute("open") == null) {
			driver.findElement(By.cssSelector("#filters summary")).click();
		}
		new Select(driver.findElement(By.id("programme"))).selectByValue(mine);
		driver.findElement(By.id("unread")).click();
		chromium.follow(By.cssSelector("#filters button[type=submit]"));

		// then only that programme's are listed, and marking one read keeps the list as it was
		assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("1 notification");
		assertThat(driver.findElement(By.className("spinout-notifications")).getText()).contains(mine)
				.doesNotContain("SO-2099-" + (8000 + width));
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
		chromium.follow(By.cssSelector("form[action$='/read'] button"));
		assertThat(driver.findElement(By.className("govuk-notification-banner")).getText()).contains("Marked as read");
		assertThat(driver.getCurrentUrl()).contains("programme=" + mine).contains("unread=true");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("No notification matches these filters.");

		// and the rest are marked read at once
		chromium.follow(By.cssSelector("form[action='/notifications/read-all'] button"));
		assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
				.containsPattern("\\d+ notifications? marked as read");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}
}
