package org.spinout.notification;

/** Where a notification's e-mail stands. */
enum MailStatus {
	/** To be sent, at or after its next attempt. */
	PENDING,
	SENT,
	/** No e-mail: the recipient wants none, or has no address. */
	SKIPPED,
	/** The mail server refused it for good (an unknown address, say); the log has why. */
	FAILED
}
