package org.spinout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.spinout.SpinoutWebTest;
import org.spinout.engine.JuelExpressionCheck;
import org.spinout.engine.TaskPlumbingPlugin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The default allowlist holds exactly the beans the journey's models call, and the expressions the
 * engine adds to every model call: no more, no fewer.
 */
@SpinoutWebTest
class AllowlistTest {

	private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

	@Autowired
	ApplicationContext context;

	@Autowired
	ModelPolicyProperties properties;

	@Test
	void theDefaultAllowlistIsExactlyTheBeansTheJourneysModelsCall() throws IOException {
		// given every expression in processes/, and those the engine adds to every model
		List<String> expressions = new ArrayList<>(TaskPlumbingPlugin.EXPRESSIONS);
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.toList()) {
				Matcher expression = EXPRESSION.matcher(Files.readString(file));
				while (expression.find()) {
					expressions.add(expression.group());
				}
			}
		}

		// when the names they call are beans (comments may quote an expression loosely: only what parses runs)
		Set<String> called = new TreeSet<>();
		for (String expression : expressions) {
			for (String name : JuelExpressionCheck.names(unescape(expression))) {
				if (context.containsBean(name)) {
					called.add(name);
				}
			}
		}

		// then
		assertThat(called).isNotEmpty();
		assertThat(properties.policy().allowedBeans()).containsExactlyInAnyOrderElementsOf(called);
	}

	private static String unescape(String xml) {
		return xml.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"").replace("&apos;", "'")
				.replace("&#39;", "'").replace("&amp;", "&");
	}
}
