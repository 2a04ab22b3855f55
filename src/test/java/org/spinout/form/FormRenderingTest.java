package org.spinout.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinout.form.FormFixtures.fixture;
import static org.spinout.form.FormFixtures.formOf;
import static org.spinout.form.FormFixtures.page;
import static org.spinout.form.FormFixtures.validAnswers;
import static org.spinout.form.FormFixtures.with;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The form is shown on the server in GOV.UK Frontend markup, its errors GOV.UK style. */
class FormRenderingTest {

	private final FormSchema form = fixture("every-component");

	@Test
	void aFirstVisitShowsEveryFieldWithItsLabelAndHintAndNoErrors() {
		String page = page(form, null);

		assertThat(page).doesNotContain("govuk-error-summary").doesNotContain("govuk-error-message");
		assertThat(tag(page, "programmeName")).contains("class=\"govuk-input\"").contains("type=\"text\"")
				.contains("name=\"programmeName\"").contains("aria-describedby=\"programmeName-hint\"");
		assertThat(page).contains("<label class=\"govuk-label govuk-label--s\" for=\"programmeName\">Programme name</label>")
				.contains("<div class=\"govuk-hint\" id=\"programmeName-hint\">For example &quot;Riverside Libraries spin-out&quot;.</div>");
		assertThat(tag(page, "parentBodyCode")).contains("govuk-input--width-10").doesNotContain("aria-describedby");
		assertThat(tag(page, "staffCount")).contains("inputmode=\"numeric\"").contains("govuk-input--width-10");
		assertThat(tag(page, "staffShare")).contains("inputmode=\"decimal\"").contains("value=\"50\"");
		assertThat(tag(page, "healthCare")).contains("class=\"govuk-checkboxes__input\"").contains("value=\"true\"")
				.doesNotContain("checked");
		assertThat(page).contains("<div class=\"govuk-hint govuk-checkboxes__hint\" id=\"healthCare-hint\">");
		assertThat(tag(page, "reservedConditions-3")).contains("value=\"employee-ownership\"").contains("type=\"checkbox\"");
		assertThat(page).contains("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Nation</legend>");
		assertThat(tag(page, "nation")).contains("class=\"govuk-radios__input\"").contains("value=\"england-wales\"");
		assertThat(tag(page, "nation-2")).contains("value=\"scotland\"");
		assertThat(tag(page, "parentBodyType")).contains("class=\"govuk-select\"");
		assertThat(page).contains("<option value=\"\">Choose an option</option><option value=\"council\">Council</option>");
		assertThat(page).contains("<div class=\"govuk-date-input\" id=\"targetTransferDate\">");
		assertThat(tag(page, "targetTransferDate-day")).contains("govuk-date-input__input").contains("govuk-input--width-2")
				.contains("inputmode=\"numeric\"").contains("name=\"targetTransferDate-day\"");
		assertThat(tag(page, "targetTransferDate-year")).contains("govuk-input--width-4");
		assertThat(tag(page, "businessCaseDocument")).contains("class=\"govuk-file-upload\"").contains("type=\"file\"")
				.contains("accept=\".pdf,.docx\"");
	}

	@Test
	void aTextAreaWithAMaximumLengthCountsItsCharacters() {
		String page = page(form, null);

		assertThat(page).contains("<div class=\"govuk-form-group govuk-character-count\" data-module=\"govuk-character-count\" data-maxlength=\"4000\">");
		assertThat(tag(page, "decisionReason")).contains("class=\"govuk-textarea govuk-js-character-count\"")
				.contains("aria-describedby=\"decisionReason-hint decisionReason-info\"");
		assertThat(page).contains("<div id=\"decisionReason-info\" class=\"govuk-hint govuk-character-count__message\">You can enter up to 4000 characters</div>");
	}

	@Test
	void aRefusedSubmissionShowsTheErrorSummaryLinkedToEachFieldAndKeepsTheAnswers() {
		FormSubmission submission = form.validate(with(validAnswers(), "programmeName", "ab", "staffCount", "ten",
				"targetTransferDate-day", "31", "targetTransferDate-month", "", "targetTransferDate-year", "2031",
				"nation", "", "decision", "sendBack", "decisionReason", "Costs <missing>\r\nsecond line",
				"healthCare", ""));

		String page = page(form, submission);

		assertThat(page).contains("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
				+ "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>");
		assertThat(links(page)).containsExactly(
				"#programmeName Programme name must be 3 characters or more",
				"#staffCount Staff count must be a number",
				"#healthCare &quot;This is a health care service&quot; can only be selected or left unselected",
				"#nation Select the nation",
				"#targetTransferDate-month Target transfer date must include a month");
		assertThat(page).contains("<div class=\"govuk-form-group govuk-form-group--error\"><label class=\"govuk-label govuk-label--s\" for=\"programmeName\">")
				.contains("<p class=\"govuk-error-message\" id=\"programmeName-error\"><span class=\"govuk-visually-hidden\">Error:</span> Programme name must be 3 characters or more</p>");
		assertThat(tag(page, "programmeName")).contains("value=\"ab\"").contains("govuk-input--error")
				.contains("aria-describedby=\"programmeName-hint programmeName-error\"");
		assertThat(tag(page, "staffCount")).contains("value=\"ten\"").contains("govuk-input--error");
		assertThat(tag(page, "targetTransferDate-day")).contains("value=\"31\"").doesNotContain("govuk-input--error");
		assertThat(tag(page, "targetTransferDate-month")).contains("govuk-input--error");
		assertThat(tag(page, "targetTransferDate-year")).contains("value=\"2031\"");
		assertThat(page).contains("<fieldset class=\"govuk-fieldset\" role=\"group\" aria-describedby=\"targetTransferDate-error\">");
		assertThat(page).contains("<fieldset class=\"govuk-fieldset\" aria-describedby=\"nation-hint nation-error\">");
		assertThat(tag(page, "reservedConditions")).contains("checked");
		assertThat(tag(page, "reservedConditions-2")).doesNotContain("checked");
		assertThat(tag(page, "reservedConditions-3")).contains("checked");
		assertThat(tag(page, "decision-2")).contains("value=\"sendBack\"").contains("checked");
		assertThat(page).contains("<option value=\"council\" selected=\"selected\">Council</option>");
		assertThat(page).contains(">Costs &lt;missing&gt;\nsecond line</textarea>".replace("\n", " "));
		assertThat(tag(page, "boardMinuted")).contains("checked");
	}

	@Test
	void theStoredVariablesFillTheFormAndReadOnlyFieldsAreASummaryList() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("businessCaseLink", "https://example.org/case");
		variables.put("awardRoute", "pcr-reserved");
		variables.put("approvedOn", london("2030-03-01"));
		variables.put("programmeName", "Riverside Libraries");
		variables.put("staffCount", 240L);
		variables.put("staffShare", 12.5);
		variables.put("healthCare", true);
		variables.put("reservedConditions", "public-service-mission,employee-ownership");
		variables.put("nation", "scotland");
		variables.put("targetTransferDate", london("2031-07-01"));
		variables.put("decisionReason", null);

		String page = page(form.withVariables(variables), null);

		assertThat(page).contains("<dl class=\"govuk-summary-list\"><div class=\"govuk-summary-list__row\">"
				+ "<dt class=\"govuk-summary-list__key\">Business case</dt><dd class=\"govuk-summary-list__value\">"
				+ "<a class=\"govuk-link\" href=\"https://example.org/case\" rel=\"noreferrer\">https://example.org/case</a>");
		assertThat(page).contains("<dt class=\"govuk-summary-list__key\">Award route</dt><dd class=\"govuk-summary-list__value\">PCR reserved contract</dd>")
				.contains("<dt class=\"govuk-summary-list__key\">Date approved</dt><dd class=\"govuk-summary-list__value\">1 March 2030</dd>");
		assertThat(page).doesNotContain("name=\"businessCaseLink\"").doesNotContain("name=\"awardRoute\"")
				.doesNotContain("approvedOn-day");
		assertThat(tag(page, "programmeName")).contains("value=\"Riverside Libraries\"");
		assertThat(tag(page, "staffCount")).contains("value=\"240\"");
		assertThat(tag(page, "staffShare")).contains("value=\"12.5\"");
		assertThat(tag(page, "healthCare")).contains("checked");
		assertThat(tag(page, "reservedConditions")).contains("checked");
		assertThat(tag(page, "reservedConditions-2")).doesNotContain("checked");
		assertThat(tag(page, "nation-2")).contains("checked");
		assertThat(tag(page, "targetTransferDate-day")).contains("value=\"1\"");
		assertThat(tag(page, "targetTransferDate-month")).contains("value=\"7\"");
		assertThat(tag(page, "targetTransferDate-year")).contains("value=\"2031\"");
	}

	@Test
	void aReadOnlyFieldWithoutAValueSaysSo() {
		String page = page(form, null);

		assertThat(page).contains("<dt class=\"govuk-summary-list__key\">Business case</dt><dd class=\"govuk-summary-list__value\">Not given</dd>");
	}

	@Test
	void textsAreHeadingsAndParagraphsWithTheirPlaceholdersFilledAndNothingUnescaped() {
		Map<String, Object> variables = Map.of("termWithinLimit", false, "contractTermYears", 7L,
				"awardRoute", "pcr-reserved", "programmeName", "<script>alert(1)</script>");

		String page = page(form.withVariables(variables), null);

		assertThat(page).contains("<h2 class=\"govuk-heading-l\">Start a spin-out programme</h2>"
				+ "<p class=\"govuk-body\">Tell us about the service, &lt;b&gt;plainly&lt;/b&gt;.</p>"
				+ "<h2 class=\"govuk-heading-m\">What happens next</h2>"
				+ "<ul class=\"govuk-list govuk-list--bullet\"><li>The <strong>sponsors</strong> review it</li><li>The board decides</li></ul>");
		assertThat(page).contains("<p class=\"govuk-body\"><strong>The term of 7 years is too long</strong> for PCR reserved contract.</p>");
		assertThat(page).doesNotContain("<script").doesNotContain("<b>").doesNotContain("style=")
				.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
	}

	@Test
	void aFieldHiddenByStoredVariablesIsLeftOutButOneHiddenByAnAnswerStaysForPagesWithoutScript() {
		FormSchema schema = FormSchema.parse("""
				{"id": "conditions", "components": [
				  {"type": "text", "text": "Shown only when the term is too long", "conditional": {"hide": "=termWithinLimit != false"}},
				  {"type": "radio", "key": "decision", "label": "Decision",
				   "values": [{"value": "approve", "label": "Approve"}, {"value": "sendBack", "label": "Send back"}]},
				  {"type": "textarea", "key": "reasons", "label": "Reasons", "conditional": {"hide": "=decision != \\"sendBack\\""}}
				]}""");

		String withinLimit = page(schema.withVariables(Map.of("termWithinLimit", true)), null);
		String tooLong = page(schema.withVariables(Map.of("termWithinLimit", false)), null);

		assertThat(withinLimit).doesNotContain("Shown only when").contains("name=\"reasons\"");
		assertThat(tooLong).contains("Shown only when").contains("name=\"reasons\"");
	}

	@Test
	void aFormWithoutFieldsShowsNothing() {
		String page = page(FormSchema.empty(), null);

		assertThat(page).doesNotContain("govuk-form-group").contains("<form method=\"post\" novalidate><button");
	}

	@Test
	void anOptionalSingleFieldHasNoHintOrErrorIds() {
		FormSchema schema = formOf("""
				{"type": "textarea", "key": "notes", "label": "Notes"}""");

		String page = page(schema, null);

		assertThat(tag(page, "notes")).isEqualTo("<textarea class=\"govuk-textarea\" rows=\"5\" id=\"notes\" name=\"notes\">");
		assertThat(page).doesNotContain("govuk-character-count");
	}

	/** The start tag of the element with this id. */
	private static String tag(String page, String id) {
		Matcher matcher = Pattern.compile("<(input|textarea|select|div)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
				.matcher(page);
		assertThat(matcher.find()).as("an element with id %s", id).isTrue();
		return matcher.group();
	}

	/** The error summary's links, as "href text". */
	private static List<String> links(String page) {
		String summary = page.substring(page.indexOf("govuk-error-summary__list"), page.indexOf("</ul>",
				page.indexOf("govuk-error-summary__list")));
		Matcher link = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>").matcher(summary);
		List<String> found = new ArrayList<>();
		while (link.find()) {
			found.add(link.group(1) + " " + link.group(2));
		}
		return found;
	}

	private static Date london(String day) {
		return Date.from(ZonedDateTime.parse(day + "T00:00:00" + (day.compareTo("2030-03-31") > 0 ? "+01:00" : "Z")
				+ "[Europe/London]").toInstant());
	}
}
