package org.spinout.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/**
 * The engine's tables by name, with the configured prefix ({@code databaseTablePrefix}), for the
 * boundary's few named queries; a history table only where the engine's history level fills it.
 * See {@code docs/decisions/named-queries-on-the-engine-tables.md}.
 */
@Component
class EngineTables {

	private final ProcessEngineConfigurationImpl configuration;

	EngineTables(ProcessEngineConfiguration configuration) {
		this.configuration = (ProcessEngineConfigurationImpl) configuration;
	}

	/** A runtime table, such as {@code ACT_RU_IDENTITYLINK}. */
	String runtime(String name) {
		return prefix() + name;
	}

	/**
	 * A history table, such as {@code ACT_HI_ACTINST}, which the engine fills only from the given
	 * history level up.
	 *
	 * @throws IllegalStateException when the engine runs at a lower level, where the table stays
	 *         empty and a query on it would answer nothing without saying why
	 */
	String history(String name, HistoryLevel needed) {
		HistoryLevel level = configuration.getHistoryLevel();
		if (level != null && level.getId() < needed.getId()) {
			throw new IllegalStateException(name + " is filled from history level '" + needed.getName()
					+ "' up; the engine runs at '" + level.getName() + "' (camunda.bpm.history-level)");
		}
		return prefix() + name;
	}

	private String prefix() {
		String prefix = configuration.getDatabaseTablePrefix();
		return prefix == null ? "" : prefix;
	}
}
