package org.spinout.insight;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.spinout.contract.Processes;
import org.springframework.stereotype.Component;

/**
 * The phases of a programme: the processes its main model calls, in the order it reaches them and
 * with the names the main model gives them, read from the latest deployed main model.
 */
@Component
public class ProgrammePhases {

	/** What the page calls the main process, where a phase name would stand. */
	public static final String MAIN = "Programme";

	private final JourneyModels models;

	ProgrammePhases(JourneyModels models) {
		this.models = models;
	}

	/** One phase: the call activity in the main model and the process it calls. */
	public record Phase(String activityId, String processKey, String name) {
	}

	public List<Phase> all() {
		return of(models.latest());
	}

	public List<Phase> of(Map<String, ProcessDefinition> latest) {
		ProcessDefinition main = latest.get(Processes.PROGRAMME);
		if (main == null) {
			return List.of();
		}
		return models.graph(main.getId()).calls().stream()
				.map(call -> new Phase(call.id(), call.calledElement(), call.name()))
				.toList();
	}

	/**
	 * A phase's name by its process key: "Programme" for the main process itself, and the key for a
	 * process the main model does not call.
	 */
	public static String name(List<Phase> phases, String processKey) {
		if (Processes.PROGRAMME.equals(processKey)) {
			return MAIN;
		}
		return phases.stream().filter(phase -> phase.processKey().equals(processKey)).map(Phase::name).findFirst()
				.orElse(processKey);
	}

	/** Keeps the model's order. */
	public static List<String> inOrder(List<Phase> phases, List<String> processKeys) {
		return phases.stream().filter(phase -> processKeys.contains(phase.processKey())).map(Phase::name).toList();
	}
}
