package org.spinout.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret that opens a person's calendar feed without a session (calendar programs send no
 * cookies). Only its SHA-256 hash is stored: the token is shown once, and a new one replaces the old,
 * which then opens nothing.
 */
@Component
class CalendarTokens {

	/** 256 bits: guessing is hopeless, so a lookup by hash needs no further throttling. */
	private static final int BYTES = 32;

	private final JdbcTemplate jdbc;
	private final SecureRandom random = new SecureRandom();
	private final Clock clock;

	CalendarTokens(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new token for the person, replacing any earlier one; returned only this once. */
	@Transactional
	String renew(String userId) {
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.update("DELETE FROM spinout_calendar_token WHERE user_id = ?", userId);
		jdbc.update("INSERT INTO spinout_calendar_token (user_id, token_hash, created_at) VALUES (?, ?, ?)", userId,
				hash(token), Timestamp.from(clock.instant()));
		return token;
	}

	/** Whose token this is; empty for a wrong, malformed or replaced token. */
	Optional<String> owner(String token) {
		if (token == null || token.length() < 40 || token.length() > 64 || !token.matches("[A-Za-z0-9_-]+")) {
			return Optional.empty();
		}
		List<String> owners = jdbc.queryForList("SELECT user_id FROM spinout_calendar_token WHERE token_hash = ?",
				String.class, hash(token));
		return owners.stream().findFirst();
	}

	/** When the person's current token was made; empty when they have none. */
	Optional<Instant> createdAt(String userId) {
		return jdbc.queryForList("SELECT created_at FROM spinout_calendar_token WHERE user_id = ?", Timestamp.class, userId)
				.stream().findFirst().map(Timestamp::toInstant);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
