package org.spinout.notification;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's choices: an e-mail address of their own (otherwise the identity service's) and,
 * per kind of message, straight away, in the daily digest or not at all (straight away unless
 * chosen otherwise).
 */
@Component
public class Preferences {

	public static final Delivery DEFAULT = Delivery.IMMEDIATE;

	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;

	Preferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** What one person chose: their address (empty for the identity service's) and every kind's delivery. */
	public record Choices(Optional<String> email, Map<NotificationKind, Delivery> deliveries) {
	}

	public Choices of(String userId) {
		Map<NotificationKind, Delivery> deliveries = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			deliveries.put(kind, DEFAULT);
		}
		jdbc.query("SELECT kind, delivery FROM spinout_notification_preference WHERE user_id = ?",
				row -> {
					deliveries.put(NotificationKind.valueOf(row.getString("kind")), Delivery.valueOf(row.getString("delivery")));
				}, userId);
		List<String> email = jdbc.queryForList("SELECT email FROM spinout_notification_address WHERE user_id = ?",
				String.class, userId);
		return new Choices(email.stream().findFirst(), deliveries);
	}

	/** Replaces one person's choices as a whole; a blank address goes back to the identity service's. */
	@Transactional
	public void save(String userId, Optional<String> email, Map<NotificationKind, Delivery> deliveries) {
		jdbc.update("DELETE FROM spinout_notification_address WHERE user_id = ?", userId);
		email.filter(address -> !address.isBlank()).ifPresent(address -> jdbc.update(
				"INSERT INTO spinout_notification_address (user_id, email) VALUES (?, ?)", userId, address));
		jdbc.update("DELETE FROM spinout_notification_preference WHERE user_id = ?", userId);
		deliveries.forEach((kind, delivery) -> jdbc.update(
				"INSERT INTO spinout_notification_preference (user_id, kind, delivery) VALUES (?, ?, ?)", userId,
				kind.name(), delivery.name()));
	}

	/** How each of the given people wants this kind of message, in one query. */
	Map<String, Delivery> deliveries(Collection<String> userIds, NotificationKind kind) {
		Map<String, Delivery> deliveries = new HashMap<>();
		if (userIds.isEmpty()) {
			return deliveries;
		}
		named.query("SELECT user_id, delivery FROM spinout_notification_preference WHERE kind = :kind AND user_id IN (:users)",
				new MapSqlParameterSource("kind", kind.name()).addValue("users", userIds),
				row -> {
					deliveries.put(row.getString("user_id"), Delivery.valueOf(row.getString("delivery")));
				});
		return deliveries;
	}

	/** The addresses people gave themselves, in one query; people without one are missing. */
	Map<String, String> addresses(Collection<String> userIds) {
		Map<String, String> addresses = new HashMap<>();
		if (userIds.isEmpty()) {
			return addresses;
		}
		named.query("SELECT user_id, email FROM spinout_notification_address WHERE user_id IN (:users)",
				new MapSqlParameterSource("users", userIds),
				row -> {
					addresses.put(row.getString("user_id"), row.getString("email"));
				});
		return addresses;
	}
}
