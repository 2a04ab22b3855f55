package org.spinout.designer;

import java.util.List;

import org.spinout.security.SpinoutUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Moves running programmes to another version of their process: choose the versions, see the
 * engine's proposed mapping and what it cannot map, move chosen programmes or all, read the report.
 */
@Controller
class MigrationController {

	static final String MIGRATION = "designer/migration";

	static final String REPORT = "designer/migration-report";

	private final ProgrammeMigration migration;

	private final ModelCatalogue catalogue;

	MigrationController(ProgrammeMigration migration, ModelCatalogue catalogue) {
		this.migration = migration;
		this.catalogue = catalogue;
	}

	@GetMapping("/designer/migration")
	String choose(@AuthenticationPrincipal SpinoutUser user, @RequestParam(required = false) String source,
			@RequestParam(required = false) String target, Model model, HttpServletResponse response) {
		model.addAttribute("versions", catalogue.processVersions(user));
		model.addAttribute("source", source);
		model.addAttribute("target", target);
		if (source != null || target != null) {
			try {
				model.addAttribute("proposal", migration.propose(user, source, target));
			}
			catch (ProgrammeMigration.WrongChoice e) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("error", e.getMessage());
			}
		}
		return MIGRATION;
	}

	@PostMapping("/designer/migration")
	String migrate(@AuthenticationPrincipal SpinoutUser user, @RequestParam String source, @RequestParam String target,
			@RequestParam(name = "programmes", required = false) List<String> programmes,
			@RequestParam(name = "all", defaultValue = "false") boolean all, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!all && (programmes == null || programmes.isEmpty())) {
			return refuse(user, source, target, "Select the programmes to move, or move all of them", model, response);
		}
		try {
			redirect.addFlashAttribute("report", migration.migrate(user, source, target,
					programmes == null ? List.of() : programmes, all));
		}
		catch (ProgrammeMigration.WrongChoice e) {
			return refuse(user, source, target, e.getMessage(), model, response);
		}
		return "redirect:/designer/migration/report";
	}

	@GetMapping("/designer/migration/report")
	String report(Model model) {
		return model.containsAttribute("report") ? REPORT : "redirect:/designer/migration";
	}

	private String refuse(SpinoutUser user, String source, String target, String error, Model model,
			HttpServletResponse response) {
		String view = choose(user, source, target, model, response);
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("error", error);
		return view;
	}
}
