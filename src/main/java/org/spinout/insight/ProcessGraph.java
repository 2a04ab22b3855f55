package org.spinout.insight;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A process model as a graph of its flow nodes with the loops cut, so that what is left of a
 * programme can be walked forward once. Send-back loops are cut where they turn back; boundary
 * events and event sub-processes are left out (they interrupt the plan rather than make it), and
 * with them what only they lead to; an embedded sub-process is entered at its start events and left
 * once its ends are reached (the longest of its routes, as for a process).
 */
public final class ProcessGraph {

	/** What a node costs in time. */
	public enum Kind {
		/** A person's task: its due date plans it, history measures it. */
		USER_TASK,
		/** A timer: a statutory or local clock runs. */
		TIMER,
		/** Waits for something outside (a message, a receive task): measured by history only. */
		WAIT,
		/** A called phase: as long as that process takes. */
		CALL,
		/** Takes no time of its own: gateways, service tasks, events. */
		INSTANT
	}

	public record Node(String id, String name, Kind kind, String expression, String calledElement) {
	}

	private static final String EXIT = "#end";

	private final String processKey;

	private final Map<String, Node> nodes;

	private final Map<String, List<String>> successors;

	private final List<String> order;

	private final Set<String> starts;

	private final Set<String> ends;

	private ProcessGraph(String processKey, Map<String, Node> nodes, Map<String, List<String>> successors,
			List<String> order, Set<String> starts, Set<String> ends) {
		this.processKey = processKey;
		this.nodes = nodes;
		this.successors = successors;
		this.order = order;
		this.starts = starts;
		this.ends = ends;
	}

	public String processKey() {
		return processKey;
	}

	public Node node(String id) {
		return nodes.get(id);
	}

	public Collection<Node> nodes() {
		return nodes.values();
	}

	/** Nodes in an order where every node comes after all that lead to it. */
	public List<String> order() {
		return order;
	}

	public List<String> successors(String id) {
		return successors.getOrDefault(id, List.of());
	}

	/** The process's own start events (not those of sub-processes). */
	public Set<String> starts() {
		return starts;
	}

	/** The process's own end events that finish it normally: not an error or a termination. */
	public Set<String> ends() {
		return ends;
	}

	/** The called phases in the order the process reaches them. */
	public List<Node> calls() {
		return order.stream().map(nodes::get).filter(node -> node.kind() == Kind.CALL).toList();
	}

	public static ProcessGraph of(BpmnModelInstance model, String processKey) {
		Process process = model.getModelElementById(processKey);
		if (process == null) {
			throw new IllegalArgumentException("The model has no process " + processKey);
		}
		Builder builder = new Builder();
		builder.scope(process.getFlowElements(), true);
		return builder.build(processKey);
	}

	private static final class Builder {

		private final Map<String, Node> nodes = new LinkedHashMap<>();

		private final Map<String, Set<String>> edges = new LinkedHashMap<>();

		private final Set<String> starts = new LinkedHashSet<>();

		private final Set<String> ends = new LinkedHashSet<>();

		/** Adds one scope's nodes and flows; returns its start events and its normal ends. */
		private Scope scope(Collection<FlowElement> elements, boolean processLevel) {
			Scope scope = new Scope();
			List<SequenceFlow> flows = new ArrayList<>();
			for (FlowElement element : elements) {
				if (element instanceof SequenceFlow flow) {
					flows.add(flow);
				}
				else if (element instanceof SubProcess sub) {
					if (sub.triggeredByEvent()) {
						continue;
					}
					add(new Node(sub.getId(), sub.getName(), Kind.INSTANT, null, null));
					add(new Node(sub.getId() + EXIT, sub.getName(), Kind.INSTANT, null, null));
					Scope inner = scope(sub.getFlowElements(), false);
					inner.starts.forEach(start -> edge(sub.getId(), start));
					inner.ends.forEach(end -> edge(end, sub.getId() + EXIT));
				}
				else if (element instanceof FlowNode node && !(node instanceof BoundaryEvent)) {
					add(node(node));
					if (node instanceof StartEvent) {
						scope.starts.add(node.getId());
					}
					if (node instanceof EndEvent end && finishesNormally(end)) {
						scope.ends.add(node.getId());
					}
				}
			}
			for (SequenceFlow flow : flows) {
				if (flow.getSource() instanceof BoundaryEvent || flow.getTarget() instanceof BoundaryEvent) {
					continue;
				}
				String source = flow.getSource().getId();
				if (flow.getSource() instanceof SubProcess) {
					source = source + EXIT;
				}
				edge(source, flow.getTarget().getId());
			}
			if (processLevel) {
				starts.addAll(scope.starts);
				ends.addAll(scope.ends);
			}
			return scope;
		}

		private void add(Node node) {
			nodes.put(node.id(), node);
		}

		private void edge(String from, String to) {
			edges.computeIfAbsent(from, id -> new LinkedHashSet<>()).add(to);
		}

		private ProcessGraph build(String processKey) {
			// nodes only reachable through a boundary event are left out with it
			edges.values().forEach(targets -> targets.retainAll(nodes.keySet()));
			Map<String, List<String>> forward = withoutLoops();
			Set<String> reachable = reachable(forward);
			ends.retainAll(reachable);
			return new ProcessGraph(processKey, Map.copyOf(nodes), forward, topological(forward), Set.copyOf(starts),
					Set.copyOf(ends));
		}

		private Set<String> reachable(Map<String, List<String>> forward) {
			Set<String> seen = new HashSet<>(starts);
			Deque<String> next = new ArrayDeque<>(starts);
			while (!next.isEmpty()) {
				for (String to : forward.getOrDefault(next.poll(), List.of())) {
					if (seen.add(to)) {
						next.add(to);
					}
				}
			}
			return seen;
		}

		/** The edges less those that turn back to a node still being walked: the loops' return flows. */
		private Map<String, List<String>> withoutLoops() {
			Map<String, List<String>> forward = new HashMap<>();
			Set<String> done = new HashSet<>();
			Set<String> onPath = new HashSet<>();
			List<String> roots = new ArrayList<>(starts);
			roots.addAll(nodes.keySet());
			for (String root : roots) {
				if (done.contains(root)) {
					continue;
				}
				Deque<Iterator<String>> stack = new ArrayDeque<>();
				Deque<String> path = new ArrayDeque<>();
				path.push(root);
				onPath.add(root);
				stack.push(edges.getOrDefault(root, Set.of()).iterator());
				while (!stack.isEmpty()) {
					Iterator<String> next = stack.peek();
					String from = path.peek();
					if (next.hasNext()) {
						String to = next.next();
						if (onPath.contains(to)) {
							continue; // a flow back into the path: the loop is cut here
						}
						forward.computeIfAbsent(from, id -> new ArrayList<>()).add(to);
						if (!done.contains(to)) {
							path.push(to);
							onPath.add(to);
							stack.push(edges.getOrDefault(to, Set.of()).iterator());
						}
					}
					else {
						stack.pop();
						onPath.remove(path.peek());
						done.add(path.pop());
					}
				}
			}
			forward.replaceAll((id, targets) -> List.copyOf(targets));
			return Map.copyOf(forward);
		}

		private List<String> topological(Map<String, List<String>> forward) {
			Map<String, Integer> incoming = new HashMap<>();
			nodes.keySet().forEach(id -> incoming.put(id, 0));
			forward.values().forEach(targets -> targets.forEach(to -> incoming.merge(to, 1, Integer::sum)));
			Deque<String> ready = new ArrayDeque<>();
			nodes.keySet().stream().filter(id -> incoming.get(id) == 0).forEach(ready::add);
			List<String> order = new ArrayList<>();
			while (!ready.isEmpty()) {
				String id = ready.poll();
				order.add(id);
				for (String to : forward.getOrDefault(id, List.of())) {
					if (incoming.merge(to, -1, Integer::sum) == 0) {
						ready.add(to);
					}
				}
			}
			return List.copyOf(order);
		}

		private static Node node(FlowNode node) {
			if (node instanceof UserTask task) {
				return new Node(node.getId(), node.getName(), Kind.USER_TASK, task.getCamundaDueDate(), null);
			}
			if (node instanceof CallActivity call) {
				return new Node(node.getId(), node.getName(), Kind.CALL, null, call.getCalledElement());
			}
			if (node instanceof IntermediateCatchEvent event) {
				for (EventDefinition definition : event.getEventDefinitions()) {
					if (definition instanceof TimerEventDefinition timer) {
						String expression = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
								: timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent() : null;
						return new Node(node.getId(), node.getName(), Kind.TIMER, expression, null);
					}
				}
				return new Node(node.getId(), node.getName(), Kind.WAIT, null, null);
			}
			if (node instanceof ReceiveTask) {
				return new Node(node.getId(), node.getName(), Kind.WAIT, null, null);
			}
			return new Node(node.getId(), node.getName(), Kind.INSTANT, null, null);
		}

		/**
		 * Not an error end. A terminate end finishes its scope normally too (the registration recorded
		 * ends the wait for it); the main process's terminate ends after a stop are only reached through
		 * a boundary event, and so drop out as unreachable.
		 */
		private static boolean finishesNormally(EndEvent end) {
			return end.getEventDefinitions().stream().noneMatch(ErrorEventDefinition.class::isInstance);
		}
	}

	private static final class Scope {

		private final Set<String> starts = new LinkedHashSet<>();

		private final Set<String> ends = new LinkedHashSet<>();
	}
}
