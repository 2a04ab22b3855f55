package org.spinout.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinout.AppNode;
import org.spinout.Poll;
import org.spinout.Slow;
import org.spinout.TestProgrammes;
import org.spinout.WebClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mails the mail server could not take wait in the outbox, and go out once Spinout runs again: the
 * first node finds the mail server down, keeps trying and is killed mid-way; a second node, started on
 * the same database once the server is up, sends what waited, each e-mail once. Both nodes are JVMs
 * of their own on the embedded database, as after a crash and a restart; the first one starts, and
 * answers its health check, although the mail server is down.
 */
@Slow
class NotificationRestartTest {

	@TempDir
	Path dataDir;

	@TempDir
	Path logs;

	@Test
	void whatTheMailServerCouldNotTakeGoesOutAfterARestart() throws Exception {
		// given: a mail server that is down, and a node that tries it every half second
		int smtpPort = AppNode.freePort();
		String[] settings = { "--spinout.data-dir=" + dataDir, "--spring.profiles.active=demo",
				"--spinout.demo.programmes=false", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--spinout.notifications.send-interval=PT0.5S", "--spinout.notifications.first-retry=1s",
				"--spinout.notifications.max-retry=1s", "--spinout.notifications.lease=3s" };
		String reference;
		try (AppNode first = AppNode.start(logs, "first", settings)) {
			WebClient manager = first.client();
			manager.signIn("manager", "demo");
			reference = TestProgrammes.startThroughTheForm(manager, "Restart Libraries");
			Poll.until(() -> read(first.log()).contains("Could not send"), Duration.ofSeconds(30),
					"the first node tried the mail server and failed");

			// when: the node dies, the mail server comes up and the application is started again
			first.kill();
		}
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try (AppNode second = AppNode.start(logs, "second", settings)) {
			Poll.until(() -> subjects(smtp).stream().anyMatch(subject -> subject.contains(reference)),
					Duration.ofSeconds(60), "the second node sent what waited");
			Poll.until(() -> read(second.log()).contains("E-mails sent"), Duration.ofSeconds(10),
					"the second node logged its run");

			// then: every e-mail about the programme arrived, once
			List<String> messageIds = new ArrayList<>();
			for (MimeMessage message : smtp.getReceivedMessages()) {
				messageIds.add(message.getMessageID());
			}
			assertThat(messageIds).isNotEmpty().doesNotHaveDuplicates();
			assertThat(read(second.log())).doesNotContain("Could not send");
		}
		finally {
			smtp.stop();
		}
	}

	private static List<String> subjects(GreenMail smtp) {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				subjects.add(message.getSubject());
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}
		return subjects;
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
