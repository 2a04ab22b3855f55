package org.spinout.designer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.spinout.form.ComponentType;
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

/** The models area: every deployed model and form, each with its versions, and each file to view, edit or download. */
@Controller
class ModelsController {

	static final String MODELS = "designer/models";

	static final String VIEWER = "designer/viewer";

	static final String EDITOR = "designer/editor";

	static final String VERSIONS = "designer/versions";

	private final ModelCatalogue catalogue;

	private final ModelsArea area;

	ModelsController(ModelCatalogue catalogue, ModelsArea area) {
		this.catalogue = catalogue;
		this.area = area;
	}

	@GetMapping("/designer")
	String models(@AuthenticationPrincipal SpinoutUser user, @RequestParam(name = "q", required = false) String query,
			Model model) {
		model.addAttribute("area", area.read(user, query));
		return MODELS;
	}

	/** One process, decision table or form with every version deployed. */
	@GetMapping("/designer/models/{kind}/{key}")
	String versions(@AuthenticationPrincipal SpinoutUser user, @PathVariable String kind, @PathVariable String key,
			Model model) {
		ModelCatalogue.Catalogue all = catalogue.read(user);
		List<ModelCatalogue.Model> models = switch (kind) {
			case "process" -> all.processes();
			case "decision" -> all.decisions();
			case "form" -> all.forms();
			default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		};
		ModelCatalogue.Model found = models.stream().filter(candidate -> candidate.key().equals(key)).findFirst()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("model", found);
		model.addAttribute("kind", kind);
		model.addAttribute("what", switch (kind) {
			case "process" -> "diagram";
			case "decision" -> "table";
			default -> "form";
		});
		return VERSIONS;
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

	/** A process model with its forms and decision tables, to change in Camunda Modeler. */
	@GetMapping("/designer/deployments/{deploymentId}/bundle")
	ResponseEntity<byte[]> bundle(@AuthenticationPrincipal SpinoutUser user, @PathVariable String deploymentId,
			@RequestParam String name) {
		byte[] zip = catalogue.bundle(user, deploymentId, name)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String fileName = name.substring(name.lastIndexOf('/') + 1).replace(ModelFile.BPMN, "") + ".zip";
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(fileName, StandardCharsets.UTF_8).build().toString())
				.body(zip);
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
		// the form editor offers only what the task pages show
		model.addAttribute("formComponents", String.join(",",
				Arrays.stream(ComponentType.values()).map(ComponentType::jsonName).toList()));
		model.addAttribute("kind", file.isBpmn() ? "bpmn" : file.isDmn() ? "dmn" : "form");
		model.addAttribute("deploymentId", deploymentId);
	}
}
