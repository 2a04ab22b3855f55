package org.spinout.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user on every page, for the header and the navigation. */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	SpinoutUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SpinoutUser user) {
			return user;
		}
		return null;
	}
}
