package org.spinout.designer;

import java.util.List;

import org.spinout.model.ModelProblem;

/**
 * What became of files sent for deployment: refused with errors (nothing deployed), or the
 * new versions made and the files that were unchanged. Warnings come either way and deploy. A
 * check alone deploys nothing.
 *
 * @param problems  every error and warning found; while there is an error, nothing was deployed
 * @param versions  the new versions, for example "Business case (business-case) version 3"
 * @param unchanged the deployments skipped because the latest version has the same content
 * @param checkOnly true when the files were only checked
 */
public record DeploymentOutcome(List<ModelProblem> problems, List<String> versions, List<String> unchanged,
		boolean checkOnly) {

	static DeploymentOutcome refused(List<ModelProblem> problems, boolean checkOnly) {
		return new DeploymentOutcome(List.copyOf(problems), List.of(), List.of(), checkOnly);
	}

	public boolean refused() {
		return !errors().isEmpty();
	}

	public List<ModelProblem> errors() {
		return problems.stream().filter(problem -> !problem.warning()).toList();
	}

	public List<ModelProblem> warnings() {
		return problems.stream().filter(ModelProblem::warning).toList();
	}
}
