package org.spinout.notification;

import java.time.Instant;

/** A claimed notification as the sender reads it back. */
record PendingMail(String id, String recipient, NotificationKind kind, String subject, String programmeReference,
		String programmeName, String taskId, String taskName, Instant due, String detail, String link,
		int attempts) {
}
