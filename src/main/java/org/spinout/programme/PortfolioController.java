package org.spinout.programme;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.spinout.deadline.WorkingDays;
import org.spinout.insight.ProgrammePhases;
import org.spinout.security.SpinoutUser;
import org.spinout.web.BadRequest;
import org.spinout.web.Pagination;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The portfolio: every programme the user may see, with where it stands, and the same rows as
 * CSV. Programme managers and sponsors see every programme, anyone else those they take part in.
 */
@Controller
class PortfolioController {

	static final String VIEW = "programme/portfolio";

	private final Portfolio portfolio;

	private final ProgrammePhases phases;

	private final RagRules rag;

	private final Clock clock;

	PortfolioController(Portfolio portfolio, ProgrammePhases phases, RagRules rag, Clock clock) {
		this.portfolio = portfolio;
		this.phases = phases;
		this.rag = rag;
		this.clock = clock;
	}

	@GetMapping("/programmes")
	String list(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params, Model model) {
		List<ProgrammePhases.Phase> journey = phases.all();
		PortfolioQuery query = query(params, journey);
		Portfolio.Page page = portfolio.page(user, query);
		model.addAttribute("result", page);
		model.addAttribute("query", query);
		model.addAttribute("phases", journey);
		model.addAttribute("parentBodies", portfolio.parentBodies(user));
		model.addAttribute("statuses", ProgrammeStatus.values());
		model.addAttribute("sorts", PortfolioQuery.Sort.values());
		model.addAttribute("ragRules", rag.described());
		model.addAttribute("today", LocalDate.ofInstant(clock.instant(), WorkingDays.LONDON));
		model.addAttribute("pagination", Pagination.of("/programmes", params, query.page(), page.pages()));
		model.addAttribute("csvUrl", csvUrl(params));
		return VIEW;
	}

	@GetMapping("/programmes.csv")
	void csv(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params,
			HttpServletResponse response) throws IOException {
		PortfolioQuery query = query(params, phases.all());
		List<ProgrammeRow> rows = portfolio.all(user, query);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"programmes.csv\"");
		try (Writer out = response.getWriter()) {
			PortfolioCsv.write(rows, out);
		}
	}

	private static PortfolioQuery query(Map<String, String> params, List<ProgrammePhases.Phase> journey) {
		PortfolioQuery query;
		try {
			query = PortfolioQuery.of(params);
		}
		catch (IllegalArgumentException e) {
			throw new BadRequest(e.getMessage());
		}
		if (query.phase() != null && journey.stream().noneMatch(phase -> phase.processKey().equals(query.phase()))) {
			throw new BadRequest("There is no phase called " + query.phase());
		}
		return query;
	}

	/** The export of the same rows: the page's filters and sort, without its page number. */
	private static String csvUrl(Map<String, String> params) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/programmes.csv");
		params.forEach((name, value) -> {
			if (!name.equals("page") && value != null && !value.isBlank()) {
				url.queryParam(name, value);
			}
		});
		return url.encode().build().toUriString();
	}
}
