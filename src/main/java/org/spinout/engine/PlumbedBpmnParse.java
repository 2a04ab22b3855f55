package org.spinout.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;

/**
 * The engine's BPMN parse with {@link TaskPlumbing} added to the model before the engine reads it,
 * so that reminders, escalations and the decision mapping are parsed exactly as if the model had
 * declared them: the same listeners, timers, job definitions and variable scopes. See
 * {@code docs/decisions/task-plumbing-while-parsing.md} for why this is not a parse listener. The
 * file is validated against the BPMN schema compiled once ({@link CompiledSchemaParser}).
 */
final class PlumbedBpmnParse extends BpmnParse {

	PlumbedBpmnParse(BpmnParser parser) {
		super(parser);
		// The same validation, against the schema compiled once instead of named to each parse. The
		// field, not setSchemaResource(null), which would switch off validating in the engine's own
		// parser factory for every parse after.
		this.parser = CompiledSchemaParser.INSTANCE;
		this.schemaResource = null;
	}

	@Override
	protected void parseRootElement() {
		TaskPlumbing.addTo(rootElement);
		super.parseRootElement();
	}
}
