package org.spinout.designer;

import java.util.List;

import org.spinout.model.ModelProblem;

/**
 * What became of files sent for deployment: refused with problems (nothing deployed), or the
 * new versions made and the files that were unchanged. A check alone deploys nothing either way.
 *
 * @param problems  every problem found; when there are any, nothing was deployed
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
		return !problems.isEmpty();
	}
}
