package org.spinout.notification;

import org.springframework.mail.MailException;

/** Hands an e-mail to the mail server, or, with none configured, to the log. */
interface MailTransport {

	void send(OutgoingMail mail) throws MailException;
}
