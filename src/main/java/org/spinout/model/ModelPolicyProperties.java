package org.spinout.model;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a deployment may contain: the largest file accepted, and the safety policy on
 * the code a model can make the server run.
 *
 * @param maxFileSize the largest model or form file accepted
 * @param policy      the deploy-time safety policy
 */
@ConfigurationProperties(prefix = "spinout.models")
public record ModelPolicyProperties(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue Policy policy) {

	/** A deployment may hold several files, each up to the file limit. */
	public static final int FILES_PER_DEPLOYMENT = 5;

	/** The most a deployment's files may weigh together. */
	public long maxDeploymentSize() {
		return maxFileSize.toBytes() * FILES_PER_DEPLOYMENT;
	}

	/**
	 * @param enabled         the safety policy: models hold only what ModelAllowlist lists (on unless turned off)
	 * @param allowedBeans    the Spring beans expressions may call: exactly those the journey's models use
	 * @param delegatePackage the package whose classes {@code camunda:class} may name
	 */
	public record Policy(@DefaultValue("true") boolean enabled,
			@DefaultValue({ "workingDays", "clocks", "taskDeadlines", "checkTransferDate", "recordProgrammeStop",
					"taskReminder", "taskEscalation", "newBodyRegistration", "transferDateMove",
					"transferDateClocks" }) List<String> allowedBeans,
			@DefaultValue("org.spinout.journey") String delegatePackage) {
	}
}
