package org.spinout.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The deploy-time safety policy. Expressions, scripts and delegate classes in a model run on the
 * server with the application's rights, so a deployment is refused when it holds a script (script
 * task, script listener, script in an input/output mapping, script condition or decision
 * expression), a {@code camunda:class} outside the application's own delegate package, an
 * expression calling a Spring bean that is not on the allowlist, or an expression reaching into
 * Java reflection or the engine's internals. Every file must also be small enough, of a known
 * kind, and (for BPMN and DMN) XML without a DOCTYPE.
 */
@Component
public class DeploymentPolicy {

	static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass");

	/**
	 * The kinds of file the journey uses. Anything else is refused: HTML forms and script files
	 * would run in people's browsers or on the server.
	 */
	private static final List<String> KNOWN_KINDS = List.of(ModelFile.BPMN, ModelFile.DMN, ModelFile.FORM);

	/**
	 * Members that lead from any object to arbitrary code (reflection, class loading, processes) or
	 * to the engine's configuration and database. The engine refuses them at run time as well.
	 */
	public static final Set<String> DENIED_MEMBERS = Set.of("class", "getClass", "forName", "classLoader",
			"getClassLoader", "loadClass", "newInstance", "getConstructor", "getConstructors", "getDeclaredConstructor",
			"getDeclaredConstructors", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
			"getField", "getFields", "getDeclaredField", "getDeclaredFields", "invoke", "getRuntime", "exec",
			"processEngine", "getProcessEngine", "processEngineServices", "getProcessEngineServices",
			"processEngineConfiguration", "getProcessEngineConfiguration", "dataSource", "getDataSource",
			"applicationContext", "getApplicationContext", "beanFactory", "getBeanFactory", "getBean",
			"getManagementService", "managementService", "getIdentityService", "identityService",
			"getAuthorizationService", "authorizationService", "getRepositoryService", "repositoryService");

	private static final Pattern DENIED = Pattern.compile("\\b(" + String.join("|", DENIED_MEMBERS) + ")\\b");

	public static final String WRONG_KIND = "has the wrong extension: deploy process models (.bpmn), "
			+ "decision tables (.dmn) and forms (.form) only";

	/** Method calls on variables and beans, as the engine's own expressions allow. */
	private static final Builder JUEL = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	private final ModelPolicyProperties properties;

	private final Predicate<String> isBean;

	@Autowired
	public DeploymentPolicy(ModelPolicyProperties properties, ListableBeanFactory beans) {
		this(properties, beans::containsBean);
	}

	DeploymentPolicy(ModelPolicyProperties properties, Predicate<String> isBean) {
		this.properties = properties;
		this.isBean = isBean;
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
		if (properties.policy().enabled()) {
			new Walk(name, file.isDmn(), problems).element(document.getDocumentElement());
		}
		return problems;
	}

	/** The limit as people write it: 5 MB, not 5242880 bytes. */
	public String megabytes() {
		long bytes = properties.maxFileSize().toBytes();
		return bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / (1024 * 1024))
				: String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}

	/** One pass over a document, collecting what it finds. */
	private final class Walk {

		private final String resource;

		private final boolean decision;

		private final List<ModelProblem> problems;

		Walk(String resource, boolean decision, List<ModelProblem> problems) {
			this.resource = resource;
			this.decision = decision;
			this.problems = problems;
		}

		void element(Element element) {
			String ns = element.getNamespaceURI();
			String local = element.getLocalName();
			if (BPMN_NS.equals(ns) && ("documentation".equals(local) || "textAnnotation".equals(local))) {
				return; // read by people, never evaluated
			}
			if (BPMN_NS.equals(ns) && "scriptTask".equals(local)) {
				problem(element, "is a script task: scripts are not allowed; call a delegate of "
						+ properties.policy().delegatePackage() + " instead");
				return;
			}
			if (CAMUNDA_BPMN_NS.equals(ns) && "script".equals(local)) {
				problem(element, "has a script in " + scriptPlace(element) + ": scripts are not allowed");
				return;
			}
			if (decision) {
				decisionExpression(element);
			}
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				attribute(element, (Attr) attributes.item(i));
			}
			NodeList children = element.getChildNodes();
			for (int i = 0; i < children.getLength(); i++) {
				Node child = children.item(i);
				if (child instanceof Element childElement) {
					element(childElement);
				}
				else if (!decision && (child.getNodeType() == Node.TEXT_NODE
						|| child.getNodeType() == Node.CDATA_SECTION_NODE)) {
					expression(element, child.getNodeValue());
				}
			}
		}

		private void attribute(Element element, Attr attribute) {
			String local = attribute.getLocalName();
			String value = attribute.getValue().trim();
			boolean camundaAttribute = CAMUNDA_BPMN_NS.equals(attribute.getNamespaceURI());
			boolean onCamundaElement = attribute.getNamespaceURI() == null
					&& CAMUNDA_BPMN_NS.equals(element.getNamespaceURI());
			if ((camundaAttribute || onCamundaElement) && CLASS_ATTRIBUTES.contains(local) && !value.isEmpty()
					&& !value.startsWith(properties.policy().delegatePackage() + ".")) {
				problem(element, "runs the class '" + value + "', which is outside "
						+ properties.policy().delegatePackage() + ": only the application's own delegates may run");
			}
			if (!decision && attribute.getNamespaceURI() == null && "language".equals(local) && !value.isEmpty()
					&& !"juel".equalsIgnoreCase(value)) {
				problem(element, "has an expression in the script language '" + value + "': scripts are not allowed");
			}
			if (!decision) {
				expression(element, value);
			}
		}

		/** Decision tables: FEEL is safe by design; JUEL is checked like BPMN expressions; anything else is a script. */
		private void decisionExpression(Element element) {
			Element text = child(element, "text");
			if (text == null) {
				return;
			}
			String language = language(element);
			if (language == null || isFeel(language)) {
				return;
			}
			if ("juel".equalsIgnoreCase(language)) {
				expression(element, text.getTextContent());
			}
			else {
				problem(element, "has an expression in the script language '" + language + "': scripts are not allowed");
			}
		}

		private void expression(Element element, String text) {
			if (text == null || (!text.contains("${") && !text.contains("#{"))) {
				return;
			}
			String expression = text.trim();
			Tree tree;
			try {
				tree = JUEL.build(expression);
			}
			catch (TreeBuilderException e) {
				problem(element, "has an expression that cannot be read: " + expression + " (" + e.getMessage() + ")");
				return;
			}
			for (IdentifierNode identifier : tree.getIdentifierNodes()) {
				String name = identifier.getName();
				if (!properties.policy().allowedBeans().contains(name) && isBean.test(name)) {
					problem(element, "calls the bean '" + name + "', which is not on the allowlist "
							+ "(spinout.models.policy.allowed-beans)");
				}
			}
			Matcher denied = DENIED.matcher(expression);
			if (denied.find()) {
				problem(element, "reaches into Java or the engine through '" + denied.group(1) + "' in " + expression
						+ ": expressions may not use reflection or the engine's internals");
			}
		}

		private void problem(Element at, String message) {
			Element owner = owner(at);
			problems.add(new ModelProblem(resource, owner == null ? null : owner.getAttribute("id"),
					owner == null ? null : owner.getAttribute("name"), message));
		}
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

	private static String scriptPlace(Element script) {
		Node parent = script.getParentNode();
		String place = parent == null ? "" : parent.getLocalName();
		return switch (place == null ? "" : place) {
			case "executionListener" -> "an execution listener";
			case "taskListener" -> "a task listener";
			case "inputParameter", "outputParameter", "entry", "list", "value" -> "an input/output mapping";
			default -> "a " + place + " element";
		};
	}

	private static Element child(Element element, String localName) {
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child && localName.equals(child.getLocalName())) {
				return child;
			}
		}
		return null;
	}

	/** An element's expression language, inherited from the table or the definitions when it has none. */
	private static String language(Element element) {
		for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
			String language = candidate.getAttribute("expressionLanguage").trim();
			if (!language.isEmpty()) {
				return language;
			}
		}
		return null;
	}

	private static boolean isFeel(String language) {
		String lower = language.toLowerCase(Locale.ROOT);
		return lower.equals("feel") || lower.startsWith("feel-") || lower.contains("/feel/");
	}
}
