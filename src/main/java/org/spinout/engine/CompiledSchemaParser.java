package org.spinout.engine;

import java.util.List;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import org.xml.sax.SAXException;

/**
 * The XML parsing under the engine's {@link PlumbedBpmnParse}: the engine's own, validating
 * against the engine's BPMN schema, but with the schema compiled once rather than for every
 * deployment. It only parses; {@link PlumbedBpmnParse} reads what it parsed. See
 * {@code docs/decisions/model-schemas-compiled-once.md}.
 */
final class CompiledSchemaParser extends Parser {

	static final CompiledSchemaParser INSTANCE = new CompiledSchemaParser();

	private static final Schema BPMN = ModelReadersPlugin.compile(BpmnParser.class.getClassLoader(),
			List.of(BpmnParser.BPMN_20_SCHEMA_LOCATION));

	/**
	 * As the engine keeps its factory when it validates: one per thread, namespace-aware and with
	 * the namespace declarations among the attributes (the engine resolves prefixes with them), here
	 * with the compiled schema.
	 */
	private static final ThreadLocal<SAXParserFactory> FACTORY = ThreadLocal.withInitial(() -> {
		SAXParserFactory factory = SAXParserFactory.newInstance();
		factory.setNamespaceAware(true);
		try {
			factory.setFeature(NAMESPACE_PREFIXES, true);
		}
		catch (ParserConfigurationException | SAXException e) {
			throw new IllegalStateException("The XML parser cannot report namespace declarations", e);
		}
		factory.setSchema(BPMN);
		return factory;
	});

	private CompiledSchemaParser() {
	}

	@Override
	public Parse createParse() {
		throw new UnsupportedOperationException("The engine's BpmnParser creates the parse");
	}

	@Override
	protected SAXParser getSaxParser() throws Exception {
		SAXParserFactory factory = FACTORY.get();
		setXxeProcessing(factory);
		return factory.newSAXParser();
	}
}
