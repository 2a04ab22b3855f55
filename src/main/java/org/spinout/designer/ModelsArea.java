package org.spinout.designer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.spinout.designer.ModelCatalogue.Catalogue;
import org.spinout.designer.ModelCatalogue.Kind;
import org.spinout.designer.ModelCatalogue.Model;
import org.spinout.security.SpinoutUser;
import org.springframework.stereotype.Service;

/**
 * The models area's list: every process, decision table and form by its title, grouped by the
 * phase (the process) that uses it, with what uses it beside it, and a search. A phase follows
 * the process that calls it, as the journey runs; a form is titled by the task that shows it.
 */
@Service
class ModelsArea {

	/** One model in the list; {@code usedBy} names the processes (and for a form, the tasks) that use it. */
	record Entry(Kind kind, String key, String title, ModelCatalogue.Version latest, int versions, List<String> usedBy) {

		public String kindName() {
			return switch (kind) {
				case PROCESS -> "Process";
				case DECISION -> "Decision table";
				case FORM -> "Form";
			};
		}

		public String kindPath() {
			return kind.name().toLowerCase(Locale.ROOT);
		}

		boolean matches(String query) {
			String words = String.join(" ", title, key, String.join(" ", usedBy)).toLowerCase(Locale.ROOT);
			return words.contains(query.toLowerCase(Locale.ROOT));
		}
	}

	record Phase(String title, List<Entry> entries) {
	}

	/** The phases with what the search found; {@code total} counts every model, found or not. */
	record Area(List<Phase> phases, String query, int found, int total) {
	}

	static final String UNUSED = "Not used by any process";

	private final ModelCatalogue catalogue;

	private final RepositoryService repository;

	private final EngineUser engineUser;

	ModelsArea(ModelCatalogue catalogue, RepositoryService repository, EngineUser engineUser) {
		this.catalogue = catalogue;
		this.repository = repository;
		this.engineUser = engineUser;
	}

	Area read(SpinoutUser user, String query) {
		Catalogue all = catalogue.read(user);
		Usage usage = engineUser.call(user, this::usage);
		Map<String, Model> processes = new LinkedHashMap<>();
		all.processes().forEach(process -> processes.put(process.key(), process));
		List<String> order = usage.phaseOrder(processes.keySet());
		Map<String, List<Entry>> phases = new LinkedHashMap<>();
		order.forEach(key -> phases.put(key, new ArrayList<>()));
		phases.put(UNUSED, new ArrayList<>());
		for (String key : order) {
			Model process = processes.get(key);
			phases.get(key).add(entry(process, process.name(), usage.callers(key, processes)));
		}
		for (Model decision : all.decisions()) {
			List<String> users = usage.users(usage.decisionUsers, decision.key(), order);
			phases.get(users.isEmpty() ? UNUSED : users.get(0)).add(entry(decision, decision.name(),
					names(users, processes)));
		}
		for (Model form : all.forms()) {
			List<String> users = usage.users(usage.formUsers, form.key(), order);
			String title = Optional.ofNullable(usage.formTitles.get(form.key())).orElse(form.key());
			List<String> usedBy = new ArrayList<>();
			for (String process : users) {
				usedBy.add(processes.get(process).name() + ": " + String.join(", ",
						usage.formTasks.getOrDefault(process + "/" + form.key(), Set.of())));
			}
			phases.get(users.isEmpty() ? UNUSED : users.get(0)).add(entry(form, title, usedBy));
		}
		String search = query == null ? "" : query.strip();
		List<Phase> shown = new ArrayList<>();
		int found = 0;
		int total = 0;
		for (Map.Entry<String, List<Entry>> phase : phases.entrySet()) {
			total += phase.getValue().size();
			List<Entry> entries = phase.getValue().stream().filter(entry -> search.isEmpty() || entry.matches(search))
					.toList();
			found += entries.size();
			if (!entries.isEmpty()) {
				String title = UNUSED.equals(phase.getKey()) ? UNUSED : processes.get(phase.getKey()).name();
				shown.add(new Phase(title, entries));
			}
		}
		return new Area(shown, search, found, total);
	}

	private static Entry entry(Model model, String title, List<String> usedBy) {
		return new Entry(model.kind(), model.key(), title, model.latest(), model.versions().size(), List.copyOf(usedBy));
	}

	private static List<String> names(List<String> processKeys, Map<String, Model> processes) {
		return processKeys.stream().map(key -> processes.get(key).name()).toList();
	}

	/** What the latest version of each process calls, evaluates and shows, read from its model. */
	private Usage usage() {
		Usage usage = new Usage();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion()
				.listPage(0, DeployedModels.PAGE)) {
			String process = definition.getKey();
			BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
			for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
				usage.calls.computeIfAbsent(process, key -> new ArrayList<>()).add(call.getCalledElement());
			}
			for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
				if (rule.getCamundaDecisionRef() != null) {
					usage.decisionUsers.computeIfAbsent(rule.getCamundaDecisionRef(), key -> new LinkedHashSet<>())
							.add(process);
				}
			}
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				usage.form(process, task.getCamundaFormRef(), task.getName());
			}
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				usage.form(process, start.getCamundaFormRef(), start.getName() == null ? "start" : start.getName());
			}
		}
		return usage;
	}

	private static final class Usage {

		final Map<String, List<String>> calls = new LinkedHashMap<>();

		final Map<String, Set<String>> decisionUsers = new LinkedHashMap<>();

		final Map<String, Set<String>> formUsers = new LinkedHashMap<>();

		final Map<String, Set<String>> formTasks = new LinkedHashMap<>();

		final Map<String, String> formTitles = new LinkedHashMap<>();

		void form(String process, String formRef, String taskName) {
			if (formRef == null || formRef.isBlank()) {
				return;
			}
			String name = taskName == null || taskName.isBlank() ? formRef : taskName.strip().replaceAll("\\s+", " ");
			formUsers.computeIfAbsent(formRef, key -> new LinkedHashSet<>()).add(process);
			formTasks.computeIfAbsent(process + "/" + formRef, key -> new LinkedHashSet<>()).add(name);
			formTitles.putIfAbsent(formRef, name);
		}

		/** Processes no other calls first, alphabetically, each followed by what it calls, in the order it calls them. */
		List<String> phaseOrder(Set<String> processes) {
			Set<String> called = new LinkedHashSet<>();
			calls.values().forEach(called::addAll);
			Set<String> order = new LinkedHashSet<>();
			processes.stream().filter(key -> !called.contains(key)).sorted(Comparator.naturalOrder())
					.forEach(root -> visit(root, processes, order));
			processes.stream().sorted().forEach(key -> visit(key, processes, order));
			return List.copyOf(order);
		}

		private void visit(String key, Set<String> processes, Set<String> order) {
			if (!processes.contains(key) || !order.add(key)) {
				return;
			}
			calls.getOrDefault(key, List.of()).forEach(child -> visit(child, processes, order));
		}

		/** The processes that use a decision or form, in phase order. */
		List<String> users(Map<String, Set<String>> byKey, String key, List<String> order) {
			Set<String> users = byKey.getOrDefault(key, Set.of());
			return order.stream().filter(users::contains).toList();
		}

		List<String> callers(String process, Map<String, Model> processes) {
			return calls.entrySet().stream().filter(call -> call.getValue().contains(process))
					.map(call -> processes.containsKey(call.getKey()) ? processes.get(call.getKey()).name() : call.getKey())
					.toList();
		}
	}
}
