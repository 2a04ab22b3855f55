package org.spinout.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds the journey contract against the models and forms, both ways: every name a model uses
 * is in the contract, and every name in the contract is used by a model or form. A model is
 * edited outside the compiler's sight, so this is where a renamed variable or group shows.
 */
class JourneyContractTest {

	private static final Path PROCESSES = Path.of("processes");

	private static final Path FORMS = Path.of("forms");

	@Test
	void theModelsUseOnlyTheNamesOfTheContractAndTheContractNamesOnlyWhatTheyUse() throws IOException {
		// given the models and forms as they ship
		// when they are read
		Usage usage = Usage.read(PROCESSES, FORMS);
		// then they and the contract name the same things
		assertThat(usage.problems()).isEmpty();
	}

	@Test
	void aVariableRenamedInAModelAndItsFormIsCaught(@TempDir Path copy) throws IOException {
		// given a copy of the models and forms in which a designer renamed calledIn in the model and its form
		Path processes = copyOf(PROCESSES, copy.resolve("processes"));
		Path forms = copyOf(FORMS, copy.resolve("forms"));
		rename(processes.resolve("call-in.bpmn"), "calledIn", "callInMade");
		rename(forms.resolve("consider-call-in.form"), "calledIn", "callInMade");
		// when the copy is read
		List<String> problems = Usage.read(processes, forms).problems();
		// then both sides of the mismatch are named
		assertThat(problems).contains("call-in.bpmn reads variable callInMade, which the contract does not name",
				"Variables names calledIn, which no model or form uses");
	}

	@Test
	void aCandidateGroupTheContractDoesNotNameIsCaught(@TempDir Path copy) throws IOException {
		// given a copy of the models in which a task is offered to a group Spinout does not know
		Path processes = copyOf(PROCESSES, copy.resolve("processes"));
		rename(processes.resolve("call-in.bpmn"), "candidateGroups=\"scrutiny\"", "candidateGroups=\"overview\"");
		// when the copy is read
		List<String> problems = Usage.read(processes, FORMS).problems();
		// then the unknown group is named
		assertThat(problems).contains("call-in.bpmn offers a task to group overview, which the contract does not name");
	}

	private static Path copyOf(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
		return to;
	}

	private static void rename(Path file, String from, String to) throws IOException {
		String text = Files.readString(file);
		assertThat(text).contains(from);
		Files.writeString(file, text.replace(from, to));
	}

	/** The names a set of models and forms use, by kind, each with the files that use it. */
	private static final class Usage {

		private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

		private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

		private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

		/** A variable named as a string, as in {@code execution.setVariable('programmeStatus', ...)}. */
		private static final Pattern NAMED_VARIABLE = Pattern.compile("[sg]etVariable(?:Local)?\\(\\s*'(\\w+)'");

		private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(\\w+)");

		private static final Set<String> JUEL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
				"true", "false", "null", "empty", "div", "mod", "instanceof");

		private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "true", "false", "null", "if",
				"then", "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of",
				"function", "date", "time", "duration");

		/** What the engine itself gives an expression. */
		private static final Set<String> ENGINE_NAMES = Set.of("execution", "task");

		private final TreeMap<String, Set<String>> reads = new TreeMap<>();

		private final Set<String> writes = new TreeSet<>();

		private final Set<String> formVariables = new TreeSet<>();

		private final TreeMap<String, Set<String>> groups = new TreeMap<>();

		private final TreeMap<String, Set<String>> messages = new TreeMap<>();

		private final TreeMap<String, Set<String>> processes = new TreeMap<>();

		static Usage read(Path processes, Path forms) throws IOException {
			Usage usage = new Usage();
			for (Path file : files(processes)) {
				String name = file.getFileName().toString();
				if (name.endsWith(".bpmn")) {
					usage.readProcess(name, parse(file));
				}
				else if (name.endsWith(".dmn")) {
					usage.readDecisions(name, parse(file));
				}
			}
			ObjectMapper json = new ObjectMapper();
			for (Path file : files(forms)) {
				if (file.getFileName().toString().endsWith(".form")) {
					usage.readForm(json.readTree(file.toFile()), Files.readString(file));
				}
			}
			return usage;
		}

		private void readProcess(String file, Document model) {
			for (Element element : elements(model)) {
				NamedNodeMap attributes = element.getAttributes();
				for (int i = 0; i < attributes.getLength(); i++) {
					readExpressions(file, ((Attr) attributes.item(i)).getValue());
				}
				String text = ownText(element);
				readExpressions(file, text);
				switch (element.getLocalName()) {
					case "process" -> use(processes, element.getAttribute("id"), file);
					case "callActivity" -> use(processes, element.getAttribute("calledElement"), file);
					case "message" -> use(messages, element.getAttribute("name"), file);
					case "in", "out" -> {
						for (String side : List.of("source", "target")) {
							if (element.hasAttribute(side)) {
								use(reads, element.getAttribute(side), file);
							}
						}
					}
					case "outputParameter" -> writes.add(element.getAttribute("name"));
					default -> {
					}
				}
				String offeredTo = element.getAttributeNS("http://camunda.org/schema/1.0/bpmn", "candidateGroups");
				Arrays.stream(offeredTo.split(",")).map(String::strip).filter(group -> !group.isEmpty())
						.forEach(group -> use(groups, group, file));
				String result = element.getAttributeNS("http://camunda.org/schema/1.0/bpmn", "resultVariable");
				if (!result.isEmpty()) {
					writes.add(result);
				}
			}
		}

		private void readExpressions(String file, String text) {
			Matcher expression = EXPRESSION.matcher(text);
			while (expression.find()) {
				Matcher named = NAMED_VARIABLE.matcher(expression.group(1));
				while (named.find()) {
					writes.add(named.group(1));
				}
				identifiers(expression.group(1), JUEL_WORDS).forEach(name -> use(reads, name, file));
			}
		}

		/**
		 * A decision table's inputs are read from the process's variables, in JUEL or FEEL; an
		 * input that names an output of another decision in the same file is that decision's.
		 */
		private void readDecisions(String file, Document model) {
			Set<String> outputs = new TreeSet<>();
			for (Element element : elements(model)) {
				if (element.getLocalName().equals("output") && element.hasAttribute("name")) {
					outputs.add(element.getAttribute("name"));
				}
			}
			for (Element element : elements(model)) {
				if (element.getLocalName().equals("inputExpression")) {
					String text = element.getTextContent();
					Set<String> names = text.contains("${") ? new TreeSet<>() : identifiers(text, FEEL_WORDS);
					Matcher expression = EXPRESSION.matcher(text);
					while (expression.find()) {
						names.addAll(identifiers(expression.group(1), JUEL_WORDS));
					}
					names.removeAll(outputs);
					names.forEach(name -> use(reads, name, file));
				}
			}
		}

		private void readForm(JsonNode form, String text) {
			form.findValues("key").forEach(key -> formVariables.add(key.asText()));
			form.findValues("hide").stream().map(JsonNode::asText).filter(hide -> hide.startsWith("="))
					.forEach(hide -> formVariables.addAll(identifiers(hide.substring(1), FEEL_WORDS)));
			Matcher template = TEMPLATE.matcher(text);
			while (template.find()) {
				formVariables.add(template.group(1));
			}
		}

		List<String> problems() {
			List<String> problems = new ArrayList<>();
			Set<String> variables = names(Variables.class);
			Set<String> delegates = names(Delegates.class);
			reads.forEach((name, files) -> {
				if (!variables.contains(name) && !delegates.contains(name) && !ENGINE_NAMES.contains(name)) {
					files.forEach(file -> problems.add(file + " reads variable " + name
							+ ", which the contract does not name"));
				}
			});
			for (String name : variables) {
				if (!reads.containsKey(name) && !writes.contains(name) && !formVariables.contains(name)) {
					problems.add("Variables names " + name + ", which no model or form uses");
				}
			}
			for (String name : delegates) {
				if (!reads.containsKey(name)) {
					problems.add("Delegates names " + name + ", which no model calls");
				}
			}
			bothWays(problems, groups, CandidateGroups.class, "offers a task to group");
			bothWays(problems, messages, Messages.class, "catches message");
			bothWays(problems, processes, Processes.class, "defines or calls process");
			return problems;
		}

		private static void bothWays(List<String> problems, TreeMap<String, Set<String>> used, Class<?> contract,
				String what) {
			Set<String> named = names(contract);
			used.forEach((name, files) -> {
				if (!named.contains(name)) {
					files.forEach(file -> problems.add(file + " " + what + " " + name
							+ ", which the contract does not name"));
				}
			});
			named.stream().filter(name -> !used.containsKey(name)).forEach(name -> problems
					.add(contract.getSimpleName() + " names " + name + ", which no model uses"));
		}

		/** The names in an expression that are not properties, methods or words of the language. */
		private static Set<String> identifiers(String expression, Set<String> words) {
			String code = STRING.matcher(expression).replaceAll(" ");
			Set<String> names = new TreeSet<>();
			Matcher identifier = IDENTIFIER.matcher(code);
			while (identifier.find()) {
				String before = code.substring(0, identifier.start()).stripTrailing();
				if (!before.endsWith(".") && !words.contains(identifier.group())) {
					names.add(identifier.group());
				}
			}
			return names;
		}

		private static void use(TreeMap<String, Set<String>> used, String name, String file) {
			used.computeIfAbsent(name, any -> new TreeSet<>()).add(file);
		}

		/** The values of a contract class's public constants. */
		private static Set<String> names(Class<?> contract) {
			Set<String> names = new TreeSet<>();
			for (Field field : contract.getFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
					try {
						names.add((String) field.get(null));
					}
					catch (IllegalAccessException e) {
						throw new IllegalStateException(e);
					}
				}
			}
			return names;
		}

		private static List<Path> files(Path folder) throws IOException {
			try (Stream<Path> files = Files.list(folder)) {
				return files.sorted().toList();
			}
		}

		private static Document parse(Path file) {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setNamespaceAware(true);
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
				return factory.newDocumentBuilder().parse(file.toFile());
			}
			catch (Exception e) {
				throw new IllegalStateException("Could not read " + file, e);
			}
		}

		private static List<Element> elements(Document model) {
			NodeList all = model.getElementsByTagNameNS("*", "*");
			List<Element> elements = new ArrayList<>();
			for (int i = 0; i < all.getLength(); i++) {
				elements.add((Element) all.item(i));
			}
			return elements;
		}

		private static String ownText(Element element) {
			StringBuilder text = new StringBuilder();
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
					text.append(child.getNodeValue());
				}
			}
			return text.toString();
		}
	}
}
