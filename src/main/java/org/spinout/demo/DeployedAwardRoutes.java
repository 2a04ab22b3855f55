package org.spinout.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Reads the deployed {@code award-route-limits} table, so that the driver chooses an award route
 * that fits the procurement regime and a contract term within the route's limit exactly as the
 * model will check them. Evaluated by a DMN engine of its own: looking up a route is not a
 * decision of any programme, so it leaves nothing in the decision history.
 */
@Component
class DeployedAwardRoutes {

	static final String DECISION = "award-route-limits";

	/** The routes a spin-out would consider, in the order the driver prefers them. */
	static final List<String> PREFERRED_ROUTES = List.of("pcr-reserved", "pa-reserved", "psr", "pcr-light-touch",
			"pa-direct-award", "pcr-direct-award", "teckal");

	record Limits(String route, String regime, Long maxTermYears) {
	}

	private final RepositoryService repository;

	private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	DeployedAwardRoutes(RepositoryService repository) {
		this.repository = repository;
	}

	/** The first preferred route that the regime allows, with its limits. */
	Optional<Limits> preferredFor(String regime) {
		DmnDecision table = table();
		return PREFERRED_ROUTES.stream().map(route -> limits(table, route))
				.filter(limits -> limits != null && regime.equals(limits.regime()))
				.findFirst();
	}

	/** The limits of a route; null when the table does not know it. */
	Limits of(String route) {
		return limits(table(), route);
	}

	private DmnDecision table() {
		DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
				.latestVersion().singleResult();
		if (definition == null) {
			throw new IllegalStateException("The decision table " + DECISION + " is not deployed");
		}
		return dmn.parseDecision(DECISION, repository.getDmnModelInstance(definition.getId()));
	}

	private Limits limits(DmnDecision table, String route) {
		DmnDecisionRuleResult row = dmn.evaluateDecisionTable(table, Map.<String, Object>of("awardRoute", route))
				.getSingleResult();
		if (row == null) {
			return null;
		}
		Object maxTerm = row.get("maxTermYears");
		return new Limits(route, (String) row.get("routeRegime"),
				maxTerm instanceof Number number ? number.longValue() : null);
	}
}
