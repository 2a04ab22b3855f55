package org.spinout.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.xml.ModelException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model readers validate with schemas compiled once exactly as Camunda's validate with the
 * schema files: a file the schema refuses is refused, and a file read has what validating while
 * reading gives it (elements found by id, the schema's default values).
 */
class ModelReadersTest {

	private static final String DECISION = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="D" namespace="spinout">
			  <decision id="route" name="Route">
			    <decisionTable id="table">
			      <input id="i"><inputExpression id="e" typeRef="string"><text>nation</text></inputExpression></input>
			      <output id="o" name="route" typeRef="string" />
			      <rule id="r"><inputEntry id="ie"><text>"wales"</text></inputEntry>
			        <outputEntry id="oe"><text>"welsh"</text></outputEntry></rule>
			    </decisionTable>
			  </decision>
			</definitions>
			""";

	private static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="spinout">
			  <process id="p" isExecutable="%s">
			    <startEvent id="start" />
			    <sequenceFlow id="flow" sourceRef="start" targetRef="task" />
			    <userTask id="task" />
			  </process>
			</definitions>
			""";

	@BeforeAll
	static void install() {
		ModelReadersPlugin.install();
	}

	@Test
	void aDecisionTableIsFoundByIdAndHasTheSchemasDefaults() {
		// when a table that names no hit policy is read
		DmnModelInstance model = Dmn.readModelFromStream(stream(DECISION));

		// then it is found by its id, with the default policy
		DecisionTable table = model.getModelElementById("table");
		assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
	}

	@Test
	void aProcessIsFoundByIdWithItsSteps() {
		// when a process is read
		BpmnModelInstance model = Bpmn.readModelFromStream(stream(PROCESS.formatted("true")));

		// then its elements are found by id, and its flow leads from the start to the task
		SequenceFlow flow = model.getModelElementById("flow");
		assertThat(flow.getTarget()).isEqualTo(model.<UserTask>getModelElementById("task"));
	}

	@Test
	void aFileTheSchemaRefusesIsStillRefused() {
		assertThatExceptionOfType(ModelException.class)
				.isThrownBy(() -> Bpmn.readModelFromStream(stream(PROCESS.formatted("maybe"))));
		assertThatExceptionOfType(ModelException.class)
				.isThrownBy(() -> Dmn.readModelFromStream(stream(DECISION.replace("id=\"table\"", "id=\"table\" hitPolicy=\"SOMETIMES\""))));
	}

	private static ByteArrayInputStream stream(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}
}
