package org.spinout.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spinout.designer.ModelRules;
import org.spinout.model.ModelProblem;

/**
 * The build check over the repository's {@code processes/} and {@code forms/}, and proof on small
 * models that it finds each kind of problem and accepts a model that keeps every rule.
 */
class ModelRulesTest {

	/** Maven runs tests from the project base directory and names it in {@code basedir}. */
	private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

	/**
	 * The sample models live outside the test classpath: the Camunda starter deploys every BPMN file
	 * it finds there when a Spring Boot test starts the application.
	 */
	private static final Path SAMPLES = BASE.resolve("src/test/model-rules");

	@Test
	void theJourneysModelsAndFormsKeepTheRules() {
		// given the project's own folders
		Path base = BASE;

		// when
		List<String> problems = describe(ModelRules.check(base.resolve("processes"), base.resolve("forms")));

		// then
		assertThat(problems).as("problems in processes/ and forms/").isEmpty();
	}

	@Test
	void aModelKeepingEveryRuleHasNoProblems() {
		// given / when
		List<String> problems = describe(ModelRules.check(SAMPLES.resolve("good/processes"), SAMPLES.resolve("good/forms")));

		// then
		assertThat(problems).isEmpty();
	}

	@Test
	void reportsEachBrokenRule() {
		// given / when
		List<String> problems = describe(ModelRules.check(SAMPLES.resolve("bad/processes"), SAMPLES.resolve("bad/forms")));

		// then
		String model = "processes/bad-model.bpmn: ";
		assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("forms/broken.form: is not valid JSON"));
		assertThat(problems.stream().filter(problem -> !problem.startsWith("forms/broken.form: is not valid JSON")))
				.containsExactlyInAnyOrder(
						"forms/misnamed.form: has form id 'other-name': name the file after its id",
						"forms/no-id.form: has no form id",
						"processes/unnamed-decision.dmn: unnamed-decision: decision has no name",
						"processes/unnamed-decision.dmn: unnamed-decision: decision has no camunda:historyTimeToLive",
						model + "defines no executable process with the key 'bad-model': name the file after its process",
						model + "bad-process: process has no name",
						model + "bad-process: process has no camunda:historyTimeToLive",
						model + "Bare: user task has no camunda:candidateGroups: nobody could pick it up",
						model + "Bare: user task has no camunda:formRef: the task page has no form to show",
						model + "Bare: user task has no camunda:dueDate, so it gets no reminder or escalation",
						model + "Bare: user task has no documentation",
						model + "WrongBinding: candidate group 'hackers' is not a role group: nobody in it could pick the task up",
						model + "WrongBinding: form reference 'prepare-well' needs camunda:formRefBinding=\"deployment\"",
						model + "MissingForm: form reference 'no-such-form' names no form in forms/",
						model + "MissingForm: user task has no documentation",
						model + "Started: form reference 'prepare-well' needs camunda:formRefBinding=\"deployment\"",
						model + "CallUnknown: calls process 'no-such-process', which no file in processes/ defines",
						model + "DecideUnknown: evaluates decision 'no-such-decision', which no file in processes/ defines",
						model + "SharedStop: records a programme stop for 2 incoming flows: give each gate its own end "
								+ "event so the stop names its gate",
						model + "SharedStop: records a programme stop that the gate 'MissingForm' of finance leads to: "
								+ "only decision-makers stop a programme, so give that gate no way here",
						model + "SharedStop: records a programme stop that can be reached without a decision of the "
								+ "decision-makers",
						model + "WrongBinding: approves 'Nowhere', which is no user task of its process",
						model + "Bare: has no shape in the diagram",
						model + "Flow_3: has no edge with waypoints in the diagram",
						model + "Flow_7: has no edge with waypoints in the diagram",
						model + "Decided: is named but its shape has no label bounds",
						model + "WrongBinding: overlaps 'Missing form' (MissingForm) in the diagram",
						model + "WrongBindingLate: overlaps 'Missing form' (MissingForm) in the diagram");
	}

	/** The build prints each problem as "file: element: what is wrong". */
	private static List<String> describe(List<ModelProblem> problems) {
		return problems.stream().map(ModelProblem::toString).toList();
	}
}
