package org.spinout.designer;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The engine's refusal of an action is the user's lack of a right, not a fault: 403, with the usual page. */
@ControllerAdvice(basePackageClasses = DesignerErrors.class)
class DesignerErrors {

	private static final Logger log = LoggerFactory.getLogger(DesignerErrors.class);

	@ExceptionHandler(AuthorizationException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(AuthorizationException e) {
		log.info("Refused by the engine's authorizations: {}", e.getMessage());
		return "error/403";
	}
}
