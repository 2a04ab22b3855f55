package org.spinout.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A person's notifications as the pages show them; every method is scoped to that person. */
@Component
class Inbox {

	static final int PAGE_SIZE = 25;

	/** The most programmes the filter lists: far more than anyone is told about. */
	static final int MAX_PROGRAMMES = 500;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Inbox(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Entry(String id, NotificationKind kind, String subject, String programmeReference, String programmeName,
			Instant due, String detail, String link, Instant created, boolean read) {
	}

	/** Which of a person's notifications a page shows: of one programme, of one kind, unread only; null for any. */
	record Filter(String programmeReference, NotificationKind kind, boolean unreadOnly) {

		static final Filter NONE = new Filter(null, null, false);

		public boolean isSet() {
			return programmeReference != null || kind != null || unreadOnly;
		}

		/** The conditions after the recipient's, and their values after the recipient. */
		private String where() {
			return (programmeReference == null ? "" : " AND programme_reference = ?")
					+ (kind == null ? "" : " AND kind = ?") + (unreadOnly ? " AND read_at IS NULL" : "");
		}

		private List<Object> arguments(String userId) {
			List<Object> arguments = new ArrayList<>(List.of(userId));
			if (programmeReference != null) {
				arguments.add(programmeReference);
			}
			if (kind != null) {
				arguments.add(kind.name());
			}
			return arguments;
		}
	}

	/** A programme the person has notifications about, for the filter. */
	record Programme(String reference, String name) {
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

	long total(String userId, Filter filter) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM spinout_notification WHERE recipient = ?"
				+ filter.where(), Long.class, filter.arguments(userId).toArray());
		return count == null ? 0 : count;
	}

	/** The programmes the person has notifications about, by name. */
	List<Programme> programmes(String userId) {
		return jdbc.query("SELECT programme_reference, MAX(programme_name) AS programme_name FROM spinout_notification "
				+ "WHERE recipient = ? AND programme_reference IS NOT NULL GROUP BY programme_reference "
				+ "ORDER BY MAX(programme_name), programme_reference FETCH FIRST " + MAX_PROGRAMMES + " ROWS ONLY",
				(row, number) -> new Programme(row.getString("programme_reference"), row.getString("programme_name")),
				userId);
	}

	/** One page, newest first. */
	List<Entry> page(String userId, Filter filter, int page) {
		List<Object> arguments = filter.arguments(userId);
		arguments.addAll(List.of((long) (page - 1) * PAGE_SIZE, PAGE_SIZE));
		return jdbc.query("SELECT id, kind, subject, programme_reference, programme_name, due_at, detail, link, "
				+ "created_at, read_at FROM spinout_notification WHERE recipient = ?" + filter.where()
				+ " ORDER BY created_at DESC, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", (row, number) -> {
					Timestamp due = row.getTimestamp("due_at");
					return new Entry(row.getString("id"), NotificationKind.valueOf(row.getString("kind")),
							row.getString("subject"), row.getString("programme_reference"), row.getString("programme_name"),
							due == null ? null : due.toInstant(), row.getString("detail"), row.getString("link"),
							row.getTimestamp("created_at").toInstant(), row.getTimestamp("read_at") != null);
				}, arguments.toArray());
	}

	/** Marks one of the person's notifications read; returns its link, empty when it is not theirs. */
	Optional<String> markRead(String userId, String id) {
		List<String> links = jdbc.queryForList("SELECT COALESCE(link, '/notifications') FROM spinout_notification "
				+ "WHERE id = ? AND recipient = ?", String.class, id, userId);
		if (links.isEmpty()) {
			return Optional.empty();
		}
		jdbc.update("UPDATE spinout_notification SET read_at = ? WHERE id = ? AND recipient = ? AND read_at IS NULL",
				Timestamp.from(clock.instant()), id, userId);
		return Optional.of(links.get(0));
	}

	int markAllRead(String userId) {
		return jdbc.update("UPDATE spinout_notification SET read_at = ? WHERE recipient = ? AND read_at IS NULL",
				Timestamp.from(clock.instant()), userId);
	}
}
