package org.spinout.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;

/**
 * The named queries name the engine's tables as the engine is configured: with its table prefix,
 * and a history table only where the history level fills it.
 */
class EngineTablesTest {

	@Test
	void aTableIsNamedWithTheConfiguredPrefix() {
		// given an engine whose tables live in a schema of their own
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setDatabaseTablePrefix("CAMUNDA.");
		configuration.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_FULL);

		// when the named queries ask for their tables
		EngineTables tables = new EngineTables(configuration);

		// then each is named in that schema
		assertThat(tables.runtime("ACT_RU_IDENTITYLINK")).isEqualTo("CAMUNDA.ACT_RU_IDENTITYLINK");
		assertThat(tables.history("ACT_HI_ACTINST", HistoryLevel.HISTORY_LEVEL_ACTIVITY))
				.isEqualTo("CAMUNDA.ACT_HI_ACTINST");
	}

	@Test
	void aHistoryTableTheHistoryLevelLeavesEmptyIsRefusedWithTheReason() {
		// given an engine that keeps only the audit history
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_AUDIT);
		EngineTables tables = new EngineTables(configuration);

		// when a query needs the full history, then it is refused, naming the setting
		assertThatIllegalStateException()
				.isThrownBy(() -> tables.history("ACT_HI_IDENTITYLINK", HistoryLevel.HISTORY_LEVEL_FULL))
				.withMessageContaining("'full'").withMessageContaining("'audit'")
				.withMessageContaining("camunda.bpm.history-level");
		// and one the level fills is named as before
		assertThat(tables.history("ACT_HI_PROCINST", HistoryLevel.HISTORY_LEVEL_AUDIT)).isEqualTo("ACT_HI_PROCINST");
	}
}
