package org.spinout.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinout.deadline.WorkingDays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records notifications in the transaction that causes them. Inside a task listener or delegate that
 * is the engine's own transaction (the engine and this template share Spring's transaction manager
 * and data source), so a change that rolls back leaves no message behind, and one that commits
 * leaves its messages for the sender.
 */
@Component
class Outbox {

	private static final String INSERT = "INSERT INTO spinout_notification (id, recipient, kind, subject, "
			+ "programme_reference, programme_name, task_id, task_name, due_at, detail, link, created_at, delivery, "
			+ "mail_status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";

	private final JdbcTemplate jdbc;
	private final Preferences preferences;
	private final NotificationProperties properties;
	private final Clock clock;

	Outbox(JdbcTemplate jdbc, Preferences preferences, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.properties = properties;
		this.clock = clock;
	}

	/** Records one notification per recipient, each delivered as its recipient chose for its kind. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Collection<NewNotification> notifications) {
		if (notifications.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Map<NotificationKind, List<NewNotification>> byKind = new LinkedHashMap<>();
		notifications.forEach(n -> byKind.computeIfAbsent(n.kind(), kind -> new ArrayList<>()).add(n));
		List<Object[]> rows = new ArrayList<>();
		byKind.forEach((kind, ofKind) -> {
			Map<String, Delivery> deliveries = preferences.deliveries(
					ofKind.stream().map(NewNotification::recipient).distinct().toList(), kind);
			for (NewNotification n : ofKind) {
				Delivery delivery = deliveries.getOrDefault(n.recipient(), Preferences.DEFAULT);
				Instant firstAttempt = delivery == Delivery.DIGEST ? nextDigest(now) : now;
				rows.add(new Object[] { UUID.randomUUID().toString(), n.recipient(), kind.name(),
						truncate(n.subject(), 500), n.programmeReference(), truncate(n.programmeName(), 500), n.taskId(),
						truncate(n.taskName(), 500), n.due() == null ? null : Timestamp.from(n.due()),
						truncate(n.detail(), 4000), n.link(), Timestamp.from(now), delivery.name(),
						delivery == Delivery.NONE ? MailStatus.SKIPPED.name() : MailStatus.PENDING.name(),
						Timestamp.from(firstAttempt) });
			}
		});
		jdbc.batchUpdate(INSERT, rows);
	}

	/** The next daily digest time after {@code now}, London time. */
	Instant nextDigest(Instant now) {
		ZonedDateTime london = now.atZone(WorkingDays.LONDON);
		LocalDate day = london.toLocalDate();
		ZonedDateTime today = day.atTime(properties.digestTime()).atZone(WorkingDays.LONDON);
		return (london.isBefore(today) ? today : day.plusDays(1).atTime(properties.digestTime())
				.atZone(WorkingDays.LONDON)).toInstant();
	}

	private static String truncate(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}
}
