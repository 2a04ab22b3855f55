package org.spinout.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the sender and the clock check on every node; the claims and the alert table keep the nodes
 * from doubling anything. A run that fails is logged by Spring and the next one tries again. Tests
 * switch the schedule off ({@code spinout.notifications.schedule.enabled=false}) and run both themselves.
 */
@Component
@ConditionalOnProperty(name = "spinout.notifications.schedule.enabled", havingValue = "true", matchIfMissing = true)
class NotificationSchedule {

	private final NotificationSender sender;
	private final ClockAlerts clockAlerts;

	NotificationSchedule(NotificationSender sender, ClockAlerts clockAlerts) {
		this.sender = sender;
		this.clockAlerts = clockAlerts;
	}

	@Scheduled(initialDelayString = "${spinout.notifications.send-interval:PT30S}",
			fixedDelayString = "${spinout.notifications.send-interval:PT30S}")
	void send() {
		sender.sendDue();
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "${spinout.notifications.clock-check-interval:PT15M}")
	void checkClocks() {
		clockAlerts.check();
	}
}
