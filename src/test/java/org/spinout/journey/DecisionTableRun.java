package org.spinout.journey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One evaluation of a deployed decision table through the engine's {@code DecisionService}, with the
 * ids of the rules that matched (read from the engine's decision history), so that a test can show
 * every rule row is reached.
 */
record DecisionTableRun(Map<String, Object> outputs, Set<String> ruleIds) {

	static DecisionTableRun evaluate(ProcessEngine engine, String decisionKey, Map<String, Object> variables) {
		// Earlier evaluations are removed first so the history holds exactly this one.
		List<String> earlier = engine.getHistoryService().createHistoricDecisionInstanceQuery()
				.decisionDefinitionKey(decisionKey).list().stream().map(HistoricDecisionInstance::getId).toList();
		if (!earlier.isEmpty()) {
			engine.getHistoryService().deleteHistoricDecisionInstancesBulk(earlier);
		}
		DmnDecisionTableResult result = engine.getDecisionService()
				.evaluateDecisionTableByKey(decisionKey, new HashMap<>(variables));
		Set<String> ruleIds = new TreeSet<>();
		engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(decisionKey)
				.includeOutputs().list()
				.forEach(instance -> instance.getOutputs().stream()
						.map(HistoricDecisionOutputInstance::getRuleId)
						.forEach(ruleIds::add));
		Map<String, Object> outputs = result.isEmpty() ? Map.of() : new HashMap<>(result.getSingleResult().getEntryMap());
		return new DecisionTableRun(outputs, ruleIds);
	}

	/** Every rule id of the deployed decision table, in table order; a file may hold other decisions too. */
	static List<String> ruleIds(ProcessEngine engine, String decisionKey) {
		String definitionId = engine.getRepositoryService().createDecisionDefinitionQuery()
				.decisionDefinitionKey(decisionKey).latestVersion().singleResult().getId();
		DmnModelInstance model = engine.getRepositoryService().getDmnModelInstance(definitionId);
		Decision decision = model.getModelElementById(decisionKey);
		return decision.getExpression().getChildElementsByType(Rule.class).stream().map(Rule::getId).toList();
	}
}
