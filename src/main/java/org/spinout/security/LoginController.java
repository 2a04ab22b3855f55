package org.spinout.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	static final String VIEW = "security/login";

	static final String SIGN_OUT = "security/logout";

	@GetMapping(SecurityConfig.LOGIN_PAGE)
	String login(@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "signedOut", required = false) String signedOut, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("signedOut", signedOut != null);
		return VIEW;
	}

	/** A link to sign out (an old bookmark, another site's) asks first: signing out itself is a POST. */
	@GetMapping(SecurityConfig.LOGOUT)
	String signOut() {
		return SIGN_OUT;
	}
}
