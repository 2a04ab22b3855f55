package org.spinout.programme;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.spinout.access.ProgrammeAccess;
import org.spinout.document.Documents;
import org.spinout.identity.People;
import org.spinout.security.SpinoutUser;
import org.spinout.web.BadRequest;
import org.spinout.web.Forbidden;
import org.spinout.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A programme's own page, its deadlines as a calendar, and what programme managers do to it. A
 * programme the user may not see is answered 404, the same as one that does not exist; an action
 * by someone who may see but not act is answered 403.
 */
@Controller
class ProgrammeController {

	static final String VIEW = "programme/programme";

	static final String STOP_VIEW = "programme/stop";

	static final String REASSIGN_VIEW = "programme/reassign";

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final ProgrammeAccess access;

	private final ProgrammePage page;

	private final ProgrammeActions actions;

	private final ProgrammeDiagram diagrams;

	private final DeadlineCalendar calendars;

	private final Documents documents;

	private final People people;

	private final Clock clock;

	ProgrammeController(ProgrammeAccess access, ProgrammePage page, ProgrammeActions actions,
			ProgrammeDiagram diagrams, DeadlineCalendar calendars, Documents documents, People people,
			Clock clock) {
		this.access = access;
		this.page = page;
		this.actions = actions;
		this.diagrams = diagrams;
		this.calendars = calendars;
		this.documents = documents;
		this.people = people;
		this.clock = clock;
	}

	@GetMapping("/programmes/{reference}")
	String show(@AuthenticationPrincipal SpinoutUser user, @PathVariable String reference,
			@RequestParam(name = "diagram", required = false) String diagram, Model model) {
		checkVisible(user, reference);
		ProgrammePage.View view = page.of(reference).orElseThrow(NotFound::new);
		model.addAttribute("view", view);
		model.addAttribute("programme", view.programme());
		model.addAttribute("diagram", diagrams.choose(reference, diagram));
		model.addAttribute("documents", documents.forProgramme(reference));
		model.addAttribute("documentUpload", Documents.programmeUploadAction(reference));
		model.addAttribute("returnTo", "/programmes/" + reference);
		return VIEW;
	}

	/** The data of the diagram viewer: the model, and where the programme stands in it. */
	@GetMapping(path = "/programmes/{reference}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ProgrammeDiagram.Data diagram(@AuthenticationPrincipal SpinoutUser user, @PathVariable String reference,
			@RequestParam(name = "process", required = false) String process) {
		checkVisible(user, reference);
		if (process == null || process.isBlank() || process.length() > 64) {
			throw new BadRequest("Name the process whose diagram to show");
		}
		return diagrams.data(reference, process).orElseThrow(NotFound::new);
	}

	@GetMapping("/programmes/{reference}/deadlines.ics")
	ResponseEntity<String> calendar(@AuthenticationPrincipal SpinoutUser user, @PathVariable String reference) {
		checkVisible(user, reference);
		ProgrammeRow programme = page.summary(reference).orElseThrow(NotFound::new);
		return ResponseEntity.ok()
				.contentType(CALENDAR)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(reference + "-deadlines.ics").build().toString())
				.body(calendars.of(programme, clock.instant()));
	}

	@PostMapping("/programmes/{reference}/suspend")
	String suspend(@AuthenticationPrincipal SpinoutUser user, @PathVariable String reference,
			RedirectAttributes redirect) {
		checkManager(user, reference);
		return act(reference, redirect, "The programme is suspended: its tasks wait until it is resumed.",
				() -> actions.suspend(reference, user));
	}

	@PostMapping("/programmes/{reference}/resume")
	String resume(@AuthenticationPrincipal SpinoutUser user, @PathVariable String reference,
			RedirectAttributes redirect) {
		checkManager(user, reference);
		return act(reference, redirect, "The programme is running again.", () -> actions.resume(reference, user));
	}

	@GetMapping("/programmes/{reference}/stop")
	String stopForm(@AuthenticationPrincipal SpinoutUser user, @PathVariable String reference, Model model) {
		checkManager(user, reference);
		ProgrammeRow programme = page.summary(reference).orElseThrow(NotFound::new);
		model.addAttribute("programme", programme);
		return STOP_VIEW;
	}

	@PostMapping("/programmes/{reference}/stop")
	String stop(@AuthenticationPrincipal SpinoutUser user, @PathVariable String reference,
			@RequestParam(name = "reason", required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		checkManager(user, reference);
		String error = reason == null || reason.isBlank() ? "Enter the reason for stopping the programme"
				: reason.strip().length() > ProgrammeActions.MAX_REASON
						? "The reason must be " + ProgrammeActions.MAX_REASON + " characters or fewer"
						: null;
		if (error != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("programme", page.summary(reference).orElseThrow(NotFound::new));
			model.addAttribute("reason", reason);
			model.addAttribute("error", error);
			return STOP_VIEW;
		}
		return act(reference, redirect, "The programme is stopped. The reason is recorded in its history.",
				() -> actions.stop(reference, reason.strip(), user));
	}

	@GetMapping("/programmes/reassign")
	String reassignForm(@AuthenticationPrincipal SpinoutUser user, Model model) {
		checkManager(user);
		model.addAttribute("people", people());
		return REASSIGN_VIEW;
	}

	@PostMapping("/programmes/reassign")
	String reassign(@AuthenticationPrincipal SpinoutUser user,
			@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		checkManager(user);
		String field = null;
		String error = null;
		if (from == null || from.isBlank()) {
			field = "from";
			error = "Choose the person whose tasks to reassign";
		}
		else if (to == null || to.isBlank()) {
			field = "to";
			error = "Choose the person to give the tasks to";
		}
		else {
			try {
				int moved = actions.reassign(from, to, user);
				redirect.addFlashAttribute("success", (moved == 1 ? "1 task" : moved + " tasks") + " reassigned to "
						+ people.name(to) + ".");
				return "redirect:/programmes/reassign";
			}
			catch (ProgrammeActions.Refused refused) {
				field = "to";
				error = refused.getMessage();
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("people", people());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("errorField", field);
		model.addAttribute("error", error);
		return REASSIGN_VIEW;
	}

	private String act(String reference, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", success);
		}
		catch (ProgrammeActions.Refused refused) {
			redirect.addFlashAttribute("problem", refused.getMessage());
		}
		catch (OptimisticLockingException concurrent) {
			redirect.addFlashAttribute("problem",
					"Someone changed this programme at the same moment, so nothing was done. Look again and retry.");
		}
		return "redirect:/programmes/" + reference;
	}

	private List<People.Person> people() {
		return people.everyone().stream().sorted(People.BY_NAME).toList();
	}

	private void checkVisible(SpinoutUser user, String reference) {
		if (reference == null || reference.length() > 64 || !access.canSee(user, reference)) {
			throw new NotFound();
		}
	}

	private void checkManager(SpinoutUser user, String reference) {
		checkVisible(user, reference);
		checkManager(user);
		if (!page.exists(reference)) {
			throw new NotFound();
		}
	}

	private void checkManager(SpinoutUser user) {
		if (!access.mayManage(user)) {
			throw new Forbidden();
		}
	}
}
