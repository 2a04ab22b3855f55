package org.spinout.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.contract.Processes;
import org.spinout.deadline.Deadline;
import org.spinout.deadline.ProgrammeDeadlines;
import org.spinout.identity.People;
import org.spinout.time.LondonTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the programme office when a running programme's statutory clock enters its warning period
 * and when a deadline passes unmet. Each alert is recorded once per programme, deadline and due date
 * in {@code spinout_clock_alert}, in the same transaction as its notifications: run it as often as you
 * like, on as many nodes as you like (the table's key turns a second node's attempt into a no-op).
 */
@Component
class ClockAlerts {

	private static final Logger log = LoggerFactory.getLogger(ClockAlerts.class);

	private static final int PAGE = 200;

	enum Alert {
		WARNING, BREACH
	}

	private final RuntimeService runtime;
	private final People people;
	private final ProgrammeDeadlines deadlines;
	private final Outbox outbox;
	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final NotificationProperties properties;
	private final Clock clock;

	ClockAlerts(RuntimeService runtime, People people, ProgrammeDeadlines deadlines, Outbox outbox,
			JdbcTemplate jdbc, PlatformTransactionManager transactions, NotificationProperties properties,
			Clock clock) {
		this.runtime = runtime;
		this.people = people;
		this.deadlines = deadlines;
		this.outbox = outbox;
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	/** Records the alerts that are due and not yet recorded; returns how many it recorded. */
	int check() {
		Set<String> recipients = null;
		int recorded = 0;
		for (int first = 0;; first += PAGE) {
			List<String> programmes = runtime.createProcessInstanceQuery().processDefinitionKey(Processes.PROGRAMME)
					.rootProcessInstances().orderByProcessInstanceId().asc().listPage(first, PAGE).stream().map(ProcessInstance::getId).toList();
			if (programmes.isEmpty()) {
				return recorded;
			}
			Map<String, List<Deadline>> found = deadlines.of(programmes);
			Set<String> done = recordedAlready(programmes);
			for (List<Deadline> ofProgramme : found.values()) {
				for (Deadline deadline : ofProgramme) {
					Alert alert = deadline.status() == Deadline.Status.BREACHED ? Alert.BREACH
							: deadline.status() == Deadline.Status.WARNING ? Alert.WARNING : null;
					if (alert == null || done.contains(key(deadline.programmeId(), deadline.key(), alert, deadline.due()))) {
						continue;
					}
					if (recipients == null) {
						recipients = recipients();
					}
					if (record(deadline, alert, recipients)) {
						recorded++;
					}
				}
			}
			if (programmes.size() < PAGE) {
				return recorded;
			}
		}
	}

	private boolean record(Deadline deadline, Alert alert, Set<String> recipients) {
		try {
			transaction.executeWithoutResult(status -> {
				jdbc.update("INSERT INTO spinout_clock_alert (programme_id, deadline, alert, due_at, recorded_at) "
						+ "VALUES (:programme, :deadline, :alert, :due, :now)",
						new MapSqlParameterSource("programme", deadline.programmeId()).addValue("deadline", deadline.key())
								.addValue("alert", alert.name()).addValue("due", Timestamp.from(deadline.due()))
								.addValue("now", Timestamp.from(clock.instant())));
				outbox.record(notifications(deadline, alert, recipients));
			});
			return true;
		}
		catch (DuplicateKeyException anotherNodeRecordedIt) {
			log.debug("The {} alert of {} for {} is already recorded", alert, deadline.key(), deadline.programmeReference());
			return false;
		}
	}

	private static List<NewNotification> notifications(Deadline deadline, Alert alert, Set<String> recipients) {
		String programme = deadline.programmeReference() == null ? "" : " (" + deadline.programmeReference() + ")";
		NotificationKind kind = alert == Alert.BREACH ? NotificationKind.CLOCK_BREACH : NotificationKind.CLOCK_WARNING;
		String subject = alert == Alert.BREACH ? "Deadline passed: " + deadline.label() + programme
				: deadline.label() + " ends " + LondonTime.due(deadline.due()) + programme;
		String detail = deadline.label() + ": " + deadline.source() + ".";
		String link = deadline.programmeReference() == null ? "/tasks" : "/tasks?programme=" + deadline.programmeReference();
		List<NewNotification> notifications = new ArrayList<>();
		for (String recipient : recipients) {
			notifications.add(new NewNotification(recipient, kind, subject, deadline.programmeReference(),
					deadline.programmeName(), null, deadline.label(), deadline.due(), detail, link));
		}
		return notifications;
	}

	private Set<String> recipients() {
		Set<String> recipients = new LinkedHashSet<>();
		for (String group : properties.clockRecipients()) {
			people.membersOf(group).stream().map(People.Person::id).forEach(recipients::add);
		}
		return recipients;
	}

	private Set<String> recordedAlready(List<String> programmes) {
		Set<String> keys = new HashSet<>();
		jdbc.query("SELECT programme_id, deadline, alert, due_at FROM spinout_clock_alert WHERE programme_id IN (:ids)",
				new MapSqlParameterSource("ids", programmes),
				row -> {
					keys.add(key(row.getString("programme_id"), row.getString("deadline"),
							Alert.valueOf(row.getString("alert")), row.getTimestamp("due_at").toInstant()));
				});
		return keys;
	}

	private static String key(String programme, String deadline, Alert alert, Instant due) {
		return programme + "|" + deadline + "|" + alert + "|" + due.toEpochMilli();
	}
}
