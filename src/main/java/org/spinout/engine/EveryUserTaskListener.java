package org.spinout.engine;

import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener that the engine puts on every user task of every model as it reads the model
 * ({@link EveryUserTaskListeners}), so that no model has to carry it and none can forget it. It
 * runs as a built-in listener: even where an operator skips a model's own listeners.
 */
public interface EveryUserTaskListener extends TaskListener {

	/** The task events it listens to, such as {@link TaskListener#EVENTNAME_CREATE}. */
	Set<String> events();
}
