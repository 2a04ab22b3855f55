package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task lists in a real Chromium, on a desktop and on a phone: a task claimed and another
 * assigned from their rows, the filters opened and applied, an empty list that says where work waits, and the home page's link to
 * the overdue work. Every page passes axe and fits the screen.
 */
@SpinoutWebTest
@Slow
class TaskListBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ProcessEngine engine;

	TestProgrammes programmes;

	@BeforeEach
	void people() {
		programmes = new TestProgrammes(starter, tasks);
		TestProgrammes.ensureUser(identity, "board2", "shadow-board");
		TestProgrammes.ensureUser(identity, "browser-newcomer", "commissioners");
	}

	/** The newcomer leaves: other tests count the members of the commissioners, in the database all share. */
	@AfterEach
	void theNewcomerLeaves() {
		identity.deleteUser("browser-newcomer");
	}

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void aBoardMemberClaimsATaskFromItsRow(int width) {
		String reference = programmes.start("Browser claim " + width + " " + System.nanoTime());
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebDriver driver = signIn("board", width);
		String list = "/tasks/available?programme=" + reference;
		chromium.open(list);
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);

		chromium.follow(By.cssSelector("tr[data-task-id='" + prepare.getId() + "'] form[action$='/claim'] button"));

		assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
				.contains("You have claimed ‘" + TestProgrammes.FIRST_TASK_NAME + "’");
		assertThat(driver.getCurrentUrl()).endsWith(list);
		assertThat(tasks.createTaskQuery().taskId(prepare.getId()).singleResult().getAssignee()).isEqualTo("board");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void aManagerAssignsATaskFromItsRow(int width) {
		String reference = programmes.start("Browser assign " + width + " " + System.nanoTime());
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebDriver driver = signIn("manager", width);
		chromium.open("/tasks/all?programme=" + reference);
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);

		new Select(driver.findElement(By.id("assignee-" + prepare.getId()))).selectByValue("board2");
		chromium.follow(By.cssSelector("tr[data-task-id='" + prepare.getId() + "'] form[action$='/assign'] button"));

		assertThat(driver.findElement(By.className("govuk-notification-banner")).getText())
				.contains("is now assigned to Test board2");
		assertThat(driver.findElement(By.cssSelector("tr[data-task-id='" + prepare.getId() + "']")).getText())
				.contains("Test board2");
		assertThat(tasks.createTaskQuery().taskId(prepare.getId()).singleResult().getAssignee()).isEqualTo("board2");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void aManagerNarrowsAllTasksToAGroupsUnassignedWork(int width) {
		String reference = programmes.start("Browser filters " + width + " " + System.nanoTime());
		Task prepare = programmes.task(reference, TestProgrammes.FIRST_TASK);
		WebDriver driver = signIn("manager", width);
		chromium.open("/tasks/all");

		// when the manager opens the filters, if they are folded away, and narrows the list
		if (driver.findElement(By.id("filters")).getAttribute("open") == null) {
			driver.findElement(By.cssSelector("#filters summary")).click();
		}
		assertThat(new Select(driver.findElement(By.id("phase"))).getOptions().stream().map(WebElement::getText))
				.contains(TestProgrammes.FIRST_PHASE).doesNotContain("Public service spin-out");
		driver.findElement(By.id("programme")).sendKeys(reference);
		new Select(driver.findElement(By.id("group"))).selectByValue("shadow-board");
		new Select(driver.findElement(By.id("assignee"))).selectByValue("none");
		chromium.follow(By.cssSelector("#filters button[type=submit]"));

		// then the group's unassigned task is listed, and the filters stay open to say why
		assertThat(driver.findElement(By.cssSelector("tr[data-task-id='" + prepare.getId() + "']")).getText())
				.contains(TestProgrammes.FIRST_TASK_NAME);
		assertThat(driver.findElement(By.id("filters")).getAttribute("open")).isNotNull();
		assertThat(driver.findElement(By.linkText("Clear the filters")).isDisplayed()).isTrue();
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void aNewcomerFollowsTheHomePageToTheOverdueWorkOfTheirGroup(int width) {
		// given a task offered to the commissioners that has been due since 2020
		String model = "browser-overdue";
		engine.getRepositoryService().createDeployment().name(model).enableDuplicateFiltering(true)
				.addModelInstance(model + ".bpmn", Bpmn.createExecutableProcess(model).name("Browser overdue")
						.camundaHistoryTimeToLive(1).startEvent().userTask("Specify").name("Write the specification")
						.camundaCandidateGroups("commissioners").camundaDueDate("${due}").endEvent().done())
				.deploy();
		String instance = engine.getRuntimeService()
				.startProcessInstanceByKey(model, Map.of("due", Date.from(Instant.parse("2020-01-01T00:00:00Z")))).getId();
		Task specify = tasks.createTaskQuery().processInstanceId(instance).singleResult();
		WebDriver driver = signIn("browser-newcomer", width);

		// when they open their own, empty, list
		chromium.open("/tasks");

		// then it says where work waits, and the home page leads to the overdue work of their group
		assertThat(driver.findElement(By.id("empty-list")).getText()).contains("Nothing is assigned to you.")
				.containsPattern("\\d+ tasks? waits? for your groups");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
		chromium.open("/");
		chromium.follow(By.linkText("See the overdue tasks waiting for your groups"));
		assertThat(driver.findElement(By.cssSelector("tr[data-task-id='" + specify.getId() + "']")).getText())
				.contains("Write the specification").contains("Overdue");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}

	private static WebDriver signIn(String user, int width) {
		WebDriver driver = chromium.atWidth(width).driver();
		driver.manage().deleteAllCookies();
		chromium.signIn(user, "demo");
		return driver;
	}
}
