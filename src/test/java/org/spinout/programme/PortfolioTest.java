package org.spinout.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinout.SpinoutWebTest;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;
import org.spinout.engine.EngineClockExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portfolio lists the programmes with where each stands, and filters, searches, sorts and pages them. */
@SpinoutWebTest
class PortfolioTest {

	@RegisterExtension
	final EngineClockExtension clock = EngineClockExtension.systemTime();

	private static final Pattern ROW = Pattern.compile("data-reference=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ProgrammeStarter starter;

	@Autowired
	TaskService tasks;

	@Autowired
	ProgrammeActions actions;

	TestProgrammes programmes;

	WebClient manager;

	/** A word in the names of this test's programmes only, so searches find just them. */
	String tag;

	Instant began;


	@BeforeEach
	void signIn() {
		began = Instant.now();
		programmes = new TestProgrammes(starter, tasks);
		manager = new WebClient(port);
		manager.signIn("manager", "demo");
		tag = "Portfolio" + System.nanoTime();
	}

	@Test
	void aProgrammeShowsWhereItStands() {
		// given
		String reference = programmes.start(tag + " libraries", Map.of("parentBody", "Torbay Council"));

		// when
		String page = manager.get("/programmes?q=" + tag).body();

		// then
		assertThat(references(page)).containsExactly(reference);
		assertThat(page).contains(tag + " libraries", "Torbay Council", TestProgrammes.FIRST_PHASE,
				"govuk-tag--green\">Green", TestProgrammes.FIRST_TASK_NAME, "How the RAG status is decided",
				"Red: a statutory deadline has passed, or a task is overdue by more than 5 working days.",
				"Amber: a statutory deadline falls within the next 10 working days, or a task is overdue.",
				"Forecasts as of");
		assertThat(page).containsPattern("govuk-table__cell--numeric\"[^>]*>1<");
	}

	@Test
	void searchFindsReferenceNameParentBodyAndService() {
		String libraries = programmes.start(tag + " libraries", Map.of("parentBody", tag + " Borough Council"));
		String care = programmes.start("Care " + System.nanoTime(), Map.of("serviceName", tag + " adult care"));

		assertThat(references(manager.get("/programmes?q=" + tag.toLowerCase()).body()))
				.containsExactlyInAnyOrder(libraries, care);
		assertThat(references(manager.get("/programmes?q=" + care).body())).containsExactly(care);
		assertThat(references(manager.get("/programmes?q=" + tag + "%25").body())).isEmpty();
	}

	@Test
	void filtersByParentBodyPhaseAndStatus() {
		// given two programmes of different parent bodies, one of them stopped
		String devon = programmes.start(tag + " Devon", Map.of("parentBody", tag + " Devon"));
		String cornwall = programmes.start(tag + " Cornwall", Map.of("parentBody", tag + " Cornwall"));
		actions.stop(cornwall, "The council withdrew its support", TestProgrammes.MANAGER);

		// then
		assertThat(references(manager.get("/programmes?q=" + tag + "&parentBody=" + tag + "+Devon").body()))
				.containsExactly(devon);
		assertThat(manager.get("/programmes").body()).contains("<option value=\"" + tag + " Devon\">");
		assertThat(references(manager.get("/programmes?q=" + tag + "&phase=business-case").body()))
				.containsExactly(devon);
		assertThat(references(manager.get("/programmes?q=" + tag + "&phase=go-live").body())).isEmpty();
		assertThat(references(manager.get("/programmes?q=" + tag + "&status=stopped").body()))
				.containsExactly(cornwall);
		assertThat(references(manager.get("/programmes?q=" + tag + "&status=active").body())).containsExactly(devon);
		assertThat(references(manager.get("/programmes?q=" + tag + "&status=live").body())).isEmpty();
	}

	@Test
	void sortsByNameReferenceOrAge() {
		String second = startMinutesLater(1, tag + " B");
		String first = startMinutesLater(2, tag + " A");
		String third = startMinutesLater(3, tag + " C");

		assertThat(references(manager.get("/programmes?q=" + tag + "&sort=name").body()))
				.containsExactly(first, second, third);
		assertThat(references(manager.get("/programmes?q=" + tag + "&sort=reference").body()))
				.containsExactly(second, first, third);
		assertThat(references(manager.get("/programmes?q=" + tag).body())).containsExactly(third, first, second);
		assertThat(references(manager.get("/programmes?q=" + tag + "&sort=oldest").body()))
				.containsExactly(second, first, third);
	}

	@Test
	void showsPagesOf25() {
		List<String> started = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			started.add(startMinutesLater(i, tag + " " + i));
		}

		String first = manager.get("/programmes?q=" + tag + "&sort=oldest").body();
		String second = manager.get("/programmes?q=" + tag + "&sort=oldest&page=2").body();

		assertThat(references(first)).containsExactlyElementsOf(started.subList(0, 25));
		assertThat(references(second)).containsExactly(started.get(25));
		assertThat(first).contains("26 programmes").contains("page=2");
	}

	@Test
	void badInputIsAnsweredWithWhatIsWrong() {
		assertBadRequest(manager.get("/programmes?sort=sideways"), "Sort by newest, oldest, reference, name or parent-body");
		assertBadRequest(manager.get("/programmes?page=0"), "The page must be between 1 and 100,000");
		assertBadRequest(manager.get("/programmes?status=asleep"), "The status must be active, suspended, stopped or live");
		assertBadRequest(manager.get("/programmes?phase=coffee"), "There is no phase called coffee");
		assertBadRequest(manager.get("/programmes.csv?phase=coffee"), "There is no phase called coffee");
	}

	/** Starts a programme the given minutes after the test began, so that their ages differ. */
	private String startMinutesLater(int minutes, String name) {
		clock.moveTo(began.plus(Duration.ofMinutes(minutes)));
		return programmes.start(name);
	}

	static List<String> references(String page) {
		List<String> references = new ArrayList<>();
		Matcher matcher = ROW.matcher(page);
		while (matcher.find()) {
			references.add(matcher.group(1));
		}
		return references;
	}

	private static void assertBadRequest(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains(message);
	}
}
