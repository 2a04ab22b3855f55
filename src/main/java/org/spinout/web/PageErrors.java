package org.spinout.web;

import org.spinout.engine.DutyRefused;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the refusals that pages raise into the friendly error pages, with the right status and,
 * for bad input, a message that says what was wrong.
 */
@ControllerAdvice
class PageErrors {

	@ExceptionHandler(BadRequest.class)
	ModelAndView badRequest(BadRequest refusal) {
		ModelAndView page = new ModelAndView("error/400", HttpStatus.BAD_REQUEST);
		page.addObject("message", refusal.getMessage());
		return page;
	}

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound() {
		return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(Forbidden.class)
	ModelAndView forbidden() {
		return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
	}

	/** The engine kept a duty of the journey (four eyes, only decision-makers stop): the page says which. */
	@ExceptionHandler(DutyRefused.class)
	ModelAndView dutyRefused(DutyRefused refusal) {
		ModelAndView page = new ModelAndView("error/403", HttpStatus.FORBIDDEN);
		page.addObject("message", refusal.getMessage());
		return page;
	}
}
