package org.spinout.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spinout.model.ModelFile;
import org.spinout.model.ModelProblem;

/**
 * A rule is an error only where running the model would go wrong; the rest are warnings. A file
 * sent through the REST API keeps its tool's name, so the file-name rules are not applied to it.
 */
class ModelRuleSeverityTest {

	private static final String PLAIN = TestModels.process("plain-task", "Check").replace(
			"<bpmn:documentation>Check the thing and say what you found.</bpmn:documentation>", "")
			.replace(" camunda:dueDate=\"${workingDays.fromNow(10, nation)}\"", "")
			.replace(" camunda:formRefBinding=\"deployment\"", " camunda:formRefBinding=\"latest\"");

	@Test
	void whatOnlyMakesAModelHarderToReadIsAWarning() {
		// given a task without due date or documentation, a form bound to its latest version, a misnamed file
		List<ModelFile> files = List.of(file("processes/drawn-in-modeler.bpmn", PLAIN),
				file("forms/Form 1.form", TestModels.form("plain-task", "Notes")));

		// when
		List<ModelProblem> problems = ModelRules.check(files, ModelRules.Scope.deployment(Set.of(), Set.of(), true));

		// then every problem is a warning, each naming what it concerns
		assertThat(problems).extracting(ModelProblem::elementId, ModelProblem::message, ModelProblem::warning)
				.containsExactlyInAnyOrder(
						tuple(null, "has form id 'plain-task-check': name the file after its id", true),
						tuple(null, "defines no executable process with the key 'drawn-in-modeler': name the file after "
								+ "its process", true),
						tuple("Check", "user task has no camunda:dueDate, so it gets no reminder or escalation", true),
						tuple("Check", "user task has no documentation", true),
						tuple("Check", "form reference 'plain-task-check' needs camunda:formRefBinding=\"deployment\"", true));
	}

	@Test
	void filesSentThroughTheRestApiAreNotHeldToTheFileNameRules() {
		// given
		List<ModelFile> files = List.of(file("processes/drawn-in-modeler.bpmn", TestModels.process("plain-task", "Check")),
				file("forms/Form 1.form", TestModels.form("plain-task", "Notes")));

		// when
		List<ModelProblem> problems = ModelRules.check(files, ModelRules.Scope.deployment(Set.of(), Set.of(), false));

		// then
		assertThat(problems).isEmpty();
	}

	@Test
	void whatWouldStopTheModelRunningIsAnError() {
		// given a task nobody may pick up, with a form that is nowhere
		String model = TestModels.process("stuck-task", "Check")
				.replace("camunda:candidateGroups=\"programme-managers\"", "camunda:candidateGroups=\"everyone\"");

		// when
		List<ModelProblem> problems = ModelRules.check(List.of(file("processes/stuck-task.bpmn", model)),
				ModelRules.Scope.deployment(Set.of(), Set.of(), true));

		// then
		assertThat(problems).extracting(ModelProblem::message, ModelProblem::warning).containsExactlyInAnyOrder(
				tuple("candidate group 'everyone' is not a role group: nobody in it could pick the task up", false),
				tuple("form reference 'stuck-task-check' names no form in this deployment nor any deployed form: add "
						+ "the form file to it", false));
	}

	@Test
	void aProcessTheEngineDoesNotRunIsNotHeldToTheRulesForRunning() {
		// given a model from another tool: its process is not executable, its task has nothing Camunda needs
		String model = TestModels.process("drawn-elsewhere", "Check").replace("isExecutable=\"true\"",
				"isExecutable=\"false\"").replace("camunda:candidateGroups=\"programme-managers\"", "")
				.replace("camunda:formRef=\"drawn-elsewhere-check\"", "");

		// when
		List<ModelProblem> problems = ModelRules.check(List.of(file("processes/Collaboration.bpmn", model)),
				ModelRules.Scope.deployment(Set.of(), Set.of(), false));

		// then it deploys, with a warning that nothing will run
		assertThat(problems).extracting(ModelProblem::message, ModelProblem::warning).containsExactly(
				tuple("defines no executable process: the engine deploys nothing to run from it", true));
	}

	@Test
	void aNameWithLineBreaksIsShownOnOneLine() {
		// given / when
		ModelProblem problem = new ModelProblem("processes/x.bpmn", "Check", "Check the\r\n  submission", "is\nwrong");

		// then
		assertThat(problem.describe()).isEqualTo("processes/x.bpmn: Check (\"Check the submission\"): is wrong");
	}

	private static ModelFile file(String name, String content) {
		return new ModelFile(name, content.getBytes(StandardCharsets.UTF_8));
	}
}
