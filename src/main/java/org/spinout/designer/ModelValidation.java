package org.spinout.designer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.spinout.model.DeploymentPolicy;
import org.spinout.model.ModelFile;
import org.spinout.model.ModelProblem;
import org.spinout.model.SafeXml;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks files before anything is deployed, for the designer pages and the REST API alike:
 * first each file alone (its kind, size, safe XML or valid JSON, the safety policy), then the
 * files together with what is deployed (the model rules, the processes and decisions a model
 * calls, the FEEL of the decision tables). The engine's own parser has the last word when the
 * files are deployed.
 */
@Component
class ModelValidation {

	static final String WRONG_EXTENSION = "has the wrong extension: upload process models (.bpmn), decision tables "
			+ "(.dmn) or forms (.form)";

	/** Parses FEEL only; external functions, which could call Java, stay off as in the engine. */
	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();

	private final DeploymentPolicy policy;

	private final ObjectMapper json = new ObjectMapper();

	ModelValidation(DeploymentPolicy policy) {
		this.policy = policy;
	}

	/** Problems each file has on its own; the files must pass these before they are read together. */
	List<ModelProblem> checkEach(List<ModelFile> files) {
		List<ModelProblem> problems = new ArrayList<>();
		for (ModelFile file : files) {
			if (!file.isBpmn() && !file.isDmn() && !file.isForm()) {
				problems.add(ModelProblem.of(file.name(), WRONG_EXTENSION));
				continue;
			}
			List<ModelProblem> policyProblems = policy.check(file);
			problems.addAll(policyProblems);
			if (policyProblems.isEmpty() && file.isForm()) {
				checkJson(file, problems);
			}
		}
		return problems;
	}

	/** Problems of the files as one deployment beside what is deployed: the model rules and the decision tables' FEEL. */
	List<ModelProblem> checkTogether(List<ModelFile> files, DeployedModels deployed) {
		List<ModelProblem> problems = new ArrayList<>(
				ModelRules.check(files, ModelRules.Scope.deployment(deployed.processKeys(), deployed.decisionKeys())));
		for (ModelFile file : files) {
			if (file.isDmn()) {
				checkFeel(file, problems);
			}
		}
		return problems;
	}

	private void checkJson(ModelFile form, List<ModelProblem> problems) {
		try {
			json.readTree(form.content());
		}
		catch (JsonProcessingException e) {
			problems.add(ModelProblem.of(form.name(), "is not valid JSON (" + e.getOriginalMessage() + ")"));
		}
		catch (IOException e) {
			problems.add(ModelProblem.of(form.name(), "cannot be read (" + e.getMessage() + ")"));
		}
	}

	/** Every FEEL condition, result and input expression must parse; the engine reads them only when a decision runs. */
	private void checkFeel(ModelFile file, List<ModelProblem> problems) {
		Document document;
		try {
			document = SafeXml.read(file.content());
		}
		catch (SafeXml.UnsafeXmlException e) {
			return; // reported by checkEach
		}
		for (String kind : List.of("inputEntry", "outputEntry", "inputExpression", "literalExpression")) {
			NodeList elements = document.getElementsByTagNameNS("*", kind);
			for (int i = 0; i < elements.getLength(); i++) {
				Element element = (Element) elements.item(i);
				String text = text(element);
				if (text == null || text.isBlank() || !isFeel(element)) {
					continue;
				}
				ParseResult result = "inputEntry".equals(kind) ? FEEL.parseUnaryTests(text) : FEEL.parseExpression(text);
				if (result.isFailure()) {
					Element owner = owner(element);
					problems.add(new ModelProblem(file.name(), owner == null ? null : owner.getAttribute("id"),
							owner == null ? null : label(owner), "has a FEEL expression that is not valid: " + text.strip()
									+ " (" + result.failure().message() + ")"));
				}
			}
		}
	}

	private static String text(Element element) {
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child && "text".equals(child.getLocalName())) {
				return child.getTextContent();
			}
		}
		return null;
	}

	/** FEEL unless the element or a parent names another language; JUEL is the safety policy's business. */
	private static boolean isFeel(Element element) {
		for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
			String language = candidate.getAttribute("expressionLanguage").trim().toLowerCase(Locale.ROOT);
			if (!language.isEmpty()) {
				return language.equals("feel") || language.startsWith("feel-") || language.contains("/feel/");
			}
		}
		return true;
	}

	/** The rule, input or decision a designer sees in the table. */
	private static Element owner(Element element) {
		for (Node node = element.getParentNode(); node instanceof Element candidate; node = node.getParentNode()) {
			String kind = candidate.getLocalName();
			if (("rule".equals(kind) || "input".equals(kind) || "decision".equals(kind))
					&& !candidate.getAttribute("id").isBlank()) {
				return candidate;
			}
		}
		return null;
	}

	private static String label(Element element) {
		String label = element.getAttribute("label");
		return label.isBlank() ? element.getAttribute("name") : label;
	}
}
