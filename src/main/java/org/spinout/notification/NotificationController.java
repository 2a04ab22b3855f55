package org.spinout.notification;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import org.spinout.security.SpinoutUser;
import org.spinout.time.LondonTime;
import org.spinout.web.BadRequest;
import org.spinout.web.Pagination;
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

import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in person's notifications, newest first and 25 to a page, with what is unread
 * marked; narrowed to one programme, one kind or the unread ones.
 */
@Controller
class NotificationController {

	static final String VIEW = "notification/list";

	static final String PATH = "/notifications";

	private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

	/** Where marking one read goes back to: the list, with the filters it had. */
	private static final Pattern LIST_ADDRESS = Pattern.compile(PATH + "(\\?[A-Za-z0-9=&%+._~-]*)?");

	private final Inbox inbox;

	NotificationController(Inbox inbox) {
		this.inbox = inbox;
	}

	/** A row of the list with its dates written out. */
	record Row(String id, String kind, String subject, String programme, String due, String created, String detail,
			boolean read) {
	}

	@GetMapping(PATH)
	String list(@AuthenticationPrincipal SpinoutUser user, @RequestParam Map<String, String> params,
			HttpServletRequest request, Model model) {
		int number = page(params.get("page"));
		Inbox.Filter filter = filter(params);
		long total = inbox.total(user.id(), filter);
		long pages = Math.max(1, (total + Inbox.PAGE_SIZE - 1) / Inbox.PAGE_SIZE);
		model.addAttribute("rows", inbox.page(user.id(), filter, number).stream().map(NotificationController::row)
				.toList());
		model.addAttribute("total", total);
		model.addAttribute("unread", inbox.unread(user.id()));
		model.addAttribute("filter", filter);
		model.addAttribute("filtersOpen", filter.isSet() || pages > 1);
		model.addAttribute("programmes", inbox.programmes(user.id()));
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("pagination", Pagination.of(PATH, params, number, pages));
		model.addAttribute("listUrl", request.getQueryString() == null ? PATH : PATH + "?" + request.getQueryString());
		return VIEW;
	}

	@PostMapping(PATH + "/{id}/read")
	String read(@AuthenticationPrincipal SpinoutUser user, @PathVariable String id,
			@RequestParam(name = "returnTo", required = false) String returnTo, RedirectAttributes redirect) {
		inbox.markRead(user.id(), checked(id)).orElseThrow(NotificationController::notFound);
		redirect.addFlashAttribute("marked", "Marked as read");
		return "redirect:" + (returnTo != null && LIST_ADDRESS.matcher(returnTo).matches() ? returnTo : PATH);
	}

	/** Opens what the notification is about, marking it read on the way. */
	@PostMapping(PATH + "/{id}/open")
	String open(@AuthenticationPrincipal SpinoutUser user, @PathVariable String id) {
		return "redirect:" + inbox.markRead(user.id(), checked(id)).orElseThrow(NotificationController::notFound);
	}

	@PostMapping(PATH + "/read-all")
	String readAll(@AuthenticationPrincipal SpinoutUser user, RedirectAttributes redirect) {
		int marked = inbox.markAllRead(user.id());
		redirect.addFlashAttribute("marked", marked == 1 ? "1 notification marked as read"
				: marked + " notifications marked as read");
		return "redirect:" + PATH;
	}

	private static Row row(Inbox.Entry entry) {
		String programme = entry.programmeReference() == null ? null
				: entry.programmeReference() + (entry.programmeName() == null ? "" : ": " + entry.programmeName());
		return new Row(entry.id(), entry.kind().description(), entry.subject(), programme,
				entry.due() == null ? null : "Due " + LondonTime.due(entry.due()),
				LondonTime.moment(entry.created()), entry.detail(), entry.read());
	}

	private static Inbox.Filter filter(Map<String, String> params) {
		String programme = params.get("programme");
		if (programme != null && programme.length() > 64) {
			throw new BadRequest("A programme reference has 64 characters or fewer");
		}
		String kind = params.get("kind");
		NotificationKind chosen = kind == null || kind.isBlank() ? null
				: Arrays.stream(NotificationKind.values()).filter(each -> each.value().equals(kind)).findFirst()
						.orElseThrow(() -> new BadRequest("Choose one of the kinds of notification in the list"));
		return new Inbox.Filter(programme == null || programme.isBlank() ? null : programme.strip(), chosen,
				"true".equals(params.get("unread")));
	}

	private static int page(String page) {
		if (page == null) {
			return 1;
		}
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
