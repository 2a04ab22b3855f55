package org.spinout.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The forms under src/test/resources/form/, requests to them, and their pages, for the form tests. */
final class FormFixtures {

	/** The day the tests run on, so that "not in the past" does not depend on the calendar. */
	static final LocalDate TODAY = LocalDate.of(2030, 6, 1);

	private FormFixtures() {
	}

	static FormSchema fixture(String name) {
		try (InputStream in = FormFixtures.class.getResourceAsStream("/form/" + name + ".form")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture form " + name);
			}
			return FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
					.withClock(Clock.fixed(TODAY.atStartOfDay(VariableValues.UK).toInstant(), VariableValues.UK));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A form of one component, given as its JSON. */
	static FormSchema formOf(String componentJson) {
		return FormSchema.parse("{\"id\": \"one-field\", \"components\": [" + componentJson + "]}");
	}

	/** Request parameters from name, value pairs; a name given twice gets both values. */
	static Map<String, String[]> parameters(String... namesAndValues) {
		Map<String, List<String>> collected = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			collected.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
		}
		Map<String, String[]> parameters = new LinkedHashMap<>();
		collected.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
		return parameters;
	}

	/** A complete, valid answer to the every-component form, to change one field at a time. */
	static Map<String, String[]> validAnswers() {
		return parameters("programmeName", "Riverside Libraries spin-out", "parentBodyCode", "E06000014",
				"staffCount", "240", "staffShare", "75.5", "healthCare", "true", "boardMinuted", "true",
				"reservedConditions", "employee-ownership", "reservedConditions", "public-service-mission",
				"nation", "england-wales", "parentBodyType", "council", "targetTransferDate-day", "1",
				"targetTransferDate-month", "7", "targetTransferDate-year", "2031", "decision", "approve",
				"decisionReason", "");
	}

	static Map<String, String[]> with(Map<String, String[]> parameters, String... namesAndValues) {
		Map<String, String[]> changed = new LinkedHashMap<>(parameters);
		changed.putAll(parameters(namesAndValues));
		return changed;
	}

	/**
	 * The form's page as a page includes it (src/test/resources/templates/form/test-page.html),
	 * rendered by Thymeleaf with Spring's expression language as in the application, with its
	 * whitespace collapsed so tests can look for markup.
	 */
	static String page(FormSchema schema, FormSubmission submission) {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		Context context = new Context(Locale.UK);
		context.setVariable("schema", schema);
		context.setVariable("submission", submission);
		return engine.process("form/test-page", context).replaceAll("\\s+", " ").replace("> <", "><");
	}
}
