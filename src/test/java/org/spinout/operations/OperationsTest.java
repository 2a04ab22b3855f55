package org.spinout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpinoutWebTest
class OperationsTest {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	HistoryService history;

	@Test
	void prometheusShowsTheEnginesFiguresToAdministratorsOnly() {
		WebClient admin = new WebClient(port);
		admin.signIn("admin", "demo");
		WebClient manager = new WebClient(port);
		manager.signIn("manager", "demo");

		String metrics = admin.get("/actuator/prometheus").body();

		assertThat(metrics).contains("spinout_engine_jobs{state=\"executable\"}")
				.contains("spinout_engine_jobs{state=\"failed\"}")
				.contains("spinout_engine_process_instances{state=\"active\"}")
				.contains("spinout_engine_incidents")
				.contains("spinout_engine_job_executions_total{outcome=\"successful\"}");
		assertThat(manager.get("/actuator/prometheus").statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).get("/actuator/prometheus").statusCode()).isEqualTo(302);
	}

	@Test
	void historyCleanupIsScheduledAndTimeToLiveEnforced() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
				.getProcessEngineConfiguration();

		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
		assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
	}
}
