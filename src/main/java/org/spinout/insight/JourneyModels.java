package org.spinout.insight;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The deployed models of the journey as graphs. A deployed definition never changes, so each is
 * read and turned into a graph once and kept; only the question "which version is the latest"
 * goes to the database each time.
 */
@Component
public class JourneyModels {

	private final RepositoryService repository;

	private final Map<String, ProcessGraph> graphs = new ConcurrentHashMap<>();

	JourneyModels(RepositoryService repository) {
		this.repository = repository;
	}

	/** The graph of a deployed process definition. */
	public ProcessGraph graph(String processDefinitionId) {
		return graphs.computeIfAbsent(processDefinitionId, id -> {
			ProcessDefinition definition = repository.getProcessDefinition(id);
			return ProcessGraph.of(repository.getBpmnModelInstance(id), definition.getKey());
		});
	}

	/** The latest version of every deployed process: key to definition. One query. */
	public Map<String, ProcessDefinition> latest() {
		return repository.createProcessDefinitionQuery().latestVersion().list().stream()
				.collect(Collectors.toMap(ProcessDefinition::getKey, definition -> definition, (a, b) -> a));
	}
}
