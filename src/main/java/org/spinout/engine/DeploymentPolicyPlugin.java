package org.spinout.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.spinout.model.DeploymentPolicy;
import org.spinout.model.ModelFile;
import org.spinout.model.ModelProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the safety policy inside the engine, so that it holds for every way in: Spinout's
 * designer pages, the REST API (Camunda Modeler), Camunda's web applications and the models
 * deployed at start. A deployer that runs before the engine parses anything refuses a new
 * deployment that breaks the policy; the expression manager keeps expressions, when they run,
 * to what {@link ExpressionReach} permits.
 */
@Component
@Order(1)
class DeploymentPolicyPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(DeploymentPolicyPlugin.class);

	private final DeploymentPolicy policy;

	private final ApplicationContext context;

	DeploymentPolicyPlugin(DeploymentPolicy policy, ApplicationContext context) {
		this.policy = policy;
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		deployers.add(new PolicyDeployer());
		configuration.setCustomPreDeployers(deployers);
		if (policy.properties().policy().enabled()) {
			configuration.setExpressionManager(
					new PermittedExpressionManager(context, policy.properties().policy().allowedBeans()));
		}
		else {
			log.warn("The deployment safety policy is off (spinout.models.policy.enabled=false): models may run "
					+ "scripts, any class and any bean on this server");
		}
	}

	/** Refuses a new deployment that breaks the policy; a deployment read back from the database was checked when it came in. */
	private final class PolicyDeployer implements Deployer {

		@Override
		public void deploy(DeploymentEntity deployment) {
			if (!deployment.isNew() || deployment.getResources() == null) {
				return;
			}
			List<ModelProblem> problems = new ArrayList<>();
			for (ResourceEntity resource : deployment.getResources().values()) {
				problems.addAll(policy.check(new ModelFile(resource.getName(), resource.getBytes())));
			}
			if (!problems.isEmpty()) {
				throw refusal(problems);
			}
		}
	}

	/** A parse exception, so the REST API answers 400 with each problem and the element it names. */
	static ParseException refusal(List<ModelProblem> problems) {
		String resource = problems.get(0).resource();
		List<Problem> errors = problems.stream().filter(problem -> problem.resource().equals(resource))
				.map(PolicyProblem::new).map(Problem.class::cast).toList();
		StringBuilder message = new StringBuilder("The deployment breaks the safety policy: ");
		message.append(String.join("; ", problems.stream().map(ModelProblem::describe).toList()));
		return new ParseException(message.toString(), resource, errors, List.of());
	}

	private record PolicyProblem(ModelProblem problem) implements Problem {

		@Override
		public String getMessage() {
			return problem.describe();
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return problem.elementId();
		}

		@Override
		public List<String> getElementIds() {
			return problem.hasElement() ? List.of(problem.elementId()) : List.of();
		}
	}
}
