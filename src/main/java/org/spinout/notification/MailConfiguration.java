package org.spinout.notification;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.EnableScheduling;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Chooses how e-mail leaves Spinout. Spring Boot configures a mail server from {@code spring.mail.host};
 * without one (a first run, the demo) every e-mail is written to the log instead, so nobody has to set
 * up a server to see what Spinout sends.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean
	MailTransport mailTransport(ObjectProvider<JavaMailSender> server, NotificationProperties properties) {
		JavaMailSender sender = server.getIfAvailable();
		if (sender == null) {
			log.info("No mail server is configured (spring.mail.host): e-mail is written to the log");
			return mail -> log.info("E-mail {} to {}: {}\n{}", mail.messageId(), mail.to(), mail.subject(), mail.text());
		}
		return smtp(sender, properties.from());
	}

	/** E-mail through the given mail server. */
	static MailTransport smtp(JavaMailSender sender, String from) {
		return mail -> sender.send(message -> compose(message, mail, from));
	}

	private static void compose(MimeMessage message, OutgoingMail mail, String from) throws MessagingException {
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			// Spring keeps a Message-ID set here, so the server and the recipient can recognise a resend.
			message.setHeader("Message-ID", mail.messageId());
		}
		catch (IllegalArgumentException e) {
			throw new MailPreparationException("Cannot prepare the e-mail " + mail.messageId(), e);
		}
	}
}
