package org.spinout.designer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.spinout.model.DeploymentPolicy;
import org.spinout.model.ModelFile;
import org.spinout.model.ModelProblem;
import org.spinout.security.SpinoutUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Deploys models: files uploaded through the form, and a model edited in the browser, which
 * the editor sends as JSON. Either way the files are checked first and nothing is deployed
 * while a problem remains.
 */
@Controller
class DeploymentController {

	static final String UPLOAD = "designer/upload";

	private final DesignerDeployments deployments;

	private final DeploymentPolicy policy;

	DeploymentController(DesignerDeployments deployments, DeploymentPolicy policy) {
		this.deployments = deployments;
		this.policy = policy;
	}

	@ModelAttribute("maxFileSize")
	String maxFileSize() {
		return policy.megabytes();
	}

	@GetMapping("/designer/upload")
	String upload() {
		return UPLOAD;
	}

	@PostMapping("/designer/upload")
	String upload(@AuthenticationPrincipal SpinoutUser user,
			@RequestParam(name = "files", required = false) List<MultipartFile> uploaded,
			@RequestParam(name = "checkOnly", defaultValue = "false") boolean checkOnly, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		List<ModelFile> files = new ArrayList<>();
		for (MultipartFile file : uploaded == null ? List.<MultipartFile>of() : uploaded) {
			if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
				files.add(ModelFile.named(file.getOriginalFilename() == null ? "unnamed" : file.getOriginalFilename(),
						file.getBytes()));
			}
		}
		DeploymentOutcome outcome = deployments.deploy(user, files, checkOnly);
		if (outcome.refused() || outcome.checkOnly()) {
			if (outcome.refused()) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
			model.addAttribute("outcome", outcome);
			return UPLOAD;
		}
		redirect.addFlashAttribute("outcome", outcome);
		return "redirect:/designer";
	}

	/** What the editor sends: the file's name and its content as text. */
	record EditedFile(String fileName, String content, boolean checkOnly) {
	}

	@PostMapping("/designer/deploy")
	@ResponseBody
	ResponseEntity<Map<String, Object>> deploy(@AuthenticationPrincipal SpinoutUser user,
			@RequestBody EditedFile edited) {
		if (edited.fileName() == null || edited.fileName().isBlank() || edited.content() == null) {
			return ResponseEntity.badRequest().body(answer(DeploymentOutcome.refused(
					List.of(ModelProblem.of("request", "needs a file name and the file's content")), edited.checkOnly())));
		}
		DeploymentOutcome outcome = deployments.deploy(user,
				List.of(ModelFile.named(edited.fileName(), edited.content().getBytes(StandardCharsets.UTF_8))),
				edited.checkOnly());
		return ResponseEntity.status(outcome.refused() ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(answer(outcome));
	}

	private static Map<String, Object> answer(DeploymentOutcome outcome) {
		return Map.of(
				"refused", outcome.refused(),
				"checkOnly", outcome.checkOnly(),
				"versions", outcome.versions(),
				"unchanged", outcome.unchanged(),
				"problems", outcome.problems().stream().map(problem -> Map.of(
						"resource", problem.resource(),
						"element", problem.element(),
						"message", problem.message(),
						"warning", problem.warning())).toList());
	}
}
