package org.spinout.journey;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Marks a user task as reminded when its reminder timer fires; a later issue sends the mail from
 * {@code remindedAt}. Runs as the {@code timeout} listener with id {@code reminder}.
 */
@Component("taskReminder")
public class TaskReminder implements TaskListener {

	public static final String REMINDED_AT = "remindedAt";

	@Override
	public void notify(DelegateTask task) {
		// Timer jobs run at least once: a second run must not move the recorded time.
		if (task.getVariableLocal(REMINDED_AT) == null) {
			task.setVariableLocal(REMINDED_AT, ClockUtil.getCurrentTime());
		}
	}
}
