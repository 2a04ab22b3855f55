package org.spinout.designer;

import org.spinout.form.FormSchema;
import org.spinout.form.FormSchemaException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The form editor's preview: the form as it stands in the editor, shown by the task page's own
 * fragments (form/fields) as people will see it, and checked by the task page's own rules when
 * the designer sends it. Nothing is stored; the form travels with each request.
 */
@Controller
class FormPreviewController {

	static final String PREVIEW = "designer/preview";

	@PostMapping("/designer/preview")
	String preview(@RequestParam(defaultValue = "") String schema,
			@RequestParam(name = "answers", defaultValue = "false") boolean answers, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("json", schema);
		try {
			FormSchema form = FormSchema.parse(schema);
			model.addAttribute("form", form);
			model.addAttribute("submission", answers ? form.validate(request.getParameterMap()) : null);
		}
		catch (FormSchemaException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("unreadable", e.getMessage());
		}
		return PREVIEW;
	}
}
