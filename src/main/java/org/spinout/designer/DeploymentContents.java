package org.spinout.designer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.spinout.model.DeploymentGroups;
import org.spinout.model.ModelFile;
import org.springframework.stereotype.Component;

/**
 * What a deployment holds, as far as the designer needs to know it across all deployments: the
 * forms in it by id, and the forms each of its process models references. A deployment's files
 * never change once deployed, so each is read from the engine once per node; without this, the
 * models page and every check read every file of every deployment again, and their work grew
 * with each deployment ever made.
 *
 * <p>Only names and ids are kept, never the files. Ask only about deployments the signed-in
 * user's own query has listed: the first reading is done with that user's authorizations, and
 * later answers are given without asking the engine again.
 */
@Component
class DeploymentContents {

	/** A form file in a deployment and the id it declares. */
	record DeployedFormFile(String deploymentId, String name, String formId) {
	}

	private final RepositoryService repository;

	private final Map<String, List<DeployedFormFile>> forms = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> formReferences = new ConcurrentHashMap<>();

	DeploymentContents(RepositoryService repository) {
		this.repository = repository;
	}

	/** The forms in the deployment that declare an id, in the deployment's order. */
	List<DeployedFormFile> forms(String deploymentId) {
		return forms.computeIfAbsent(deploymentId, id -> {
			List<DeployedFormFile> found = new ArrayList<>();
			for (String name : repository.getDeploymentResourceNames(id)) {
				if (name.endsWith(ModelFile.FORM)) {
					DeploymentGroups.formId(ModelFile.named(name, read(id, name)))
							.ifPresent(formId -> found.add(new DeployedFormFile(id, name, formId)));
				}
			}
			return List.copyOf(found);
		});
	}

	/** The forms a deployed process model references by a fixed id. */
	Set<String> formReferences(String deploymentId, String modelName) {
		return formReferences.computeIfAbsent(deploymentId + '/' + modelName, key -> Set.copyOf(
				DeploymentGroups.formReferences(ModelFile.named(modelName, read(deploymentId, modelName)))));
	}

	/** A deployed file, read now (not kept), with the authorizations of whoever is signed in to the engine. */
	byte[] read(String deploymentId, String name) {
		try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + name + " of deployment " + deploymentId, e);
		}
	}
}
