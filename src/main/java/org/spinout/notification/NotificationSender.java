package org.spinout.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.identity.People;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

import jakarta.mail.SendFailedException;

/**
 * Sends the outbox by e-mail. Each run claims a batch of due rows with one conditional UPDATE that
 * writes its own lease token: a row whose lease another node holds does not match, so two nodes never
 * send the same row, and a node that dies mid-batch loses its claim when the lease runs out. A row is
 * marked sent after the mail server took it; one the server could not take waits, doubling the wait
 * each time, and is never dropped for a server that is down. Digest rows wait for the digest time and
 * go out as one message per person.
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	/** Due, not sent, and nobody's claim in force. */
	private static final String CLAIMABLE = "mail_status = 'PENDING' AND next_attempt_at <= :now "
			+ "AND (lease_until IS NULL OR lease_until <= :now)";

	private final NamedParameterJdbcTemplate jdbc;
	private final MailTransport transport;
	private final MailComposer composer;
	private final Preferences preferences;
	private final People people;
	private final NotificationProperties properties;
	private final Clock clock;

	NotificationSender(JdbcTemplate jdbc, MailTransport transport, MailComposer composer, Preferences preferences,
			People people, NotificationProperties properties, Clock clock) {
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
		this.transport = transport;
		this.composer = composer;
		this.preferences = preferences;
		this.people = people;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends what is due now; returns how many e-mails the mail server took. */
	int sendDue() {
		int sent = sendImmediate() + sendDigests();
		if (sent > 0) {
			log.info("E-mails sent: {}", sent);
		}
		return sent;
	}

	private int sendImmediate() {
		Instant now = clock.instant();
		List<String> candidates = jdbc.queryForList("SELECT id FROM spinout_notification WHERE delivery = 'IMMEDIATE' AND "
				+ CLAIMABLE + " ORDER BY next_attempt_at FETCH FIRST " + properties.batchSize() + " ROWS ONLY",
				Map.of("now", Timestamp.from(now)), String.class);
		if (candidates.isEmpty()) {
			return 0;
		}
		Claim claim = claim("id IN (:ids)", new MapSqlParameterSource("ids", candidates), now);
		List<PendingMail> claimed = claim.rows();
		Map<String, Recipient> recipients = recipients(claimed.stream().map(PendingMail::recipient).toList());
		int sent = 0;
		for (int i = 0; i < claimed.size(); i++) {
			List<PendingMail> one = List.of(claimed.get(i));
			if (!claim.holdsAt(clock.instant())) {
				release(claim, ids(claimed.subList(i, claimed.size())));
				break;
			}
			Recipient recipient = recipients.get(claimed.get(i).recipient());
			if (recipient == null) {
				skip(claim, one);
				continue;
			}
			if (!deliver(claim, one, composer.single(claimed.get(i), recipient))) {
				// The server is unwell: leave the rest for a later run rather than fail them one by one.
				release(claim, ids(claimed.subList(i + 1, claimed.size())));
				break;
			}
			sent++;
		}
		return sent;
	}

	private int sendDigests() {
		Instant now = clock.instant();
		List<String> people = jdbc.queryForList("SELECT DISTINCT recipient FROM spinout_notification WHERE delivery = 'DIGEST' AND "
				+ CLAIMABLE + " FETCH FIRST " + properties.batchSize() + " ROWS ONLY",
				Map.of("now", Timestamp.from(now)), String.class);
		if (people.isEmpty()) {
			return 0;
		}
		Claim claim = claim("delivery = 'DIGEST' AND recipient IN (:people)", new MapSqlParameterSource("people", people),
				now);
		Map<String, List<PendingMail>> byPerson = new LinkedHashMap<>();
		claim.rows().forEach(row -> byPerson.computeIfAbsent(row.recipient(), person -> new ArrayList<>()).add(row));
		Map<String, Recipient> recipients = recipients(byPerson.keySet());
		int sent = 0;
		List<String> left = new ArrayList<>(byPerson.keySet());
		for (Map.Entry<String, List<PendingMail>> digest : byPerson.entrySet()) {
			left.remove(digest.getKey());
			if (!claim.holdsAt(clock.instant())) {
				release(claim, ids(digest.getValue()));
				continue;
			}
			Recipient recipient = recipients.get(digest.getKey());
			if (recipient == null) {
				skip(claim, digest.getValue());
				continue;
			}
			if (!deliver(claim, digest.getValue(), composer.digest(digest.getValue(), recipient))) {
				left.forEach(person -> release(claim, ids(byPerson.get(person))));
				break;
			}
			sent++;
		}
		return sent;
	}

	/** A batch this run holds until {@code until}. */
	private record Claim(String token, Instant until, List<PendingMail> rows) {

		boolean holdsAt(Instant now) {
			return now.isBefore(until);
		}
	}

	private Claim claim(String which, MapSqlParameterSource parameters, Instant now) {
		String token = UUID.randomUUID().toString();
		Instant until = now.plus(properties.lease());
		parameters.addValue("token", token).addValue("until", Timestamp.from(until)).addValue("now", Timestamp.from(now));
		jdbc.update("UPDATE spinout_notification SET lease_token = :token, lease_until = :until WHERE " + which + " AND "
				+ CLAIMABLE, parameters);
		List<PendingMail> rows = jdbc.query("SELECT * FROM spinout_notification WHERE lease_token = :token "
				+ "ORDER BY created_at, id", Map.of("token", token), NotificationSender::pending);
		return new Claim(token, until, rows);
	}

	/** Sends one e-mail for the rows; true unless the server could not take it for now. */
	private boolean deliver(Claim claim, List<PendingMail> rows, OutgoingMail mail) {
		try {
			transport.send(mail);
		}
		catch (MailException e) {
			if (isPermanent(e)) {
				log.error("The mail server refused {} to {} for good; it is not retried", mail.messageId(), mail.to(), e);
				finish(claim, rows, MailStatus.FAILED, describe(e));
				return true;
			}
			int attempts = rows.stream().mapToInt(PendingMail::attempts).max().orElse(0) + 1;
			Instant next = clock.instant().plus(backoff(attempts));
			log.warn("Could not send {} to {} (attempt {}); trying again after {}: {}", mail.messageId(), mail.to(),
					attempts, next, describe(e));
			jdbc.update("UPDATE spinout_notification SET attempts = attempts + 1, next_attempt_at = :next, "
					+ "last_error = :error, lease_token = NULL, lease_until = NULL WHERE id IN (:ids) AND lease_token = :token",
					new MapSqlParameterSource("next", Timestamp.from(next)).addValue("error", describe(e))
							.addValue("ids", ids(rows)).addValue("token", claim.token()));
			return false;
		}
		finish(claim, rows, MailStatus.SENT, null);
		return true;
	}

	/** The wait before attempt {@code attempts + 1}: the first retry time, doubled per failure, capped. */
	Duration backoff(int attempts) {
		Duration wait = properties.firstRetry();
		for (int i = 1; i < attempts && wait.compareTo(properties.maxRetry()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
	}

	private void skip(Claim claim, List<PendingMail> rows) {
		log.warn("No e-mail address for {}: {} notification(s) stay under Notifications only", rows.get(0).recipient(),
				rows.size());
		finish(claim, rows, MailStatus.SKIPPED, "No e-mail address");
	}

	private void finish(Claim claim, List<PendingMail> rows, MailStatus status, String error) {
		jdbc.update("UPDATE spinout_notification SET mail_status = :status, sent_at = :sent, last_error = :error, "
				+ "lease_token = NULL, lease_until = NULL WHERE id IN (:ids) AND lease_token = :token",
				new MapSqlParameterSource("status", status.name())
						.addValue("sent", status == MailStatus.SENT ? Timestamp.from(clock.instant()) : null)
						.addValue("error", error).addValue("ids", ids(rows)).addValue("token", claim.token()));
	}

	private void release(Claim claim, List<String> ids) {
		if (!ids.isEmpty()) {
			jdbc.update("UPDATE spinout_notification SET lease_token = NULL, lease_until = NULL "
					+ "WHERE id IN (:ids) AND lease_token = :token",
					new MapSqlParameterSource("ids", ids).addValue("token", claim.token()));
		}
	}

	/**
	 * Refused for good: a message that cannot be built, or addresses the server rejects. Everything
	 * else (no connection, a busy server, a wrong password that an administrator will fix) is retried.
	 */
	static boolean isPermanent(MailException e) {
		if (e instanceof MailParseException || e instanceof MailPreparationException) {
			return true;
		}
		if (e instanceof MailSendException send) {
			for (Exception failure : send.getFailedMessages().values()) {
				if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
						&& refused.getInvalidAddresses().length > 0) {
					return true;
				}
			}
		}
		return false;
	}

	private static String describe(Exception e) {
		String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		return message.length() > 1000 ? message.substring(0, 1000) : message;
	}

	/** Each person's address (their own choice, else the identity service's) and name, in two queries. */
	private Map<String, Recipient> recipients(Collection<String> userIds) {
		List<String> distinct = userIds.stream().distinct().toList();
		Map<String, Recipient> recipients = new HashMap<>();
		if (distinct.isEmpty()) {
			return recipients;
		}
		Map<String, String> chosen = preferences.addresses(distinct);
		for (People.Person person : people.find(distinct).values()) {
			String email = chosen.getOrDefault(person.id(), person.email());
			if (email != null && !email.isBlank()) {
				recipients.put(person.id(), new Recipient(person.id(), email, person.name()));
			}
		}
		return recipients;
	}

	private static List<String> ids(List<PendingMail> rows) {
		return rows.stream().map(PendingMail::id).toList();
	}

	private static PendingMail pending(ResultSet row, int number) throws SQLException {
		Timestamp due = row.getTimestamp("due_at");
		return new PendingMail(row.getString("id"), row.getString("recipient"),
				NotificationKind.valueOf(row.getString("kind")), row.getString("subject"),
				row.getString("programme_reference"), row.getString("programme_name"), row.getString("task_id"),
				row.getString("task_name"), due == null ? null : due.toInstant(), row.getString("detail"),
				row.getString("link"), row.getInt("attempts"));
	}
}
