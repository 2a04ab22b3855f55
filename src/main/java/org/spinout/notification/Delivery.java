package org.spinout.notification;

/** How a person gets one kind of message by e-mail. Every message also shows under Notifications. */
public enum Delivery {

	IMMEDIATE("Straight away"),
	DIGEST("In a daily digest"),
	NONE("No e-mail");

	private final String description;

	Delivery(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

	public String value() {
		return name().toLowerCase();
	}
}
