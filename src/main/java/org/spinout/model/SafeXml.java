package org.spinout.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads model XML without letting it reach outside itself: a DOCTYPE is refused outright, so no
 * external entity (XXE) is fetched and no entity is expanded, and nothing external is loaded.
 * Elements nest at most {@link #MAX_DEPTH} deep, so that no reader of the document, this
 * application's or the engine's, recurses without bound.
 */
public final class SafeXml {

	/** Deeper than any model needs (the journey's deepest is about 12), shallow enough for any recursive reader. */
	public static final int MAX_DEPTH = 100;

	/** The JDK parser's own limit on nesting (JAXP's jdk.xml.maxElementDepth). */
	private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

	private SafeXml() {
	}

	/** Thrown with a sentence a designer can act on. */
	public static final class UnsafeXmlException extends Exception {

		private static final long serialVersionUID = 1L;

		UnsafeXmlException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	public static Document read(byte[] content) throws UnsafeXmlException {
		try {
			DocumentBuilder builder = factory().newDocumentBuilder();
			builder.setErrorHandler(new Quiet());
			return builder.parse(new ByteArrayInputStream(content));
		}
		catch (SAXParseException e) {
			if (e.getMessage() != null && e.getMessage().contains("maxElementDepth")) {
				throw new UnsafeXmlException("nests elements more than " + MAX_DEPTH + " deep, which no model needs: "
						+ "this is not a model Spinout can read", e);
			}
			if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
				throw new UnsafeXmlException("declares a DOCTYPE, which is not allowed: a DOCTYPE can read files "
						+ "from the server (external entities) or expand entities without limit; remove it", e);
			}
			throw new UnsafeXmlException("is not well-formed XML (line " + e.getLineNumber() + ", column "
					+ e.getColumnNumber() + ": " + e.getMessage() + ")", e);
		}
		catch (SAXException | IOException e) {
			throw new UnsafeXmlException("is not XML (" + e.getMessage() + ")", e);
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("The XML parser cannot be made safe", e);
		}
	}

	private static DocumentBuilderFactory factory() {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		try {
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("The XML parser cannot be made safe", e);
		}
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
		return factory;
	}

	/** The parser reports through exceptions; printing to standard error as well would only add noise. */
	private static final class Quiet implements ErrorHandler {

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}
	}
}
