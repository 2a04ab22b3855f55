package org.spinout.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.spinout.contract.Processes;
import org.spinout.insight.JourneyModels;
import org.spinout.insight.ProcessGraph;
import org.spinout.insight.ProgrammePhases;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the diagram viewer of a programme's page shows: the model of its main process or of one of
 * its phases, as the programme runs it (the version it started with), with the activities it has
 * completed, those active now (a user task with its task page), and links into the phases it has
 * called and back out to the main process.
 */
@Component
class ProgrammeDiagram {

	private final HistoryService history;

	private final RepositoryService repository;

	private final JourneyModels models;

	private final ProgrammePhases phases;

	ProgrammeDiagram(HistoryService history, RepositoryService repository, JourneyModels models,
			ProgrammePhases phases) {
		this.history = history;
		this.repository = repository;
		this.models = models;
		this.phases = phases;
	}

	/** Which diagram a page shows: the main process, or a phase the programme has reached. */
	record Choice(String reference, String processKey, String name, boolean isPhase) {

		/** Where the viewer fetches its data. */
		public String dataUrl() {
			return UriComponentsBuilder.fromPath("/programmes/{reference}/diagram").queryParam("process", processKey)
					.buildAndExpand(reference).encode().toUriString();
		}

		public String mainUrl() {
			return ProgrammeDiagram.pageUrl(reference, null);
		}
	}

	record Active(String id, String name, String taskUrl) {
	}

	record Data(String processKey, String name, String xml, List<String> completed, List<Active> active,
			Map<String, String> calls, String parentUrl) {
	}

	/** The diagram asked for when the programme has reached it, otherwise its main process. */
	Choice choose(String reference, String processKey) {
		if (processKey != null && !processKey.equals(Processes.PROGRAMME)) {
			List<HistoricProcessInstance> instances = instances(reference);
			for (ProgrammePhases.Phase phase : phases.all()) {
				if (phase.processKey().equals(processKey) && latest(instances, processKey).isPresent()) {
					return new Choice(reference, processKey, phase.name(), true);
				}
			}
		}
		return new Choice(reference, Processes.PROGRAMME, "Main process", false);
	}

	/** The diagram's data; empty when the programme has no instance of that process. */
	Optional<Data> data(String reference, String processKey) {
		List<HistoricProcessInstance> instances = instances(reference);
		Optional<HistoricProcessInstance> found = latest(instances, processKey);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		HistoricProcessInstance instance = found.get();
		Set<String> completed = new LinkedHashSet<>();
		List<Active> active = new ArrayList<>();
		for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
				.processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().list()) {
			if (activity.getEndTime() == null) {
				active.add(new Active(activity.getActivityId(), activity.getActivityName(),
						activity.getTaskId() == null ? null : "/tasks/" + activity.getTaskId()));
			}
			else if (!activity.isCanceled()) {
				completed.add(activity.getActivityId());
			}
		}
		ProcessGraph graph = models.graph(instance.getProcessDefinitionId());
		Map<String, String> calls = new LinkedHashMap<>();
		for (ProcessGraph.Node call : graph.calls()) {
			if (latest(instances, call.calledElement()).isPresent()) {
				calls.put(call.id(), pageUrl(reference, call.calledElement()));
			}
		}
		String name = instance.getSuperProcessInstanceId() == null ? "Main process"
				: ProgrammePhases.name(phases.all(), processKey);
		return Optional.of(new Data(processKey, name, xml(instance.getProcessDefinitionId()), List.copyOf(completed),
				List.copyOf(active), calls,
				instance.getSuperProcessInstanceId() == null ? null : pageUrl(reference, null)));
	}

	/** The programme's process instances, newest first. */
	private List<HistoricProcessInstance> instances(String reference) {
		return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
				.orderByProcessInstanceStartTime().desc().list();
	}

	private static Optional<HistoricProcessInstance> latest(List<HistoricProcessInstance> instances,
			String processKey) {
		return instances.stream().filter(instance -> instance.getProcessDefinitionKey().equals(processKey)).findFirst();
	}

	private String xml(String processDefinitionId) {
		try (InputStream model = repository.getProcessModel(processDefinitionId)) {
			return new String(model.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the model " + processDefinitionId, e);
		}
	}

	static String pageUrl(String reference, String processKey) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/programmes/{reference}");
		if (processKey != null) {
			url.queryParam("diagram", processKey);
		}
		return url.fragment("diagram").buildAndExpand(reference).encode().toUriString();
	}
}
