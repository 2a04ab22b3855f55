package org.spinout.account;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.spinout.identity.People;
import org.spinout.notification.Delivery;
import org.spinout.notification.NotificationKind;
import org.spinout.notification.Preferences;
import org.spinout.security.SpinoutUser;
import org.spinout.time.LondonTime;
import org.spinout.web.SiteAddress;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The signed-in person's account: where their e-mail goes, how each kind of message reaches them, and
 * the secret address of their calendar feed. The feed itself answers to its token alone, since
 * calendar programs send no session cookie.
 */
@Controller
class AccountController {

	static final String VIEW = "account/index";
	static final String CALENDAR = "/account/calendar.ics";

	private final Preferences preferences;
	private final CalendarTokens tokens;
	private final CalendarFeed feed;
	private final People people;
	private final SiteAddress site;

	AccountController(Preferences preferences, CalendarTokens tokens, CalendarFeed feed, People people,
			SiteAddress site) {
		this.preferences = preferences;
		this.tokens = tokens;
		this.feed = feed;
		this.people = people;
		this.site = site;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal SpinoutUser user, Model model) {
		Preferences.Choices choices = preferences.of(user.id());
		return page(user, PreferencesForm.of(choices.email(), choices.deliveries()), model);
	}

	@PostMapping("/account")
	String save(@AuthenticationPrincipal SpinoutUser user, @RequestParam MultiValueMap<String, String> submitted,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		PreferencesForm form = PreferencesForm.read(submitted);
		if (!form.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, form, model);
		}
		preferences.save(user.id(), form.chosenEmail(), form.deliveries());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/account";
	}

	/** A new calendar address; the old one stops working. Shown once, on the page this leads to. */
	@PostMapping("/account/calendar-token")
	String renewCalendar(@AuthenticationPrincipal SpinoutUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("calendarUrl", site.of(CALENDAR + "?token=" + tokens.renew(user.id())));
		return "redirect:/account#calendar";
	}

	@GetMapping(CALENDAR)
	ResponseEntity<String> calendar(@RequestParam(name = "token", required = false) String token) {
		// Not found rather than forbidden: a wrong token learns nothing, not even that the feed exists.
		String userId = tokens.owner(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
				.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noStore().cachePrivate())
				.body(feed.of(userId));
	}

	private String page(SpinoutUser user, PreferencesForm form, Model model) {
		People.Person person = people.find(user.id()).orElse(null);
		model.addAttribute("form", form);
		model.addAttribute("kinds", List.of(NotificationKind.values()));
		model.addAttribute("deliveries", List.of(Delivery.values()));
		model.addAttribute("identityEmail", person == null ? null : person.email());
		model.addAttribute("calendarCreated", tokens.createdAt(user.id()).map(LondonTime::moment).orElse(null));
		return VIEW;
	}
}
