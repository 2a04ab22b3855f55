package org.spinout.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailProxy;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What a test mail server received, read as a person would: recipient, subject, text and HTML. */
final class Mailbox {

	record Mail(String messageId, List<String> to, String subject, String text, String html) {
	}

	private Mailbox() {
	}

	static List<Mail> of(GreenMailProxy server) {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : server.getReceivedMessages()) {
			mails.add(read(message));
		}
		return mails;
	}

	/** Waits, at most five seconds, until the server has at least {@code count} messages. */
	static List<Mail> await(GreenMailProxy server, int count) {
		server.waitForIncomingEmail(5000, count);
		return of(server);
	}

	static Mail read(MimeMessage message) {
		try {
			List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
			StringBuilder text = new StringBuilder();
			StringBuilder html = new StringBuilder();
			collect(message, text, html);
			return new Mail(message.getMessageID(), to, message.getSubject(), text.toString(), html.toString());
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException("Cannot read a received e-mail", e);
		}
	}

	private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			text.append(part.getContent());
		}
		else if (part.isMimeType("text/html")) {
			html.append(part.getContent());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, text, html);
			}
		}
	}
}
