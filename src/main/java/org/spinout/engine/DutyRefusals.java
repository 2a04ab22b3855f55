package org.spinout.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a {@link DutyRefused} leave the engine as itself. The engine wraps whatever a task listener
 * throws in a plain {@link ProcessEngineException}, which the REST API answers with 500; the
 * refusal is an authorization problem and must read as one (403, with its message). Sits outside
 * the transaction, so the command has been rolled back when the refusal is unwrapped.
 */
final class DutyRefusals extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		try {
			return next.execute(command);
		}
		catch (ProcessEngineException failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof DutyRefused refusal) {
					throw refusal;
				}
			}
			throw failure;
		}
	}
}
