package org.spinout.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Reads the deployed {@code award-route-limits} table, so that the driver chooses an award route
 * open to the programme's contract and a contract term within the route's limit exactly as the
 * model will check them. Evaluated by a DMN engine of its own: looking up a route is not a
 * decision of any programme, so it leaves nothing in the decision history.
 */
@Component
@Profile("demo")
class DeployedAwardRoutes {

	static final String DECISION = "award-route-limits";

	/** The routes a spin-out would consider, in the order the driver prefers them. */
	static final List<String> PREFERRED_ROUTES = List.of("pcr-reserved", "pa-reserved", "psr", "pcr-light-touch",
			"pcsr-light-touch", "pa-competitive", "pa-direct-award", "pcr-direct-award", "pcsr-direct-award",
			"below-threshold", "teckal");

	/** What the table reads of the programme, besides the route. */
	static final List<String> INPUTS = List.of("procurementRegime", "nation", "fullRegimeApplies", "contractKind",
			"commissionerType", "parentBodyType", "staffControlPercent", "psrProcess");

	record Limits(String route, boolean allowed, Long maxTermYears) {
	}

	private final RepositoryService repository;

	private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	DeployedAwardRoutes(RepositoryService repository) {
		this.repository = repository;
	}

	/** The first preferred route open to the programme's contract, with its limits. */
	Optional<Limits> preferredFor(Function<String, Object> programme) {
		DmnDecision table = table();
		return PREFERRED_ROUTES.stream().map(route -> limits(table, route, programme))
				.filter(limits -> limits != null && limits.allowed())
				.findFirst();
	}

	/** The limits of a route for the programme; null when the table does not know it. */
	Limits of(String route, Function<String, Object> programme) {
		return limits(table(), route, programme);
	}

	private DmnDecision table() {
		DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
				.latestVersion().singleResult();
		if (definition == null) {
			throw new IllegalStateException("The decision table " + DECISION + " is not deployed");
		}
		return dmn.parseDecision(DECISION, repository.getDmnModelInstance(definition.getId()));
	}

	private Limits limits(DmnDecision table, String route, Function<String, Object> programme) {
		Map<String, Object> variables = new HashMap<>();
		INPUTS.forEach(name -> variables.put(name, programme.apply(name)));
		variables.put("awardRoute", route);
		DmnDecisionRuleResult row = dmn.evaluateDecisionTable(table, variables).getSingleResult();
		if (row == null) {
			return null;
		}
		Object maxTerm = row.get("maxTermYears");
		return new Limits(route, Boolean.TRUE.equals(row.get("routeAllowed")),
				maxTerm instanceof Number number ? number.longValue() : null);
	}
}
