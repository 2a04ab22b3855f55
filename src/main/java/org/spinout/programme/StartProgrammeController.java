package org.spinout.programme;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.spinout.form.FormSchema;
import org.spinout.form.FormSubmission;
import org.spinout.form.Forms;
import org.spinout.identity.Role;
import org.spinout.security.SpinoutUser;
import org.spinout.web.Forbidden;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Starting a programme from the main process's start form: programme managers and the shadow board. */
@Controller
class StartProgrammeController {

	static final String FORM_VIEW = "programme/new";

	static final String STARTED_VIEW = "programme/started";

	private final Forms forms;

	private final RepositoryService repository;

	private final ProgrammeStarter starter;

	StartProgrammeController(Forms forms, RepositoryService repository, ProgrammeStarter starter) {
		this.forms = forms;
		this.repository = repository;
		this.starter = starter;
	}

	@GetMapping("/programmes/new")
	String form(@AuthenticationPrincipal SpinoutUser user, Model model) {
		checkMayStart(user);
		model.addAttribute("schema", startForm());
		return FORM_VIEW;
	}

	@PostMapping("/programmes/new")
	String start(@AuthenticationPrincipal SpinoutUser user, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		checkMayStart(user);
		FormSchema schema = startForm();
		FormSubmission submission = schema.validate(request.getParameterMap());
		if (!submission.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("schema", schema);
			model.addAttribute("submission", submission);
			return FORM_VIEW;
		}
		model.addAttribute("reference", starter.start(submission.values(), user));
		model.addAttribute("programmeName", submission.values().get("programmeName"));
		return STARTED_VIEW;
	}

	private FormSchema startForm() {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
				.processDefinitionKey(ProgrammeStarter.PROCESS_KEY).latestVersion().singleResult();
		return forms.forStart(definition.getId());
	}

	private static void checkMayStart(SpinoutUser user) {
		if (!user.isMemberOf(Role.PROGRAMME_MANAGERS.groupId()) && !user.isMemberOf(Role.SHADOW_BOARD.groupId())) {
			throw new Forbidden();
		}
	}
}
