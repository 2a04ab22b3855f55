package org.spinout.notification;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.spinout.security.SpinoutUser;

/** Puts the signed-in person's unread count on every page, for the header: up to 100, shown as "99+". */
@ControllerAdvice
class UnreadCountAdvice {

	private final Inbox inbox;

	UnreadCountAdvice(Inbox inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute("unreadNotifications")
	Long unreadNotifications() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SpinoutUser user) {
			return inbox.unreadUpTo(user.id(), 100);
		}
		return null;
	}
}
