package org.spinout.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.spinout.Slow;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.programme.ProgrammeStarter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task page in a real Chromium, on a desktop and on a phone: the papers so far under their own
 * heading before the approver's own answer, an assignee list that chooses nobody, the programme's
 * facts with no label broken mid-word and its name leading to it, and a task finished before the
 * approver followed a notification to it, told calmly. Each page passes axe and fits the screen.
 */
@SpinoutWebTest
@Slow
class TaskPageBrowserTest {

	@RegisterExtension
	static final Chromium chromium = Chromium.forTheTestClass();

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	String reference;

	Task approval;

	@BeforeEach
	void aBusinessCaseAwaitingTheSponsor() {
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		reference = programmes.start("Task page in a browser " + System.nanoTime());
		tasks.complete(programmes.task(reference, TestProgrammes.FIRST_TASK).getId(), TestProgrammes.firstTaskAnswers());
		tasks.complete(programmes.task(reference, TestProgrammes.SECOND_TASK).getId(), Map.of(
				"preferredOption", "public-service-mutual", "optionsAppraisalSummary", "The mutual scores best.",
				"businessCaseLink", "https://documents.example.org/case"));
		approval = programmes.task(reference, "ApproveBusinessCase");
	}

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void aSponsorReadsThePapersBeforeAnsweringAndReachesTheProgramme(int width) {
		WebDriver driver = signIn("sponsor", width);
		chromium.open("/tasks/" + approval.getId());

		// the papers come first, under their own heading, and the answer asks only what this task asks
		List<String> headings = driver.findElements(By.cssSelector("h2")).stream().map(h -> h.getText()).toList();
		assertThat(headings).containsSubsequence("Papers and answers so far", "Your answer");
		assertThat(driver.findElement(By.cssSelector("form[action$='/complete']")).getText())
				.doesNotContain("https://documents.example.org/case");
		// and nobody is chosen to assign the task to
		assertThat(new Select(driver.findElement(By.id("assignee"))).getFirstSelectedOption().getText())
				.isEqualTo("Choose a person");
		// and each of the programme's facts keeps its label on one line
		assertThat(labelsBrokenAcrossLines()).isEmpty();
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);

		chromium.follow(By.id("programme-link"));
		assertThat(driver.getCurrentUrl()).endsWith("/programmes/" + reference);
	}

	@ParameterizedTest
	@ValueSource(ints = { Chromium.DESKTOP, Chromium.PHONE })
	void aTaskFinishedBeforeTheLinkWasFollowedIsToldCalmly(int width) {
		WebDriver driver = signIn("sponsor", width);
		tasks.complete(approval.getId(), Map.of("decision", "approve"));

		chromium.open("/tasks/" + approval.getId());

		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Approve the outline business case is complete");
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Your answer was not recorded");
		chromium.assertAccessible();
		chromium.assertNoHorizontalScroll(width);
	}

	/** The labels of the programme's facts that take more than one line. */
	private static List<String> labelsBrokenAcrossLines() {
		@SuppressWarnings("unchecked")
		List<String> broken = (List<String>) ((JavascriptExecutor) chromium.driver()).executeScript("""
				return [...document.querySelectorAll('#programme-facts dt')].filter((label) => {
				  const range = document.createRange();
				  range.selectNodeContents(label);
				  return new Set([...range.getClientRects()].map((line) => Math.round(line.top))).size > 1;
				}).map((label) => label.textContent.trim());
				""");
		return broken;
	}

	private static WebDriver signIn(String user, int width) {
		WebDriver driver = chromium.atWidth(width).driver();
		driver.manage().deleteAllCookies();
		chromium.signIn(user, "demo");
		return driver;
	}
}
