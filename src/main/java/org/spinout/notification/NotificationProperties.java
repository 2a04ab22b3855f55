package org.spinout.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.spinout.contract.CandidateGroups;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notifications ({@code spinout.notifications.*}); the SMTP server itself is Spring
 * Boot's {@code spring.mail.*}.
 *
 * @param from the sender address of every e-mail
 * @param digestTime when the daily digest goes out, London time
 * @param groups per role group, whether its members are told when a task becomes available to it
 *        (default yes): a large committee may prefer to look at its list
 * @param clockRecipients the groups told when a statutory clock is near its end or has passed
 * @param batchSize how many e-mails one sender run claims at a time
 * @param lease how long a claim on a batch holds before another node may take it over
 * @param firstRetry the wait after the first failed attempt, doubled after each further failure
 * @param maxRetry the longest wait between attempts
 */
@ConfigurationProperties(prefix = "spinout.notifications")
public record NotificationProperties(
		@DefaultValue("Spinout <spinout@localhost>") String from,
		@DefaultValue("08:00") LocalTime digestTime,
		Map<String, Boolean> groups,
		@DefaultValue(CandidateGroups.PROGRAMME_MANAGERS) List<String> clockRecipients,
		@DefaultValue("20") int batchSize,
		@DefaultValue("10m") Duration lease,
		@DefaultValue("1m") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry) {

	public NotificationProperties {
		groups = groups == null ? Map.of() : Map.copyOf(groups);
		clockRecipients = List.copyOf(clockRecipients);
	}

	boolean tellsMembersOf(String group) {
		return groups.getOrDefault(group, true);
	}
}
