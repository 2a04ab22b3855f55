package org.spinout.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A person's notifications as the pages show them; every method is scoped to that person. */
@Component
class Inbox {

	static final int PAGE_SIZE = 25;

	private final JdbcTemplate jdbc;

	Inbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Entry(String id, NotificationKind kind, String subject, String programmeReference, String programmeName,
			Instant due, String detail, String link, Instant created, boolean read) {
	}

	long unread(String userId) {
		Long count = jdbc.queryForObject(
				"SELECT COUNT(*) FROM spinout_notification WHERE recipient = ? AND read_at IS NULL", Long.class, userId);
		return count == null ? 0 : count;
	}

	/**
	 * The unread count up to {@code limit}: the header shows "99+" beyond that, and counting no
	 * further keeps every page's cost the same for someone with thousands unread.
	 */
	long unreadUpTo(String userId, int limit) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM spinout_notification "
				+ "WHERE recipient = ? AND read_at IS NULL FETCH FIRST ? ROWS ONLY) unread", Long.class, userId, limit);
		return count == null ? 0 : count;
	}

	long total(String userId) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM spinout_notification WHERE recipient = ?", Long.class,
				userId);
		return count == null ? 0 : count;
	}

	/** One page, newest first. */
	List<Entry> page(String userId, int page) {
		return jdbc.query("SELECT id, kind, subject, programme_reference, programme_name, due_at, detail, link, "
				+ "created_at, read_at FROM spinout_notification WHERE recipient = ? ORDER BY created_at DESC, id "
				+ "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", (row, number) -> {
					Timestamp due = row.getTimestamp("due_at");
					return new Entry(row.getString("id"), NotificationKind.valueOf(row.getString("kind")),
							row.getString("subject"), row.getString("programme_reference"), row.getString("programme_name"),
							due == null ? null : due.toInstant(), row.getString("detail"), row.getString("link"),
							row.getTimestamp("created_at").toInstant(), row.getTimestamp("read_at") != null);
				}, userId, (long) (page - 1) * PAGE_SIZE, PAGE_SIZE);
	}

	/** Marks one of the person's notifications read; returns its link, empty when it is not theirs. */
	Optional<String> markRead(String userId, String id) {
		List<String> links = jdbc.queryForList("SELECT COALESCE(link, '/notifications') FROM spinout_notification "
				+ "WHERE id = ? AND recipient = ?", String.class, id, userId);
		if (links.isEmpty()) {
			return Optional.empty();
		}
		jdbc.update("UPDATE spinout_notification SET read_at = ? WHERE id = ? AND recipient = ? AND read_at IS NULL",
				Timestamp.from(Outbox.now()), id, userId);
		return Optional.of(links.get(0));
	}

	int markAllRead(String userId) {
		return jdbc.update("UPDATE spinout_notification SET read_at = ? WHERE recipient = ? AND read_at IS NULL",
				Timestamp.from(Outbox.now()), userId);
	}
}
