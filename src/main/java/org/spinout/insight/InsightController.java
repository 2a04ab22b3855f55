package org.spinout.insight;

import java.util.List;
import java.util.Map;

import org.spinout.access.ProgrammeAccess;
import org.spinout.security.SpinoutUser;
import org.spinout.web.BadRequest;
import org.spinout.web.Forbidden;
import org.spinout.web.Pagination;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where programmes wait longest, and how each programme's phases compare with their plan: charts
 * drawn in the browser from numbers the page carries in data attributes, each with a table of the
 * same numbers. For those who see every programme: programme managers and sponsors.
 */
@Controller
class InsightController {

	static final String VIEW = "insight/index";

	/** The kinds of task the chart shows; the table lists them all. */
	static final int CHARTED_TASK_TYPES = 15;

	private final Insight insight;

	private final ProgrammeAccess access;

	private final ObjectMapper json;

	InsightController(Insight insight, ProgrammeAccess access, ObjectMapper json) {
		this.insight = insight;
		this.access = access;
		this.json = json;
	}

	/** What a chart draws: one bar per label in each series. */
	record Chart(List<String> labels, List<Series> datasets, boolean horizontal, String axis) {
	}

	record Series(String label, List<? extends Number> data) {
	}

	record ProgrammeChart(Insight.ProgrammeDurations programme, String chart) {
	}

	@GetMapping("/insight")
	String show(@AuthenticationPrincipal SpinoutUser user,
			@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "programme", required = false) String programme, Model model) {
		if (!access.seesEveryProgramme(user)) {
			throw new Forbidden();
		}
		int number = page(page);
		String reference = programme == null || programme.isBlank() ? null : programme.strip();
		if (reference != null && reference.length() > 64) {
			throw new BadRequest("A programme reference has 64 characters or fewer");
		}
		List<Insight.TaskType> types = insight.taskTypes();
		List<Insight.TaskType> charted = types.subList(0, Math.min(types.size(), CHARTED_TASK_TYPES));
		Insight.Page programmes = insight.programmes(number, reference);
		model.addAttribute("taskTypes", types);
		model.addAttribute("taskChart", write(new Chart(
				charted.stream().map(type -> type.name() + " (" + type.phase() + ")").toList(),
				List.of(new Series("Median days", charted.stream().map(Insight.TaskType::medianDays).toList()),
						new Series("Planned days", charted.stream().map(Insight.TaskType::plannedDays).toList())), true,
				"Days")));
		model.addAttribute("programmes", programmes.programmes().stream()
				.map(durations -> new ProgrammeChart(durations, write(new Chart(
						durations.phases().stream().map(Insight.PhaseDuration::phase).toList(),
						List.of(new Series("Actual days", durations.phases().stream()
								.map(Insight.PhaseDuration::actualDays).toList()),
								new Series("Planned days", durations.phases().stream()
										.map(Insight.PhaseDuration::plannedDays).toList())),
						false, "Days"))))
				.toList());
		model.addAttribute("result", programmes);
		model.addAttribute("reference", reference);
		model.addAttribute("pagination", Pagination.of("/insight", reference == null ? Map.of()
				: Map.of("programme", reference), number, programmes.pages()));
		return VIEW;
	}

	private String write(Chart chart) {
		try {
			return json.writeValueAsString(chart);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot write the chart's data", e);
		}
	}

	private static int page(String value) {
		if (value == null || value.isBlank()) {
			return 1;
		}
		try {
			int page = Integer.parseInt(value.trim());
			if (page >= 1 && page <= 100_000) {
				return page;
			}
		}
		catch (NumberFormatException notANumber) {
			// answered below
		}
		throw new BadRequest("The page must be a whole number between 1 and 100,000");
	}
}
