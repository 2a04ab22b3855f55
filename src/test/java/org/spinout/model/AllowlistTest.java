package org.spinout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.engine.TaskPlumbingPlugin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The default allowlist holds exactly the beans the journey's models call: no more, no fewer. */
@SpinoutWebTest
class AllowlistTest {

	private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

	@Autowired
	ApplicationContext context;

	@Autowired
	ModelPolicyProperties properties;

	@Test
	void theDefaultAllowlistIsExactlyTheBeansTheJourneysModelsCall() throws IOException {
		// given every expression in processes/, and those the engine adds to every model as it reads it
		Set<String> called = new TreeSet<>();
		StringBuilder models = new StringBuilder(String.join(" ", TaskPlumbingPlugin.ADDED_EXPRESSIONS));
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.toList()) {
				models.append(Files.readString(file));
			}
		}
		Matcher expression = EXPRESSION.matcher(models);
		while (expression.find()) {
			// when the names it calls are beans
			for (IdentifierNode identifier : identifiers(expression.group())) {
				if (context.containsBean(identifier.getName())) {
					called.add(identifier.getName());
				}
			}
		}

		// then
		assertThat(called).isNotEmpty();
		assertThat(properties.policy().allowedBeans()).containsExactlyInAnyOrderElementsOf(called);
	}

	/** Comments and documentation may quote an expression loosely; only what parses can run. */
	private static Iterable<IdentifierNode> identifiers(String expression) {
		try {
			return new Builder(Builder.Feature.METHOD_INVOCATIONS).build(unescape(expression)).getIdentifierNodes();
		}
		catch (TreeBuilderException prose) {
			return java.util.List.of();
		}
	}

	private static String unescape(String xml) {
		return xml.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"").replace("&apos;", "'")
				.replace("&#39;", "'").replace("&amp;", "&");
	}
}
