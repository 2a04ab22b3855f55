package org.spinout.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules every model in {@code processes/} and form in {@code forms/} must keep so that the
 * journey runs, opens cleanly in Camunda Modeler and reads the same everywhere. Reports every
 * problem as "file: element: what is wrong" rather than stopping at the first.
 */
final class ModelRules {

	/** Role groups that may work on tasks; process designers change models and never get tasks. */
	static final Set<String> TASK_GROUPS = Set.of("programme-managers", "shadow-board", "sponsors",
			"decision-makers", "legal", "finance", "scrutiny", "commissioners", "procurement", "hr", "unions",
			"pensions");
	static final String REMINDER_TIMER = "${taskDeadlines.reminder(execution)}";
	static final String ESCALATION_TIMER = "${taskDeadlines.escalation(execution)}";
	static final String RECORD_STOP = "${recordProgrammeStop}";

	private final Path processes;
	private final Path forms;
	private final ObjectMapper json = new ObjectMapper();
	private final List<String> problems = new ArrayList<>();

	private ModelRules(Path processes, Path forms) {
		this.processes = processes;
		this.forms = forms;
	}

	/** Every problem found in the two folders; empty when all rules hold. A missing folder holds nothing. */
	static List<String> check(Path processes, Path forms) {
		ModelRules rules = new ModelRules(processes, forms);
		rules.run();
		return List.copyOf(rules.problems);
	}

	private void run() {
		Set<String> formIds = checkForms();
		Set<String> decisionIds = checkDecisions();
		Map<Path, BpmnModelInstance> models = readProcesses();
		Set<String> processKeys = new HashSet<>();
		models.values().forEach(model -> model.getModelElementsByType(Process.class).stream()
				.filter(Process::isExecutable)
				.forEach(process -> processKeys.add(process.getId())));
		models.forEach((file, model) -> checkProcess(name(file), model, formIds, decisionIds, processKeys));
	}

	private Set<String> checkForms() {
		Set<String> ids = new HashSet<>();
		for (Path file : files(forms, ".form")) {
			String name = name(file);
			JsonNode form;
			try {
				form = json.readTree(file.toFile());
			}
			catch (JsonProcessingException e) {
				problem(name, "is not valid JSON (" + e.getOriginalMessage() + ")");
				continue;
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read " + file, e);
			}
			String id = form.path("id").asText("");
			if (id.isBlank()) {
				problem(name, "has no form id");
				continue;
			}
			if (!name.equals("forms/" + id + ".form")) {
				problem(name, "has form id '" + id + "': name the file after its id");
			}
			ids.add(id);
		}
		return ids;
	}

	private Set<String> checkDecisions() {
		Set<String> ids = new HashSet<>();
		for (Path file : files(processes, ".dmn")) {
			DmnModelInstance model;
			try (InputStream in = Files.newInputStream(file)) {
				model = Dmn.readModelFromStream(in);
			}
			catch (IOException | RuntimeException e) {
				problem(name(file), "cannot be read as DMN (" + rootMessage(e) + ")");
				continue;
			}
			for (Decision decision : model.getModelElementsByType(Decision.class)) {
				ids.add(decision.getId());
				if (isBlank(decision.getName())) {
					problem(name(file), decision.getId(), "decision has no name");
				}
				if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
					problem(name(file), decision.getId(), "decision has no camunda:historyTimeToLive");
				}
			}
		}
		return ids;
	}

	private Map<Path, BpmnModelInstance> readProcesses() {
		Map<Path, BpmnModelInstance> models = new HashMap<>();
		for (Path file : files(processes, ".bpmn")) {
			try (InputStream in = Files.newInputStream(file)) {
				models.put(file, Bpmn.readModelFromStream(in));
			}
			catch (IOException | RuntimeException e) {
				problem(name(file), "cannot be read as BPMN (" + rootMessage(e) + ")");
			}
		}
		return models;
	}

	private void checkProcess(String file, BpmnModelInstance model, Set<String> formIds, Set<String> decisionIds,
			Set<String> processKeys) {
		String key = file.substring(file.lastIndexOf('/') + 1, file.length() - ".bpmn".length());
		List<Process> executable = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
				.toList();
		if (executable.stream().noneMatch(process -> process.getId().equals(key))) {
			problem(file, "defines no executable process with the key '" + key + "': name the file after its process");
		}
		for (Process process : executable) {
			if (isBlank(process.getName())) {
				problem(file, process.getId(), "process has no name");
			}
			if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
				problem(file, process.getId(), "process has no camunda:historyTimeToLive");
			}
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			checkUserTask(file, task, formIds);
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			if (start.getCamundaFormRef() != null) {
				checkFormRef(file, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formIds);
			}
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			if (!processKeys.contains(call.getCalledElement())) {
				problem(file, call.getId(), "calls process '" + call.getCalledElement()
						+ "', which no file in processes/ defines");
			}
		}
		for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
			if (rule.getCamundaDecisionRef() != null && !decisionIds.contains(rule.getCamundaDecisionRef())) {
				problem(file, rule.getId(), "evaluates decision '" + rule.getCamundaDecisionRef()
						+ "', which no file in processes/ defines");
			}
		}
		for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
			long incoming = incoming(model, end);
			if (recordsProgrammeStop(end) && incoming > 1) {
				problem(file, end.getId(), "records a programme stop for " + incoming
						+ " incoming flows: give each gate its own end event so the stop names its gate");
			}
		}
		checkDiagram(file, model);
	}

	private void checkUserTask(String file, UserTask task, Set<String> formIds) {
		String id = task.getId();
		if (isBlank(task.getCamundaCandidateGroups())) {
			problem(file, id, "user task has no camunda:candidateGroups");
		}
		else {
			task.getCamundaCandidateGroupsList().stream().map(String::trim)
					.filter(group -> !TASK_GROUPS.contains(group))
					.forEach(group -> problem(file, id, "candidate group '" + group + "' is not a role group"));
		}
		if (task.getCamundaFormRef() == null) {
			problem(file, id, "user task has no camunda:formRef");
		}
		else {
			checkFormRef(file, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds);
		}
		if (isBlank(task.getCamundaDueDate())) {
			problem(file, id, "user task has no camunda:dueDate");
		}
		if (task.getDocumentations().stream().map(Documentation::getTextContent).allMatch(ModelRules::isBlank)) {
			problem(file, id, "user task has no documentation");
		}
		if (!hasTimeoutListener(task, "reminder", "${taskReminder}", REMINDER_TIMER)) {
			problem(file, id, "user task lacks the timeout listener 'reminder': ${taskReminder} at " + REMINDER_TIMER);
		}
		if (!hasTimeoutListener(task, "escalation", "${taskEscalation}", ESCALATION_TIMER)) {
			problem(file, id, "user task lacks the timeout listener 'escalation': ${taskEscalation} at " + ESCALATION_TIMER);
		}
	}

	private void checkFormRef(String file, BaseElement element, String formRef, String binding, Set<String> formIds) {
		if (!"deployment".equals(binding)) {
			problem(file, element.getId(), "form reference '" + formRef + "' needs camunda:formRefBinding=\"deployment\"");
		}
		if (!formIds.contains(formRef)) {
			problem(file, element.getId(), "form reference '" + formRef + "' names no form in forms/");
		}
	}

	private static boolean hasTimeoutListener(UserTask task, String listenerId, String delegate, String timer) {
		return extensions(task, CamundaTaskListener.class).stream().anyMatch(listener ->
				"timeout".equals(listener.getCamundaEvent())
						&& listenerId.equals(listener.getAttributeValue("id"))
						&& delegate.equals(listener.getCamundaDelegateExpression())
						&& listener.getTimeouts().stream().anyMatch(definition -> timeDate(definition).equals(timer)));
	}

	private static String timeDate(TimerEventDefinition definition) {
		return definition.getTimeDate() == null ? "" : definition.getTimeDate().getTextContent().trim();
	}

	private static boolean recordsProgrammeStop(EndEvent end) {
		return extensions(end, CamundaExecutionListener.class).stream()
				.anyMatch(listener -> RECORD_STOP.equals(listener.getCamundaDelegateExpression()));
	}

	private static <T extends ModelElementInstance> Collection<T> extensions(BaseElement element, Class<T> type) {
		ExtensionElements extensions = element.getExtensionElements();
		return extensions == null ? List.of() : extensions.getElementsQuery().filterByType(type).list();
	}

	/** Counted from the flows' targets, which a model always has, not from optional incoming elements. */
	private static long incoming(BpmnModelInstance model, FlowNode node) {
		return model.getModelElementsByType(SequenceFlow.class).stream()
				.filter(flow -> flow.getTarget() == node)
				.count();
	}

	private void checkDiagram(String file, BpmnModelInstance model) {
		model.getModelElementsByType(BpmnShape.class).stream().filter(shape -> shape.getBpmnElement() == null)
				.forEach(shape -> problem(file, shape.getId(), "shape refers to no element"));
		Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
				.filter(shape -> shape.getBpmnElement() != null).toList();
		Set<String> shaped = new HashSet<>();
		shapes.forEach(shape -> shaped.add(shape.getBpmnElement().getId()));
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			if (!shaped.contains(node.getId())) {
				problem(file, node.getId(), "has no shape in the diagram");
			}
		}
		Set<String> edged = new HashSet<>();
		model.getModelElementsByType(BpmnEdge.class).stream()
				.filter(edge -> edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2)
				.forEach(edge -> edged.add(edge.getBpmnElement().getId()));
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			if (!edged.contains(flow.getId())) {
				problem(file, flow.getId(), "has no edge with waypoints in the diagram");
			}
		}
		for (BpmnShape shape : shapes) {
			BaseElement element = shape.getBpmnElement();
			boolean named = !isBlank(element.getAttributeValue("name"));
			if (named && (element instanceof Event || element instanceof Gateway)
					&& (shape.getBpmnLabel() == null || shape.getBpmnLabel().getBounds() == null)) {
				problem(file, element.getId(), "is named but its shape has no label bounds");
			}
		}
		List<BpmnShape> placed = shapes.stream().filter(shape -> !isContainer(shape.getBpmnElement())).toList();
		for (int i = 0; i < placed.size(); i++) {
			for (int j = i + 1; j < placed.size(); j++) {
				BpmnShape a = placed.get(i);
				BpmnShape b = placed.get(j);
				if (a.getParentElement() == b.getParentElement() && overlap(a.getBounds(), b.getBounds())
						&& !mayOverlap(a.getBpmnElement(), b.getBpmnElement())) {
					problem(file, "shapes of " + a.getBpmnElement().getId() + " and " + b.getBpmnElement().getId()
							+ " overlap");
				}
			}
		}
	}

	/** Pools, lanes and groups are drawn around other shapes. */
	private static boolean isContainer(BaseElement element) {
		return element instanceof Participant || element instanceof Lane || element instanceof Group;
	}

	/** A boundary event sits on its host's border; an expanded sub-process holds its own elements. */
	private static boolean mayOverlap(BaseElement a, BaseElement b) {
		return attachedTo(a, b) || attachedTo(b, a) || contains(a, b) || contains(b, a);
	}

	private static boolean attachedTo(BaseElement event, BaseElement host) {
		return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == host;
	}

	private static boolean contains(BaseElement outer, BaseElement inner) {
		if (!(outer instanceof SubProcess)) {
			return false;
		}
		for (ModelElementInstance parent = inner.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent == outer) {
				return true;
			}
		}
		// A boundary event on an element inside the sub-process belongs to it too.
		return inner instanceof BoundaryEvent boundary && contains(outer, boundary.getAttachedTo());
	}

	private static boolean overlap(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

	private List<Path> files(Path folder, String extension) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list " + folder, e);
		}
	}

	private String name(Path file) {
		Path folder = file.startsWith(forms) ? forms : processes;
		return folder.getFileName() + "/" + folder.relativize(file);
	}

	private void problem(String file, String message) {
		problems.add(file + ": " + message);
	}

	private void problem(String file, String elementId, String message) {
		problems.add(file + ": " + elementId + ": " + message);
	}

	/** The parser's own words (line and column) are in the innermost cause. */
	private static String rootMessage(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}
}
