package org.spinout.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spinout.form.FormFixtures.fixture;
import static org.spinout.form.FormFixtures.formOf;

import org.junit.jupiter.api.Test;

/** A form is read as Camunda Modeler saves it, and one Spinout cannot honour is refused, saying why. */
class FormSchemaTest {

	@Test
	void everyComponentTypeIsReadAndWhatCarriesNothingIsLeftOut() {
		FormSchema form = fixture("every-component");

		assertThat(form.id()).isEqualTo("every-component");
		assertThat(form.components()).extracting(FormComponent::type).containsExactly(ComponentType.TEXT,
				ComponentType.TEXT, ComponentType.TEXT_FIELD, ComponentType.SELECT, ComponentType.DATE,
				ComponentType.TEXT_FIELD, ComponentType.TEXT_FIELD, ComponentType.NUMBER, ComponentType.NUMBER,
				ComponentType.CHECKBOX, ComponentType.CHECKBOX, ComponentType.CHECKLIST, ComponentType.RADIO,
				ComponentType.SELECT, ComponentType.DATE, ComponentType.RADIO, ComponentType.TEXT_AREA,
				ComponentType.FILE);
		FormComponent name = form.components().get(5);
		assertThat(name.key()).isEqualTo("programmeName");
		assertThat(name.label()).isEqualTo("Programme name");
		assertThat(name.hint()).isEqualTo("For example \"Riverside Libraries spin-out\".");
		assertThat(name.rules().required()).isTrue();
		assertThat(name.rules().minLength()).isEqualTo(3);
		assertThat(name.rules().maxLength()).isEqualTo(120);
		assertThat(form.components().get(4).label()).as("a date's dateLabel").isEqualTo("Date approved");
		assertThat(form.components().get(12).options()).extracting(Option::label)
				.containsExactly("England and Wales", "Scotland", "Northern Ireland");
	}

	@Test
	void theVariablesAFormReadsIncludeThoseOfItsConditionsAndTexts() {
		FormSchema form = fixture("every-component");

		assertThat(form.variableNames()).contains("programmeName", "termWithinLimit", "contractTermYears", "decision");
	}

	@Test
	void aComponentTypeThatWouldLoseAnswersIsRefusedNamingTheFormAndComponent() {
		assertThatThrownBy(() -> FormSchema.parse("""
				{"id": "award", "components": [{"id": "Field_tags", "type": "taglist", "key": "tags", "label": "Tags"}]}"""))
				.isInstanceOf(FormSchemaException.class)
				.hasMessage("The form 'award' cannot be used: component 'Field_tags': the type 'taglist' is not supported");
	}

	@Test
	void whatIsNotAFormIsRefused() {
		assertThatThrownBy(() -> FormSchema.parse("{not json")).isInstanceOf(FormSchemaException.class)
				.hasMessageStartingWith("The form is not valid JSON");
		assertThatThrownBy(() -> FormSchema.parse("[]")).isInstanceOf(FormSchemaException.class)
				.hasMessage("The form is not a JSON object");
		assertThatThrownBy(() -> FormSchema.parse("{\"components\": []}")).hasMessage("The form has no id");
		assertThatThrownBy(() -> FormSchema.parse("{\"id\": \"x\"}")).hasMessage("The form 'x' has no components");
	}

	@Test
	void fieldsThatCannotBeShownOrCheckedAreRefused() {
		assertRefused("""
				{"type": "select", "key": "route", "label": "Route", "valuesKey": "routes"}""",
				"options taken from variables are not supported");
		assertRefused("""
				{"type": "datetime", "subtype": "datetime", "key": "at", "dateLabel": "At"}""",
				"only dates are supported");
		assertRefused("""
				{"type": "textfield", "key": "name", "label": "Name", "conditional": {"hide": "=count(items) > 2"}}""",
				"conditional.hide '=count(items) > 2' is not supported");
		assertRefused("""
				{"type": "textfield", "key": "name", "label": "Name", "validate": {"pattern": "[a-"}}""",
				"the pattern '[a-' cannot be read");
		assertRefused("""
				{"type": "checklist", "key": "areas", "label": "Areas", "values": [{"value": "a,b", "label": "A and B"}]}""",
				"the option value 'a,b' contains a comma");
		assertRefused("""
				{"type": "textfield", "key": "person.name", "label": "Name"}""",
				"the key 'person.name' is not a plain variable name");
		assertRefused("""
				{"type": "textfield", "key": "name"}""", "it has no label");
		assertRefused("""
				{"type": "text", "text": "Hello {{ user.name }}"}""", "is not a plain variable name");
		assertRefused("""
				{"type": "textfield", "key": "name", "label": "Name"}, {"type": "textarea", "key": "name", "label": "Name again"}""",
				"another field already uses the key 'name'");
	}

	@Test
	void propertiesSpinoutHasNoUseForArePassedOver() {
		FormSchema form = formOf("""
				{"type": "textfield", "key": "name", "label": "Name", "layout": {"row": "Row_1"},
				 "properties": {"x": "y"}, "appearance": {"prefixAdorner": "£"}, "someFutureProperty": [1, 2]}""");

		assertThat(form.components()).singleElement().extracting(FormComponent::key).isEqualTo("name");
	}

	private static void assertRefused(String componentJson, String reason) {
		assertThatThrownBy(() -> formOf(componentJson)).isInstanceOf(FormSchemaException.class)
				.hasMessageStartingWith("The form 'one-field' cannot be used: component")
				.hasMessageContaining(reason);
	}
}
