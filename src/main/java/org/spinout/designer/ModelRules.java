package org.spinout.designer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
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
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.spinout.contract.CandidateGroups;
import org.spinout.model.ModelFile;
import org.spinout.model.ModelProblem;

/**
 * The rules every model in {@code processes/} and form in {@code forms/} keeps so that the
 * journey runs, opens cleanly in Camunda Modeler and reads the same everywhere. An error is a
 * rule whose breach makes running the model go wrong (a task nobody may pick up, a form or
 * process that is not there, a timer the engine refuses); the rest are warnings, which a
 * deployment shows and lets through. The build holds the repository's folders to every rule,
 * warnings included. Reports every problem, each with its file and element, rather than
 * stopping at the first.
 */
public final class ModelRules {

	/**
	 * What the checked files may refer to besides each other, and how to say that a reference
	 * leads nowhere.
	 */
	public record Scope(Set<String> otherProcessKeys, Set<String> otherDecisionIds, boolean filesNamedAfterKeys,
			String noSuchForm, String noSuchProcess, String noSuchDecision) {

		/** The repository's folders: every model and form is in them, each file named after what it defines. */
		public static Scope repository() {
			return new Scope(Set.of(), Set.of(), true, "names no form in forms/", "which no file in processes/ defines",
					"which no file in processes/ defines");
		}

		/**
		 * A deployment: the forms it references are in it or deployed already (the deployed one is
		 * added to it), and so may be the processes and decisions. A file sent through the REST API
		 * keeps the name its tool gave it, so the file-name rule is for the designer pages only.
		 */
		public static Scope deployment(Set<String> deployedProcessKeys, Set<String> deployedDecisionIds,
				boolean filesNamedAfterKeys) {
			return new Scope(Set.copyOf(deployedProcessKeys), Set.copyOf(deployedDecisionIds), filesNamedAfterKeys,
					"names no form in this deployment nor any deployed form: add the form file to it",
					"which is neither in this deployment nor deployed",
					"which is neither in this deployment nor deployed");
		}
	}

	/** Role groups that may work on tasks; process designers change models and never get tasks. */
	public static final Set<String> TASK_GROUPS = CandidateGroups.ALL;
	static final String RECORD_STOP = "${recordProgrammeStop}";
	/** The extension property that names the tasks whose paper a task approves. */
	static final String APPROVES = "approves";
	private static final Pattern READS_DECISION = Pattern.compile("\\bdecision\\b");

	private final List<ModelFile> files;
	private final Scope scope;
	private final ObjectMapper json = new ObjectMapper();
	private final List<ModelProblem> problems = new ArrayList<>();

	private ModelRules(List<ModelFile> files, Scope scope) {
		this.files = files;
		this.scope = scope;
	}

	/** Every problem found in the files; empty when all rules hold. */
	public static List<ModelProblem> check(List<ModelFile> files, Scope scope) {
		ModelRules rules = new ModelRules(files, scope);
		rules.run();
		return List.copyOf(rules.problems);
	}

	/** Every problem found in the two folders; empty when all rules hold. A missing folder holds nothing. */
	public static List<ModelProblem> check(Path processes, Path forms) {
		List<ModelFile> files = new ArrayList<>();
		files.addAll(read(processes, ".bpmn"));
		files.addAll(read(processes, ".dmn"));
		files.addAll(read(forms, ".form"));
		return check(files, Scope.repository());
	}

	private void run() {
		Set<String> formIds = checkForms();
		Set<String> decisionIds = checkDecisions();
		decisionIds.addAll(scope.otherDecisionIds());
		Map<String, BpmnModelInstance> models = readProcesses();
		Set<String> processKeys = new HashSet<>(scope.otherProcessKeys());
		models.values().forEach(model -> model.getModelElementsByType(Process.class).stream()
				.filter(Process::isExecutable)
				.forEach(process -> processKeys.add(process.getId())));
		models.forEach((file, model) -> checkProcess(file, model, formIds, decisionIds, processKeys));
	}

	private Set<String> checkForms() {
		Set<String> ids = new HashSet<>();
		for (ModelFile file : files(ModelFile.FORM)) {
			String name = file.name();
			JsonNode form;
			try {
				form = json.readTree(file.content());
			}
			catch (JsonProcessingException e) {
				problem(name, "is not valid JSON (" + e.getOriginalMessage() + ")");
				continue;
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read " + name, e);
			}
			if (form == null || !form.isObject()) {
				problem(name, "is not a form: it holds no JSON object");
				continue;
			}
			String id = form.path("id").asText("");
			if (id.isBlank()) {
				problem(name, "has no form id");
				continue;
			}
			if (scope.filesNamedAfterKeys() && !name.equals("forms/" + id + ".form")) {
				warning(name, "has form id '" + id + "': name the file after its id");
			}
			ids.add(id);
		}
		return ids;
	}

	private Set<String> checkDecisions() {
		Set<String> ids = new HashSet<>();
		for (ModelFile file : files(ModelFile.DMN)) {
			DmnModelInstance model;
			try {
				model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
			}
			catch (RuntimeException e) {
				problem(file.name(), "cannot be read as DMN (" + rootMessage(e) + ")");
				continue;
			}
			for (Decision decision : model.getModelElementsByType(Decision.class)) {
				ids.add(decision.getId());
				if (isBlank(decision.getName())) {
					warning(file.name(), decision, "decision has no name");
				}
				if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
					problem(file.name(), decision, "decision has no camunda:historyTimeToLive");
				}
			}
		}
		return ids;
	}

	private Map<String, BpmnModelInstance> readProcesses() {
		Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
		for (ModelFile file : files(ModelFile.BPMN)) {
			try {
				models.put(file.name(), Bpmn.readModelFromStream(new ByteArrayInputStream(file.content())));
			}
			catch (RuntimeException e) {
				problem(file.name(), "cannot be read as BPMN (" + rootMessage(e) + ")");
			}
		}
		return models;
	}

	private void checkProcess(String file, BpmnModelInstance model, Set<String> formIds, Set<String> decisionIds,
			Set<String> processKeys) {
		String key = file.substring(file.lastIndexOf('/') + 1, file.length() - ".bpmn".length());
		List<Process> executable = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
				.toList();
		if (executable.isEmpty()) {
			warning(file, "defines no executable process: the engine deploys nothing to run from it");
		}
		else if (scope.filesNamedAfterKeys() && executable.stream().noneMatch(process -> process.getId().equals(key))) {
			warning(file, "defines no executable process with the key '" + key + "': name the file after its process");
		}
		for (Process process : executable) {
			if (isBlank(process.getName())) {
				warning(file, process, "process has no name");
			}
			if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
				problem(file, process, "process has no camunda:historyTimeToLive");
			}
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			if (runs(task)) {
				checkUserTask(file, task, formIds);
			}
			checkApproves(file, task);
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			if (runs(start) && start.getCamundaFormRef() != null) {
				checkFormRef(file, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formIds);
			}
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			if (runs(call) && !processKeys.contains(call.getCalledElement())) {
				problem(file, call, "calls process '" + call.getCalledElement() + "', " + scope.noSuchProcess());
			}
		}
		for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
			if (runs(rule) && rule.getCamundaDecisionRef() != null && !decisionIds.contains(rule.getCamundaDecisionRef())) {
				problem(file, rule, "evaluates decision '" + rule.getCamundaDecisionRef() + "', "
						+ scope.noSuchDecision());
			}
		}
		for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
			long incoming = incoming(model, end);
			if (recordsProgrammeStop(end) && incoming > 1) {
				warning(file, end, "records a programme stop for " + incoming
						+ " incoming flows: give each gate its own end event so the stop names its gate");
			}
			if (recordsProgrammeStop(end)) {
				checkStopIsDecided(file, model, end);
			}
		}
		checkDiagram(file, model);
	}

	private void checkUserTask(String file, UserTask task, Set<String> formIds) {
		if (isBlank(task.getCamundaCandidateGroups())) {
			problem(file, task, "user task has no camunda:candidateGroups: nobody could pick it up");
		}
		else {
			task.getCamundaCandidateGroupsList().stream().map(String::trim)
					.filter(group -> !TASK_GROUPS.contains(group))
					.forEach(group -> problem(file, task, "candidate group '" + group
							+ "' is not a role group: nobody in it could pick the task up"));
		}
		if (task.getCamundaFormRef() == null) {
			problem(file, task, "user task has no camunda:formRef: the task page has no form to show");
		}
		else {
			checkFormRef(file, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds);
		}
		if (isBlank(task.getCamundaDueDate())) {
			warning(file, task, "user task has no camunda:dueDate, so it gets no reminder or escalation");
		}
		if (task.getDocumentations().stream().map(Documentation::getTextContent).allMatch(ModelRules::isBlank)) {
			warning(file, task, "user task has no documentation");
		}
	}

	/** An approval names user tasks of its own process, not itself, so that the engine can keep their preparers off it. */
	private void checkApproves(String file, UserTask task) {
		Set<String> userTasks = new HashSet<>();
		task.getParentElement().getChildElementsByType(UserTask.class).forEach(other -> userTasks.add(other.getId()));
		for (CamundaProperty property : extensions(task, CamundaProperties.class)
				.stream().flatMap(properties -> properties.getCamundaProperties().stream()).toList()) {
			if (!APPROVES.equals(property.getCamundaName())) {
				continue;
			}
			for (String id : String.valueOf(property.getCamundaValue()).split(",")) {
				String approved = id.trim();
				if (approved.equals(task.getId())) {
					problem(file, task, "approves itself: name the tasks that prepare the paper it approves");
				}
				else if (!userTasks.contains(approved)) {
					problem(file, task, "approves '" + approved + "', which is no user task of its process");
				}
			}
		}
	}

	/**
	 * Only decision-makers stop a programme: walking back from a "Programme stopped" end event, the
	 * first gate on every way to it must be one of theirs. A gate is a user task that flows straight
	 * into an exclusive gateway deciding on {@code decision}; other user tasks on the way (telling
	 * the staff, withdrawing notices) are passed through, as they carry out a stop rather than decide it.
	 */
	private void checkStopIsDecided(String file, BpmnModelInstance model, EndEvent stop) {
		Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
		Set<FlowNode> seen = new HashSet<>();
		List<FlowNode> layer = List.of(stop);
		boolean undecided = false;
		while (!layer.isEmpty()) {
			List<FlowNode> previous = new ArrayList<>();
			for (FlowNode node : layer) {
				List<FlowNode> before = predecessors(node, flows);
				undecided |= before.isEmpty();
				for (FlowNode earlier : before) {
					if (!seen.add(earlier)) {
						continue;
					}
					if (earlier instanceof UserTask gate && isGate(gate, flows)) {
						if (!gate.getCamundaCandidateGroupsList().stream().map(String::trim).toList()
								.contains(CandidateGroups.DECISION_MAKERS)) {
							problem(file, stop, "records a programme stop that the gate '" + gate.getId() + "' of "
									+ gate.getCamundaCandidateGroups() + " leads to: only "
									+ CandidateGroups.DECISION_MAKERS + " stop a programme, so give that gate no way here");
						}
					}
					else {
						previous.add(earlier);
					}
				}
			}
			layer = previous;
		}
		if (undecided) {
			problem(file, stop, "records a programme stop that can be reached without a decision of the "
					+ CandidateGroups.DECISION_MAKERS);
		}
	}

	/** What comes just before a node: the sources of its incoming flows, and the host of a boundary event. */
	private static List<FlowNode> predecessors(FlowNode node, Collection<SequenceFlow> flows) {
		List<FlowNode> before = new ArrayList<>();
		flows.stream().filter(flow -> flow.getTarget() == node).forEach(flow -> before.add(flow.getSource()));
		if (node instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
			before.add(boundary.getAttachedTo());
		}
		return before;
	}

	/** A user task whose outcome the exclusive gateway straight after it decides on {@code decision}. */
	private static boolean isGate(UserTask task, Collection<SequenceFlow> flows) {
		return flows.stream().filter(flow -> flow.getSource() == task)
				.map(SequenceFlow::getTarget)
				.filter(ExclusiveGateway.class::isInstance)
				.anyMatch(gateway -> flows.stream().filter(flow -> flow.getSource() == gateway)
						.map(SequenceFlow::getConditionExpression)
						.anyMatch(condition -> condition != null && condition.getTextContent() != null
								&& READS_DECISION.matcher(condition.getTextContent()).find()));
	}

	private void checkFormRef(String file, BaseElement element, String formRef, String binding, Set<String> formIds) {
		if (!"deployment".equals(binding)) {
			warning(file, element, "form reference '" + formRef + "' needs camunda:formRefBinding=\"deployment\"");
		}
		if (!formIds.contains(formRef)) {
			problem(file, element, "form reference '" + formRef + "' " + scope.noSuchForm());
		}
	}

	/** Whether the element is in an executable process: the engine deploys nothing else, so nothing else runs. */
	private static boolean runs(ModelElementInstance element) {
		for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent instanceof Process process) {
				return process.isExecutable();
			}
		}
		return false;
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
				.forEach(shape -> problems.add(new ModelProblem(file, shape.getId(), null, "shape refers to no element", true)));
		Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
				.filter(shape -> shape.getBpmnElement() != null).toList();
		Set<String> shaped = new HashSet<>();
		shapes.forEach(shape -> shaped.add(shape.getBpmnElement().getId()));
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			if (!shaped.contains(node.getId())) {
				warning(file, node, "has no shape in the diagram");
			}
		}
		Set<String> edged = new HashSet<>();
		model.getModelElementsByType(BpmnEdge.class).stream()
				.filter(edge -> edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2)
				.forEach(edge -> edged.add(edge.getBpmnElement().getId()));
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			if (!edged.contains(flow.getId())) {
				warning(file, flow, "has no edge with waypoints in the diagram");
			}
		}
		for (BpmnShape shape : shapes) {
			BaseElement element = shape.getBpmnElement();
			boolean named = !isBlank(element.getAttributeValue("name"));
			if (named && (element instanceof Event || element instanceof Gateway)
					&& (shape.getBpmnLabel() == null || shape.getBpmnLabel().getBounds() == null)) {
				warning(file, element, "is named but its shape has no label bounds");
			}
		}
		List<BpmnShape> placed = shapes.stream().filter(shape -> !isContainer(shape.getBpmnElement())).toList();
		for (int i = 0; i < placed.size(); i++) {
			for (int j = i + 1; j < placed.size(); j++) {
				BpmnShape a = placed.get(i);
				BpmnShape b = placed.get(j);
				if (a.getParentElement() == b.getParentElement() && overlap(a.getBounds(), b.getBounds())
						&& !mayOverlap(a.getBpmnElement(), b.getBpmnElement())) {
					warning(file, a.getBpmnElement(), "overlaps " + seen(b.getBpmnElement()) + " in the diagram");
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

	private List<ModelFile> files(String extension) {
		return files.stream().filter(file -> file.name().endsWith(extension)).toList();
	}

	/** The files of a folder with the given extension, named as they are deployed: folder/file. */
	private static List<ModelFile> read(Path folder, String extension) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.list(folder)) {
			List<ModelFile> read = new ArrayList<>();
			for (Path path : paths.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList()) {
				read.add(new ModelFile(folder.getFileName() + "/" + folder.relativize(path), Files.readAllBytes(path)));
			}
			return read;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + folder, e);
		}
	}

	private void problem(String file, String message) {
		problems.add(ModelProblem.of(file, message));
	}

	private void problem(String file, ModelElementInstance element, String message) {
		problems.add(new ModelProblem(file, element.getAttributeValue("id"), element.getAttributeValue("name"), message));
	}

	private void warning(String file, String message) {
		problems.add(ModelProblem.of(file, message).asWarning());
	}

	private void warning(String file, ModelElementInstance element, String message) {
		problems.add(new ModelProblem(file, element.getAttributeValue("id"), element.getAttributeValue("name"), message,
				true));
	}

	/** An element as the modeller labels it: its name where it has one, else its id. */
	private static String seen(BaseElement element) {
		String name = element.getAttributeValue("name");
		return isBlank(name) ? element.getId() : "'" + name.strip() + "' (" + element.getId() + ")";
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
