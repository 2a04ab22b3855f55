package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.deadline.WorkingDays;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The programme's history lists who decided what, when and why, in order, from the engine's history. */
@SpinoutWebTest
class AuditTrailTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	private static final Pattern ROW = Pattern.compile(
			"<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell[^\"]*\"[^>]*>([^<]*)</td>\\s*"
					+ "<td class=\"govuk-table__cell\"[^>]*>([^<]*)</td>\\s*<td class=\"govuk-table__cell\"[^>]*><span>([^<]*)</span>"
					+ ".*?<td class=\"govuk-table__cell spinout-multiline\"[^>]*>([^<]*)</td>",
			Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	private static final String APPRAISAL = "Appraise the options and prepare the outline business case";


	@Test
	void theDecisionsOfASendBackAndAnApprovalAreListedWithWhoWhenAndWhy() {
		// given a programme whose outline business case is sent back once and then approved, a step an hour
		TestProgrammes programmes = new TestProgrammes(starter, tasks);
		at(9, 0);
		String reference = programmes.start("Audit " + System.nanoTime());
		WebClient board = signedIn("board");
		WebClient manager = signedIn("manager");
		WebClient sponsor = signedIn("sponsor");
		at(10, 0);
		complete(board, programmes, reference, TestProgrammes.FIRST_TASK, TestProgrammes.firstTaskForm());
		at(11, 0);
		complete(manager, programmes, reference, TestProgrammes.SECOND_TASK, TestProgrammes.secondTaskForm());
		at(12, 0);
		decide(sponsor, programmes, reference, "ApproveBusinessCase", "sendBack",
				"The financial case needs a line on pensions risk.");
		at(13, 0);
		complete(manager, programmes, reference, TestProgrammes.SECOND_TASK, TestProgrammes.secondTaskForm());
		at(15, 30);
		decide(sponsor, programmes, reference, "ApproveBusinessCase", "approve", null);

		// when
		List<List<String>> trail = rows(signedIn("manager").get("/programmes/" + reference).body());

		// then
		assertThat(trail).containsSubsequence(
				List.of("2 March 2026 at 9am", "Priya Shah", "Started the programme", ""),
				List.of("2 March 2026 at 10am", "Tom Okafor", "Completed ‘" + TestProgrammes.FIRST_TASK_NAME + "’", ""),
				List.of("2 March 2026 at 11am", "Priya Shah", "Completed ‘" + APPRAISAL + "’", ""),
				List.of("2 March 2026 at midday", "Helen Clarke", "Completed ‘Approve the outline business case’",
						"Sent back for changes: The financial case needs a line on pensions risk."),
				List.of("2 March 2026 at 1pm", "Priya Shah", "Completed ‘" + APPRAISAL + "’", ""),
				List.of("2 March 2026 at 3:30pm", "Helen Clarke", "Completed ‘Approve the outline business case’",
						"Approved"));
		assertThat(trail.get(0)).containsExactly("2 March 2026 at 9am", "Priya Shah", "Started the programme", "");
	}

	private void complete(WebClient person, TestProgrammes programmes, String reference, String taskKey,
			String... fields) {
		String task = programmes.task(reference, taskKey).getId();
		assertThat(person.postWithToken("/tasks/" + task + "/complete", fields).statusCode()).isEqualTo(302);
	}

	private void decide(WebClient person, TestProgrammes programmes, String reference, String taskKey,
			String decision, String reasons) {
		String task = programmes.task(reference, taskKey).getId();
		String[] fields = reasons == null ? new String[] { "decision", decision }
				: new String[] { "decision", decision, "decisionReason", reasons };
		assertThat(person.postWithToken("/tasks/" + task + "/complete", fields).statusCode()).isEqualTo(302);
	}

	/** When, who, what and the decision of each line of the history, oldest first. */
	private static List<List<String>> rows(String page) {
		String history = page.substring(page.indexOf("id=\"audit-trail\""));
		List<List<String>> rows = new ArrayList<>();
		Matcher matcher = ROW.matcher(history);
		while (matcher.find()) {
			rows.add(List.of(matcher.group(1).strip(), matcher.group(2).strip(), unescape(matcher.group(3).strip()),
					unescape(matcher.group(4).strip())));
		}
		return rows;
	}

	private static String unescape(String html) {
		return html.replace("&#39;", "'").replace("&amp;", "&").replace("&quot;", "\"");
	}

	private void at(int hour, int minute) {
		clock.moveTo(LocalDateTime.of(2026, 3, 2, hour, minute).atZone(WorkingDays.LONDON)
				.toInstant());
	}

	private WebClient signedIn(String user) {
		WebClient client = new WebClient(port);
		client.signIn(user, "demo");
		return client;
	}
}
