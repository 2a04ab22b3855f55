package org.spinout.notification;

/** Where a person's e-mail goes and how it greets them. */
record Recipient(String userId, String email, String displayName) {
}
