package org.spinout.notification;

import java.time.Instant;

/**
 * A message to record for one person: everything the e-mail and the notifications page show is
 * captured now, as the engine change happens, so sending later needs nothing from the engine.
 *
 * @param link the page to open, relative to the base URL, e.g. {@code /tasks/42}
 */
record NewNotification(String recipient, NotificationKind kind, String subject, String programmeReference,
		String programmeName, String taskId, String taskName, Instant due, String detail, String link) {
}
