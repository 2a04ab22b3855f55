package org.spinout.designer;

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


/**
 * Checks files before anything is deployed, for the designer pages and the REST API alike, and
 * finds every problem in one pass: each file's kind, size and safe XML and the safety policy,
 * then, for the files safe to read, the model rules (the processes, decisions and forms a model
 * refers to) and the FEEL of the decision tables. The engine's own parser adds its problems when
 * the files are deployed, or tried, in {@link DesignerDeployments}.
 */
@Component
class ModelValidation {

	static final String WRONG_EXTENSION = "has the wrong extension: upload process models (.bpmn), decision tables "
			+ "(.dmn) or forms (.form)";

	/** Parses FEEL only; external functions, which could call Java, stay off as in the engine. */
	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();

	private final DeploymentPolicy policy;

	ModelValidation(DeploymentPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Every problem of the files as one deployment beside what is deployed: each file against the
	 * safety policy, and the files the policy lets the checks read against the model rules and,
	 * for decision tables, FEEL. {@code safe} is false when the policy refuses a file, so that
	 * nothing of the deployment reaches the engine's parser.
	 */
	Findings check(List<ModelFile> files, DeployedModels deployed, boolean filesNamedAfterKeys) {
		List<ModelProblem> problems = new ArrayList<>();
		List<ModelFile> readable = new ArrayList<>();
		for (ModelFile file : files) {
			if (!file.isBpmn() && !file.isDmn() && !file.isForm()) {
				problems.add(ModelProblem.of(file.name(), WRONG_EXTENSION));
				continue;
			}
			List<ModelProblem> policyProblems = policy.check(file);
			problems.addAll(policyProblems);
			if (isReadable(file)) {
				readable.add(file);
			}
		}
		boolean safe = problems.isEmpty();
		problems.addAll(ModelRules.check(readable, ModelRules.Scope.deployment(deployed.processKeys(),
				deployed.decisionKeys(), filesNamedAfterKeys)));
		for (ModelFile file : readable) {
			if (file.isDmn()) {
				checkFeel(file, problems);
			}
		}
		return new Findings(problems, safe);
	}

	/** What the checks found, and whether the engine's parser may read the files to find more. */
	record Findings(List<ModelProblem> problems, boolean safe) {
	}

	/** Small enough, and XML the rules' parser may read: no DOCTYPE, not too deep. */
	private boolean isReadable(ModelFile file) {
		if (file.content().length > policy.properties().maxFileSize().toBytes()) {
			return false;
		}
		if (file.isForm()) {
			return true;
		}
		try {
			SafeXml.read(file.content());
			return true;
		}
		catch (SafeXml.UnsafeXmlException e) {
			return false;
		}
	}

	/** Every FEEL condition, result and input expression must parse; the engine reads them only when a decision runs. */
	private void checkFeel(ModelFile file, List<ModelProblem> problems) {
		Document document;
		try {
			document = SafeXml.read(file.content());
		}
		catch (SafeXml.UnsafeXmlException e) {
			return; // the safety policy reports it
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
