package org.spinout.form;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A page that shows the test form and checks it, for the browser test of the form markup. Only
 * on the test classpath: the real task pages belong to the task feature.
 */
@Controller
class FormDemoPage {

	static final String PATH = "/test/form-demo";

	private static final String VIEW = "form/demo";

	@GetMapping(PATH)
	String show(Model model) {
		model.addAttribute("schema", FormFixtures.fixture("every-component"));
		return VIEW;
	}

	@PostMapping(PATH)
	String submit(HttpServletRequest request, Model model) {
		FormSchema schema = FormFixtures.fixture("every-component");
		Set<String> files = request instanceof MultipartHttpServletRequest multipart
				? multipart.getFileMap().entrySet().stream().filter(file -> !file.getValue().isEmpty())
						.map(Map.Entry::getKey).collect(Collectors.toSet())
				: Set.of();
		FormSubmission submission = schema.validate(request.getParameterMap(), files);
		model.addAttribute("schema", schema);
		model.addAttribute("submission", submission);
		if (submission.isValid()) {
			model.addAttribute("saved", submission.values());
		}
		return VIEW;
	}
}
