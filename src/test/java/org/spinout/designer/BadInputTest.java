package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spinout.SpinoutWebTest;
import org.spinout.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each kind of bad file is refused with a message that says what is wrong, through the upload
 * page and the REST API, and nothing is deployed.
 */
@SpinoutWebTest
class BadInputTest {

	private static final String FEEL_TABLE = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
			    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_bad-feel" name="Bad FEEL"
			    namespace="http://spinout.org/test">
			  <decision id="bad-feel" name="Bad FEEL" camunda:historyTimeToLive="30">
			    <decisionTable id="Table_bad-feel">
			      <input id="Input_amount" label="Amount">
			        <inputExpression id="InputExpression_amount" typeRef="number"><text>amount</text></inputExpression>
			      </input>
			      <output id="Output_band" name="band" typeRef="string"/>
			      <rule id="Rule_high">
			        <inputEntry id="Entry_high"><text>&gt; 10 and &lt;</text></inputEntry>
			        <outputEntry id="Result_high"><text>"high"</text></outputEntry>
			      </rule>
			    </decisionTable>
			  </decision>
			</definitions>
			""";

	/** One bad upload and the words the refusal must contain. */
	record BadInput(String what, Map<String, String> files, String message) {

		@Override
		public String toString() {
			return what;
		}
	}

	static Stream<BadInput> badInputs() {
		return Stream.of(
				new BadInput("not XML", withForm("bad-not-xml", "this is not a model"), "is not well-formed XML"),
				new BadInput("an external entity (XXE)", withForm("bad-xxe", """
						<?xml version="1.0"?>
						<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&secret;</definitions>
						"""), "declares a DOCTYPE, which is not allowed"),
				new BadInput("entity expansion", withForm("bad-expansion", """
						<?xml version="1.0"?>
						<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
						<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol3;</definitions>
						"""), "declares a DOCTYPE, which is not allowed"),
				new BadInput("a file over the size limit", withForm("bad-too-big",
						TestModels.process("bad-too-big", "Check").replace("</bpmn:definitions>",
								"<!--" + "x".repeat(5 * 1024 * 1024) + "--></bpmn:definitions>")),
						"is larger than the limit of 5 MB"),
				new BadInput("XML that is not BPMN", withForm("bad-not-bpmn", "<?xml version=\"1.0\"?><html><body/></html>"),
						"cannot be read as BPMN"),
				new BadInput("a BPMN the engine cannot parse", withForm("bad-gateway", TestModels.process("bad-gateway",
						"Check", """
								<bpmn:exclusiveGateway id="Decide"/>
								<bpmn:sequenceFlow id="Flow_A" sourceRef="Decide" targetRef="Done"/>
								<bpmn:sequenceFlow id="Flow_B" sourceRef="Decide" targetRef="Done"/>
								""", "", """
								<bpmndi:BPMNShape id="Decide_di" bpmnElement="Decide"><dc:Bounds x="200" y="250" width="50" height="50"/></bpmndi:BPMNShape>
								<bpmndi:BPMNEdge id="Flow_A_di" bpmnElement="Flow_A"><di:waypoint x="250" y="275"/><di:waypoint x="378" y="136"/></bpmndi:BPMNEdge>
								<bpmndi:BPMNEdge id="Flow_B_di" bpmnElement="Flow_B"><di:waypoint x="225" y="300"/><di:waypoint x="378" y="136"/></bpmndi:BPMNEdge>
								""")), "without condition"),
				new BadInput("a DMN with an invalid FEEL expression", Map.of("bad-feel.dmn", FEEL_TABLE),
						"has a FEEL expression that is not valid: > 10 and <"),
				new BadInput("a form that is not JSON", Map.of("bad-json.form", "{\"id\": \"bad-json\", "),
						"is not valid JSON"),
				new BadInput("a call to a process that does not exist", withForm("bad-call", TestModels.process("bad-call",
						"Check", "<bpmn:callActivity id=\"CallMissing\" name=\"Call a missing process\" "
								+ "calledElement=\"no-such-process\"/>", "",
						"<bpmndi:BPMNShape id=\"CallMissing_di\" bpmnElement=\"CallMissing\">"
								+ "<dc:Bounds x=\"200\" y=\"250\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>")),
						"calls process 'no-such-process', which is neither in this deployment nor deployed"),
				new BadInput("a file with the wrong extension", Map.of("notes.txt", "Remember the milk"),
						"has the wrong extension"));
	}

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void theUploadPageRefusesIt(BadInput input) {
		// given
		WebClient designer = new WebClient(port);
		designer.signIn("designer", "demo");
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> answer = designer.postFiles("/designer/upload", "/designer/upload", input.files());

		// then
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("There is a problem: nothing was deployed")
				.contains(SafetyPolicyTest.html(input.message()));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void theRestApiRefusesIt(BadInput input) {
		// given
		long before = repository.createDeploymentQuery().count();

		// when
		HttpResponse<String> answer = new WebClient(port).deployWithBasic(input.files(), "designer", "demo");

		// then
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains(input.message());
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	private static Map<String, String> withForm(String key, String model) {
		return TestModels.files(key, model);
	}
}
