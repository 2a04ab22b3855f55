package org.spinout.engine;

import java.io.InputStream;
import java.net.URL;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.impl.BpmnParser;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.impl.DmnParser;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Has Camunda's model readers ({@code Bpmn.readModelFromStream}, {@code Dmn.readModelFromStream},
 * which the engine also uses to deploy a decision table) compile their XML schemas once, not for
 * every file they read.
 *
 * <p>As shipped, a reader validates while it reads by naming its schema files to the XML parser,
 * which compiles them anew for each document: five files for a decision table. That was most of
 * the time of deploying a decision table or checking a model in the designer. The readers
 * installed here hand the parser the same schemas compiled once; the parser validates exactly as
 * before. See {@code docs/decisions/model-schemas-compiled-once.md}.
 */
@Component
public class ModelReadersPlugin extends AbstractProcessEnginePlugin {

	private static final String JAXP_SCHEMA_LANGUAGE = "http://java.sun.com/xml/jaxp/properties/schemaLanguage";

	private static final String JAXP_SCHEMA_SOURCE = "http://java.sun.com/xml/jaxp/properties/schemaSource";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		install();
	}

	/** Replaces the readers for the whole JVM; idempotent. */
	public static synchronized void install() {
		if (!(Bpmn.INSTANCE instanceof CompiledOnceBpmn)) {
			Bpmn.INSTANCE = new CompiledOnceBpmn();
		}
		if (!(Dmn.INSTANCE instanceof CompiledOnceDmn)) {
			Dmn.INSTANCE = new CompiledOnceDmn();
		}
	}

	/**
	 * The reader's factory as Camunda configures it, but with the compiled schema in place of the
	 * schema files: the JAXP rule is one or the other, and validating stays off with a schema.
	 */
	private static void useCompiled(DocumentBuilderFactory factory, Schema schema) {
		factory.setAttribute(JAXP_SCHEMA_SOURCE, null);
		factory.setAttribute(JAXP_SCHEMA_LANGUAGE, null);
		factory.setValidating(false);
		factory.setSchema(schema);
	}

	/** The schemas at these class path locations, in this order, as one. */
	static Schema compile(ClassLoader loader, List<String> locations) {
		Source[] sources = locations.stream().map(location -> {
			URL url = loader.getResource(location);
			if (url == null) {
				throw new IllegalStateException("No schema " + location + " on the class path");
			}
			return new StreamSource(url.toExternalForm());
		}).toArray(Source[]::new);
		try {
			return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources);
		}
		catch (SAXException e) {
			throw new IllegalStateException("Cannot compile the schemas " + locations, e);
		}
	}

	private static final class CompiledOnceBpmn extends Bpmn {

		private static final Schema SCHEMA = compile(BpmnParser.class.getClassLoader(),
				List.of(BpmnModelConstants.BPMN_20_SCHEMA_LOCATION));

		private final BpmnParser parser = new BpmnParser() {
			@Override
			protected void configureFactory(DocumentBuilderFactory factory) {
				super.configureFactory(factory);
				useCompiled(factory, SCHEMA);
			}
		};

		@Override
		protected BpmnModelInstance doReadModelFromInputStream(InputStream in) {
			return parser.parseModelFromStream(in);
		}
	}

	private static final class CompiledOnceDmn extends Dmn {

		/** The versions Camunda's reader names, in its order. */
		private static final Schema SCHEMA = compile(DmnParser.class.getClassLoader(),
				List.of(DmnModelConstants.DMN_15_SCHEMA_LOCATION, DmnModelConstants.DMN_14_SCHEMA_LOCATION,
						DmnModelConstants.DMN_13_SCHEMA_LOCATION, DmnModelConstants.DMN_12_SCHEMA_LOCATION,
						DmnModelConstants.DMN_11_SCHEMA_LOCATION, DmnModelConstants.DMN_11_ALTERNATIVE_SCHEMA_LOCATION));

		private final DmnParser parser = new DmnParser() {
			@Override
			protected void configureFactory(DocumentBuilderFactory factory) {
				super.configureFactory(factory);
				useCompiled(factory, SCHEMA);
			}
		};

		@Override
		protected DmnModelInstance doReadModelFromInputStream(InputStream in) {
			return parser.parseModelFromStream(in);
		}
	}
}
