package org.spinout.journey;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.spinout.contract.Delegates;
import org.spinout.contract.Variables;
import org.springframework.stereotype.Component;

/**
 * Records on the programme (the root process instance) that a gate rejected it: why, and at which
 * gate. Runs as the start listener of a "Programme stopped" error end event, in whichever phase
 * process the rejection happens, so the programme's own variables say it was stopped.
 */
@Component(Delegates.RECORD_PROGRAMME_STOP)
public class RecordProgrammeStop implements ExecutionListener {

	public static final String STOPPED = "stopped";
	public static final String STOP_REASON = "stopReason";
	public static final String STOPPED_AT = "stoppedAt";

	@Override
	public void notify(DelegateExecution execution) {
		DelegateExecution programme = ProgrammeRoot.of(execution);
		// A job retried after a failure runs this again: the first record stands.
		if (STOPPED.equals(programme.getVariableLocal(Variables.PROGRAMME_STATUS))) {
			return;
		}
		programme.setVariableLocal(Variables.PROGRAMME_STATUS, STOPPED);
		programme.setVariableLocal(STOP_REASON, execution.getVariable(Variables.DECISION_REASON));
		programme.setVariableLocal(STOPPED_AT, gateName(execution));
	}

	/**
	 * The name of the gate task that led here, found in the model by walking back from this end event
	 * through the decision gateway. The engine does not tell a start listener which flow arrived, so
	 * each gate needs its own "Programme stopped" end event (the model rules check this); should one
	 * be shared, every gate before it is named. The end event's own name when no user task precedes it.
	 */
	private static String gateName(DelegateExecution execution) {
		FlowElement here = execution.getBpmnModelElementInstance();
		Collection<SequenceFlow> flows = execution.getBpmnModelInstance().getModelElementsByType(SequenceFlow.class);
		Set<String> seen = new HashSet<>();
		List<FlowNode> layer = List.of((FlowNode) here);
		while (!layer.isEmpty()) {
			List<FlowNode> targets = layer;
			List<FlowNode> previous = flows.stream()
					.filter(flow -> targets.contains(flow.getTarget()))
					.map(SequenceFlow::getSource)
					.filter(node -> seen.add(node.getId()))
					.toList();
			List<String> gates = previous.stream()
					.filter(UserTask.class::isInstance)
					.map(FlowNode::getName)
					.sorted()
					.toList();
			if (!gates.isEmpty()) {
				return String.join(" or ", gates);
			}
			layer = previous;
		}
		return here.getName();
	}
}
