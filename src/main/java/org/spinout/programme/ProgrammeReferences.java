package org.spinout.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives out programme references, SO-&lt;year&gt;-&lt;number&gt;, numbered from 1 each year. The
 * number is taken in the caller's transaction with a row lock, so concurrent starts (on any
 * node) queue for it, and a start that rolls back gives its number back: the numbers are
 * unique and without gaps.
 */
@Component
public class ProgrammeReferences {

	static final ZoneId UK = ZoneId.of("Europe/London");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	ProgrammeReferences(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public String next() {
		int year = LocalDate.ofInstant(clock.instant(), UK).getYear();
		ensureYear(year);
		jdbc.update("UPDATE spinout_programme_number SET last_number = last_number + 1 WHERE reference_year = ?",
				year);
		Integer number = jdbc.queryForObject(
				"SELECT last_number FROM spinout_programme_number WHERE reference_year = ?", Integer.class, year);
		return format(year, number);
	}

	static String format(int year, int number) {
		return "SO-%d-%04d".formatted(year, number);
	}

	/** The year's row is created in a transaction of its own: a clash must not spoil the caller's. */
	private void ensureYear(int year) {
		Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM spinout_programme_number WHERE reference_year = ?",
				Integer.class, year);
		if (rows != null && rows > 0) {
			return;
		}
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.update(
					"INSERT INTO spinout_programme_number (reference_year, last_number) VALUES (?, 0)", year));
		}
		catch (DuplicateKeyException anotherStartCreatedIt) {
			// the row is there now, which is all that was needed
		}
	}
}
