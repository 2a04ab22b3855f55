package org.spinout.notification;

import java.util.regex.Pattern;

import org.spinout.security.SpinoutUser;
import org.spinout.time.LondonTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's notifications, newest first, with what is unread marked. */
@Controller
class NotificationController {

	static final String VIEW = "notification/list";

	private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

	private final Inbox inbox;

	NotificationController(Inbox inbox) {
		this.inbox = inbox;
	}

	/** A row of the list with its dates written out. */
	record Row(String id, String kind, String subject, String programme, String due, String created, String detail,
			boolean read) {
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal SpinoutUser user, @RequestParam(name = "page", defaultValue = "1") String page,
			Model model) {
		int number = page(page);
		long total = inbox.total(user.id());
		long pages = Math.max(1, (total + Inbox.PAGE_SIZE - 1) / Inbox.PAGE_SIZE);
		model.addAttribute("rows", inbox.page(user.id(), number).stream().map(NotificationController::row).toList());
		model.addAttribute("page", number);
		model.addAttribute("pages", pages);
		model.addAttribute("unread", inbox.unread(user.id()));
		return VIEW;
	}

	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal SpinoutUser user, @PathVariable String id, RedirectAttributes redirect) {
		inbox.markRead(user.id(), checked(id)).orElseThrow(NotificationController::notFound);
		redirect.addFlashAttribute("marked", true);
		return "redirect:/notifications";
	}

	/** Opens what the notification is about, marking it read on the way. */
	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal SpinoutUser user, @PathVariable String id) {
		return "redirect:" + inbox.markRead(user.id(), checked(id)).orElseThrow(NotificationController::notFound);
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal SpinoutUser user, RedirectAttributes redirect) {
		inbox.markAllRead(user.id());
		redirect.addFlashAttribute("marked", true);
		return "redirect:/notifications";
	}

	private static Row row(Inbox.Entry entry) {
		String programme = entry.programmeReference() == null ? null
				: entry.programmeReference() + (entry.programmeName() == null ? "" : ": " + entry.programmeName());
		return new Row(entry.id(), entry.kind().description(), entry.subject(), programme,
				entry.due() == null ? null : "Due " + LondonTime.due(entry.due()),
				LondonTime.moment(entry.created()), entry.detail(), entry.read());
	}

	private static int page(String page) {
		try {
			int number = Integer.parseInt(page);
			if (number >= 1 && number <= 100_000) {
				return number;
			}
		}
		catch (NumberFormatException notANumber) {
			// answered below
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The page must be a whole number from 1");
	}

	/** An id that is not a notification id can be nobody's notification. */
	private static String checked(String id) {
		if (!ID.matcher(id).matches()) {
			throw notFound();
		}
		return id;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
