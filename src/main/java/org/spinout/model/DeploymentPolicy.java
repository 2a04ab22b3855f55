package org.spinout.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The deploy-time safety policy. Deploying a model is running code on the server: Camunda runs
 * scripts, commands, any class and expressions that a model names. So a model may hold only
 * what {@link ModelAllowlist} lists, in any of the namespaces the engine reads; a class must
 * be one of the application's delegates; and every expression must pass the
 * {@link ExpressionCheck}. Every file must also be small enough, of a known kind, and (for
 * BPMN and DMN) XML without a DOCTYPE and not nested deeper than {@link SafeXml#MAX_DEPTH}.
 * Every problem is listed, each with the element it concerns.
 */
@Component
public class DeploymentPolicy {

	/**
	 * The kinds of file the journey uses. Anything else is refused: HTML forms and script files
	 * would run in people's browsers or on the server.
	 */
	private static final List<String> KNOWN_KINDS = List.of(ModelFile.BPMN, ModelFile.DMN, ModelFile.FORM);

	public static final String WRONG_KIND = "has the wrong extension: deploy process models (.bpmn), "
			+ "decision tables (.dmn) and forms (.form) only";

	/** Why the commonest refusals are refused, in a designer's words; anything else is simply not on the list. */
	private static final Map<String, String> REASONS = Map.of(
			"script", "scripts are not allowed",
			"scriptTask", "scripts are not allowed",
			"scriptFormat", "scripts are not allowed",
			"resource", "scripts are not allowed",
			"language", "a condition in a language runs as a script: write it as an expression, ${...}",
			"type", "it runs commands, sends e-mail or calls connectors",
			"connector", "it calls connectors",
			"field", "call an allowed bean with the values as arguments instead");

	private final ModelPolicyProperties properties;

	private final ExpressionCheck expressions;

	public DeploymentPolicy(ModelPolicyProperties properties, ExpressionCheck expressions) {
		this.properties = properties;
		this.expressions = expressions;
	}

	public ModelPolicyProperties properties() {
		return properties;
	}

	/** Every way the file breaks the policy; empty when it may be deployed. */
	public List<ModelProblem> check(ModelFile file) {
		List<ModelProblem> problems = new ArrayList<>();
		String name = file.name();
		if (KNOWN_KINDS.stream().noneMatch(name::endsWith)) {
			problems.add(ModelProblem.of(name, WRONG_KIND));
			return problems;
		}
		if (file.content().length > properties.maxFileSize().toBytes()) {
			problems.add(ModelProblem.of(name, "is larger than the limit of " + megabytes() + " MB"));
			return problems;
		}
		if (file.isForm()) {
			return problems;
		}
		Document document;
		try {
			document = SafeXml.read(file.content());
		}
		catch (SafeXml.UnsafeXmlException e) {
			problems.add(ModelProblem.of(name, e.getMessage()));
			return problems;
		}
		Element root = document.getDocumentElement();
		Set<String> expected = file.isDmn() ? ModelAllowlist.DMN : Set.of(ModelAllowlist.BPMN);
		if (!"definitions".equals(root.getLocalName()) || !isIn(expected, root.getNamespaceURI())) {
			problems.add(ModelProblem.of(name, "cannot be read as " + (file.isDmn() ? "DMN" : "BPMN") + ": it begins "
					+ "with <" + root.getTagName() + "> where a " + (file.isDmn() ? "decision table" : "process model")
					+ " begins with <definitions> in its standard's namespace"));
			return problems;
		}
		if (properties.policy().enabled()) {
			Walk walk = new Walk(name, problems);
			if (file.isDmn()) {
				walk.decisions(root);
			}
			else {
				walk.process(root);
			}
		}
		return problems;
	}

	/** The limit as people write it: 5 MB, not 5242880 bytes. */
	public String megabytes() {
		long bytes = properties.maxFileSize().toBytes();
		return bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / (1024 * 1024))
				: String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}

	/** One pass over a document, collecting what it finds. SafeXml bounds its depth, so recursion is safe. */
	private final class Walk {

		private final String resource;

		private final List<ModelProblem> problems;

		Walk(String resource, List<ModelProblem> problems) {
			this.resource = resource;
			this.problems = problems;
		}

		/** A process model: only the table's elements and attributes, then their values. */
		void process(Element element) {
			String namespace = element.getNamespaceURI();
			if (isIn(ModelAllowlist.DIAGRAM, namespace)) {
				return; // shapes and lines: drawn, never run
			}
			Set<String> plain;
			Set<String> camunda;
			if (ModelAllowlist.BPMN.equals(namespace) && ModelAllowlist.BPMN_ELEMENTS.containsKey(element.getLocalName())) {
				ModelAllowlist.Allowed allowed = ModelAllowlist.BPMN_ELEMENTS.get(element.getLocalName());
				plain = allowed.attributes();
				camunda = allowed.camunda();
			}
			else if (ModelAllowlist.isCamunda(namespace)
					&& ModelAllowlist.CAMUNDA_ELEMENTS.containsKey(element.getLocalName())) {
				plain = ModelAllowlist.CAMUNDA_ELEMENTS.get(element.getLocalName());
				camunda = Set.of();
			}
			else {
				problem(element, "holds <" + element.getTagName() + ">, which the safety policy does not allow: "
						+ reason(element.getLocalName()));
				return;
			}
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				String attributeNamespace = attribute.getNamespaceURI();
				String local = attribute.getLocalName();
				boolean allowed = attributeNamespace == null ? plain.contains(local)
						: ModelAllowlist.isCamunda(attributeNamespace) ? camunda.contains(local)
								: ModelAllowlist.EDITORS.contains(attributeNamespace);
				if (!allowed) {
					problem(element, "has " + attribute.getName() + " on <" + element.getTagName()
							+ ">, which the safety policy does not allow: " + reason(local));
				}
				else if (ModelAllowlist.CLASS_ATTRIBUTES.contains(local)) {
					delegateClass(element, attribute.getValue().trim());
				}
				else {
					expression(element, attribute.getValue());
				}
			}
			// the engine reads an element's text as one, comments left out: so is it checked here
			StringBuilder text = new StringBuilder();
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element childElement) {
					process(childElement);
				}
				else if (isText(child)) {
					text.append(child.getNodeValue());
				}
			}
			boolean prose = ModelAllowlist.BPMN.equals(namespace) && ModelAllowlist.PROSE.contains(element.getLocalName());
			if (!prose) {
				expression(element, text.toString());
			}
		}

		/**
		 * A decision table: its elements are data, but an expression language other than FEEL or
		 * JUEL is a script, and JUEL is checked like the models' expressions.
		 */
		void decisions(Element element) {
			String namespace = element.getNamespaceURI();
			if (isIn(ModelAllowlist.DIAGRAM, namespace)) {
				return;
			}
			if (!isIn(ModelAllowlist.DMN, namespace)) {
				problem(element, "holds <" + element.getTagName() + ">, which the safety policy does not allow in a "
						+ "decision table");
				return;
			}
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				String attributeNamespace = attribute.getNamespaceURI();
				String local = attribute.getLocalName();
				if (attributeNamespace == null && ("expressionLanguage".equals(local) || "typeLanguage".equals(local))
						&& !isDecisionLanguage(attribute.getValue().trim())) {
					problem(element, "has an expression in the script language '" + attribute.getValue().trim()
							+ "': scripts are not allowed; write FEEL");
				}
				else if (attributeNamespace != null && !ModelAllowlist.EDITORS.contains(attributeNamespace)
						&& !(ModelAllowlist.CAMUNDA_DMN.equals(attributeNamespace)
								&& ModelAllowlist.CAMUNDA_DMN_ATTRIBUTES.contains(local))) {
					problem(element, "has " + attribute.getName() + " on <" + element.getTagName()
							+ ">, which the safety policy does not allow in a decision table");
				}
			}
			if ("text".equals(element.getLocalName()) && "juel".equalsIgnoreCase(language(element))) {
				String text = element.getTextContent().trim();
				// the decision engine reads JUEL without ${...} as if it had them
				expression(element, text.contains("${") || text.contains("#{") ? text : "${" + text + "}");
			}
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element childElement) {
					decisions(childElement);
				}
			}
		}

		private void delegateClass(Element element, String value) {
			String delegates = properties.policy().delegatePackage();
			if (!value.startsWith(delegates + ".")) {
				problem(element, "runs the class '" + value + "', which is outside " + delegates
						+ ": only the application's own delegates may run");
			}
		}

		private void expression(Element element, String text) {
			if (text == null || (!text.contains("${") && !text.contains("#{"))) {
				return;
			}
			for (String problem : expressions.problems(text.trim())) {
				problem(element, problem);
			}
		}

		private void problem(Element at, String message) {
			Element owner = owner(at);
			problems.add(new ModelProblem(resource, owner == null ? null : owner.getAttribute("id"),
					owner == null ? null : owner.getAttribute("name"), message));
		}
	}

	/** Set.of refuses to look up null, and an element or attribute without a namespace has null. */
	private static boolean isIn(Set<String> namespaces, String namespace) {
		return namespace != null && namespaces.contains(namespace);
	}

	private static String reason(String localName) {
		return REASONS.getOrDefault(localName, "models may use only what the policy lists (see the README, "
				+ "\"The safety policy\")");
	}

	private static boolean isText(Node node) {
		return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
	}

	/** The nearest element with an id: the task, event or decision a designer sees. */
	private static Element owner(Element element) {
		for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
			if (!candidate.getAttribute("id").isBlank()) {
				return candidate;
			}
		}
		return null;
	}

	/** The language a decision table's expression is written in: the nearest one named, FEEL when none is. */
	private static String language(Element element) {
		for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
			String language = candidate.getAttribute("expressionLanguage").trim();
			if (!language.isEmpty()) {
				return language;
			}
		}
		return "feel";
	}

	/** FEEL under any of its names, or JUEL, compared as the decision engine compares them. */
	private static boolean isDecisionLanguage(String language) {
		String lower = language.toLowerCase(Locale.ROOT);
		return ModelAllowlist.DMN_LANGUAGES.contains(language) || "feel".equals(lower) || "juel".equals(lower);
	}
}
