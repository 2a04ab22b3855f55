package org.spinout.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.spinout.time.LondonTime;
import org.spinout.web.SiteAddress;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the e-mails from the Thymeleaf templates in {@code templates/mail/}: a text and an HTML body
 * for one notification, or for a digest of several, with links to where people reach Spinout.
 *
 * <p>Its own template engine: the pages' engine resolves only HTML pages, and a second engine bean
 * would replace it.
 */
@Component
class MailComposer {

	private final SpringTemplateEngine templates = new SpringTemplateEngine();
	private final SiteAddress site;

	MailComposer(SiteAddress site) {
		this.site = site;
		templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	/** One item of an e-mail, with its due date written out and its link made absolute. */
	record Item(NotificationKind kind, String subject, String what, String programmeReference, String programmeName,
			String due, String detail, String link) {

		public String kindValue() {
			return kind.value();
		}
	}

	OutgoingMail single(PendingMail mail, Recipient recipient) {
		Context context = context(recipient);
		context.setVariable("item", item(mail));
		return new OutgoingMail("<" + mail.id() + "@" + site.host() + ">", recipient.email(), mail.subject(),
				templates.process("notification.txt", context), templates.process("notification.html", context));
	}

	/** One message for all of a person's digest items; its Message-ID follows from the first of them. */
	OutgoingMail digest(List<PendingMail> mails, Recipient recipient) {
		Context context = context(recipient);
		List<Item> items = mails.stream().map(this::item).toList();
		context.setVariable("items", items);
		String subject = "Spinout daily digest: " + items.size() + (items.size() == 1 ? " notification" : " notifications");
		return new OutgoingMail("<digest." + mails.get(0).id() + "@" + site.host() + ">", recipient.email(), subject,
				templates.process("digest.txt", context), templates.process("digest.html", context));
	}

	private Context context(Recipient recipient) {
		Context context = new Context(Locale.UK);
		context.setVariable("recipientName", recipient.displayName());
		context.setVariable("accountLink", site.of("/account"));
		context.setVariable("notificationsLink", site.of("/notifications"));
		return context;
	}

	private Item item(PendingMail mail) {
		String what = mail.taskName() != null ? mail.taskName() : mail.subject();
		Instant due = mail.due();
		return new Item(mail.kind(), mail.subject(), what, mail.programmeReference(), mail.programmeName(),
				due == null ? null : LondonTime.due(due), mail.detail(),
				mail.link() == null ? site.of("/notifications") : site.of(mail.link()));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}
}
