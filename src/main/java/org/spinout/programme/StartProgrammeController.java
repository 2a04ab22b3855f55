package org.spinout.programme;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.spinout.access.ProgrammeAccess;
import org.spinout.contract.Processes;
import org.spinout.contract.Variables;
import org.spinout.form.FormSchema;
import org.spinout.form.FormSubmission;
import org.spinout.form.Forms;
import org.spinout.security.SpinoutUser;
import org.spinout.web.Forbidden;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Starting a programme from the main process's start form, for programme managers and the shadow
 * board, in the GOV.UK steps: the questions, a page to check the answers, and a confirmation.
 * Each step that changes something answers with a redirect, so that reloading a page never
 * starts a second programme. The answers wait in the session between the steps; starting takes
 * them out, so a second press of the button finds none and starts nothing.
 */
@Controller
class StartProgrammeController {

	static final String FORM_VIEW = "programme/new";

	static final String CHECK_VIEW = "programme/check";

	static final String STARTED_VIEW = "programme/started";

	static final String TITLE = "Start a programme";

	/** The answers given, as the request carried them, until the programme starts. */
	static final String ANSWERS = StartProgrammeController.class.getName() + ".answers";

	/** The programme this session started last, for its confirmation page. */
	static final String STARTED = StartProgrammeController.class.getName() + ".started";

	private static final String CSRF_PARAMETER = "_csrf";

	private final Forms forms;

	private final RepositoryService repository;

	private final ProgrammeStarter starter;

	private final ProgrammeAccess access;

	StartProgrammeController(Forms forms, RepositoryService repository, ProgrammeStarter starter,
			ProgrammeAccess access) {
		this.forms = forms;
		this.repository = repository;
		this.starter = starter;
		this.access = access;
	}

	record Started(String reference, String name) {
	}

	/** The questions: empty, or with the answers given so far when the person comes back to change one. */
	@GetMapping("/programmes/new")
	String form(@AuthenticationPrincipal SpinoutUser user, HttpSession session, Model model) {
		checkMayStart(user);
		FormSchema form = startForm();
		Map<String, String[]> answers = answers(session);
		return showForm(form, answers == null ? null : check(form, answers), model);
	}

	@PostMapping("/programmes/new")
	String answer(@AuthenticationPrincipal SpinoutUser user, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		checkMayStart(user);
		FormSchema form = startForm();
		Map<String, String[]> answers = new HashMap<>(request.getParameterMap());
		answers.remove(CSRF_PARAMETER);
		FormSubmission submission = check(form, answers);
		if (!submission.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showForm(form, submission, model);
		}
		request.getSession().setAttribute(ANSWERS, answers);
		return "redirect:/programmes/new/check";
	}

	@GetMapping("/programmes/new/check")
	String checkAnswers(@AuthenticationPrincipal SpinoutUser user, HttpSession session, Model model) {
		checkMayStart(user);
		Map<String, String[]> answers = answers(session);
		if (answers == null) {
			return "redirect:/programmes/new";
		}
		FormSchema form = startForm();
		FormSubmission submission = check(form, answers);
		if (!submission.isValid()) {
			return "redirect:/programmes/new";
		}
		model.addAttribute("formTitle", form.title().orElse(TITLE));
		model.addAttribute("answers", form.answers(submission));
		return CHECK_VIEW;
	}

	@PostMapping("/programmes/new/check")
	String start(@AuthenticationPrincipal SpinoutUser user, HttpSession session) {
		checkMayStart(user);
		Map<String, String[]> answers;
		synchronized (WebUtils.getSessionMutex(session)) {
			answers = answers(session);
			session.removeAttribute(ANSWERS);
		}
		if (answers == null) {
			// pressed twice, or in a second tab: the first press started it
			return session.getAttribute(STARTED) != null ? "redirect:/programmes/new/started"
					: "redirect:/programmes/new";
		}
		FormSubmission submission = check(startForm(), answers);
		if (!submission.isValid()) {
			// an answer has gone stale since it was checked, such as a date now past: ask again
			session.setAttribute(ANSWERS, answers);
			return "redirect:/programmes/new";
		}
		String reference = starter.start(submission.values(), user);
		session.setAttribute(STARTED,
				new Started(reference, (String) submission.values().get(Variables.PROGRAMME_NAME)));
		return "redirect:/programmes/new/started";
	}

	@GetMapping("/programmes/new/started")
	String started(@AuthenticationPrincipal SpinoutUser user, HttpSession session, Model model) {
		checkMayStart(user);
		if (!(session.getAttribute(STARTED) instanceof Started started)) {
			return "redirect:/programmes/new";
		}
		model.addAttribute("started", started);
		return STARTED_VIEW;
	}

	private String showForm(FormSchema form, FormSubmission submission, Model model) {
		model.addAttribute("formTitle", form.title().orElse(TITLE));
		model.addAttribute("schema", form.withoutTitle());
		model.addAttribute("submission", submission);
		return FORM_VIEW;
	}

	/**
	 * The form's own rules and the one between two answers that a form cannot state: no more staff
	 * transfer than the service employs. All of them in one round, so that the person corrects
	 * everything at once.
	 */
	private static FormSubmission check(FormSchema form, Map<String, String[]> answers) {
		FormSubmission submission = form.validate(answers);
		Object staff = submission.checkedValue(Variables.STAFF_COUNT).orElse(null);
		Object transferring = submission.checkedValue(Variables.TRANSFERRING_STAFF_COUNT).orElse(null);
		if (staff instanceof Number employed && transferring instanceof Number moving
				&& moving.doubleValue() > employed.doubleValue()) {
			submission = submission.withError(Variables.TRANSFERRING_STAFF_COUNT,
					"Staff who will transfer must be no more than the staff employed in the service");
		}
		return submission;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String[]> answers(HttpSession session) {
		return (Map<String, String[]>) session.getAttribute(ANSWERS);
	}

	private FormSchema startForm() {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
				.processDefinitionKey(Processes.PROGRAMME).latestVersion().singleResult();
		return forms.forStart(definition.getId());
	}

	private void checkMayStart(SpinoutUser user) {
		if (!access.mayStart(user)) {
			throw new Forbidden();
		}
	}
}
