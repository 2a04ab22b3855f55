package org.spinout.designer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.spinout.model.ModelFile;
import org.spinout.security.SpinoutUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The models area: every deployed model and form with its versions, and each file to view, edit or download. */
@Controller
class ModelsController {

	static final String MODELS = "designer/models";

	static final String VIEWER = "designer/viewer";

	static final String EDITOR = "designer/editor";

	private final ModelCatalogue catalogue;

	ModelsController(ModelCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/designer")
	String models(@AuthenticationPrincipal SpinoutUser user, Model model) {
		model.addAttribute("catalogue", catalogue.read(user));
		return MODELS;
	}

	@GetMapping("/designer/deployments/{deploymentId}/file")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal SpinoutUser user, @PathVariable String deploymentId,
			@RequestParam String name) {
		ModelFile file = file(user, deploymentId, name);
		return ResponseEntity.ok()
				.contentType(file.isForm() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
				.body(file.content());
	}

	@GetMapping("/designer/deployments/{deploymentId}/view")
	String view(@AuthenticationPrincipal SpinoutUser user, @PathVariable String deploymentId, @RequestParam String name,
			Model model) {
		describe(model, file(user, deploymentId, name), deploymentId);
		return VIEWER;
	}

	@GetMapping("/designer/deployments/{deploymentId}/edit")
	String edit(@AuthenticationPrincipal SpinoutUser user, @PathVariable String deploymentId, @RequestParam String name,
			Model model) {
		describe(model, file(user, deploymentId, name), deploymentId);
		return EDITOR;
	}

	private ModelFile file(SpinoutUser user, String deploymentId, String name) {
		Optional<ModelFile> file = catalogue.file(user, deploymentId, name);
		return file.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static void describe(Model model, ModelFile file, String deploymentId) {
		model.addAttribute("file", file);
		model.addAttribute("kind", file.isBpmn() ? "bpmn" : file.isDmn() ? "dmn" : "form");
		model.addAttribute("deploymentId", deploymentId);
	}
}
