package org.spinout.notification;

/** One e-mail ready to go: {@code messageId} is derived from the notification, so a resend is recognisable. */
record OutgoingMail(String messageId, String to, String subject, String text, String html) {
}
