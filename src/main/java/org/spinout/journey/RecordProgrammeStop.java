package org.spinout.journey;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Records on the programme (the root process instance) that a gate rejected it: why, and at which
 * gate. Runs as the start listener of a "Programme stopped" error end event, in whichever phase
 * process the rejection happens, so the programme's own variables say it was stopped.
 */
@Component("recordProgrammeStop")
public class RecordProgrammeStop implements ExecutionListener {

	public static final String STATUS = "programmeStatus";
	public static final String STOPPED = "stopped";
	public static final String STOP_REASON = "stopReason";
	public static final String STOPPED_AT = "stoppedAt";

	@Override
	public void notify(DelegateExecution execution) {
		DelegateExecution programme = root(execution);
		// A job retried after a failure runs this again: the first record stands.
		if (STOPPED.equals(programme.getVariableLocal(STATUS))) {
			return;
		}
		programme.setVariableLocal(STATUS, STOPPED);
		programme.setVariableLocal(STOP_REASON, execution.getVariable("decisionReason"));
		programme.setVariableLocal(STOPPED_AT, gateName(execution));
	}

	private static DelegateExecution root(DelegateExecution execution) {
		DelegateExecution instance = execution.getProcessInstance();
		while (instance.getSuperExecution() != null) {
			instance = instance.getSuperExecution().getProcessInstance();
		}
		return instance;
	}

	/**
	 * The name of the gate task that led here, found in the model by walking back from the flow that
	 * was taken through the decision gateway; the end event's name when no user task precedes it.
	 */
	private static String gateName(DelegateExecution execution) {
		FlowElement here = execution.getBpmnModelElementInstance();
		Deque<FlowNode> toVisit = new ArrayDeque<>();
		String transitionId = execution.getCurrentTransitionId();
		FlowElement taken = transitionId == null ? null
				: execution.getBpmnModelInstance().getModelElementById(transitionId);
		if (taken instanceof SequenceFlow flow) {
			toVisit.add(flow.getSource());
		}
		else if (here instanceof FlowNode node) {
			node.getIncoming().forEach(flow -> toVisit.add(flow.getSource()));
		}
		Set<String> seen = new HashSet<>();
		while (!toVisit.isEmpty()) {
			FlowNode node = toVisit.poll();
			if (!seen.add(node.getId())) {
				continue;
			}
			if (node instanceof UserTask task) {
				return task.getName();
			}
			node.getIncoming().forEach(flow -> toVisit.add(flow.getSource()));
		}
		return here == null ? null : here.getName();
	}
}
