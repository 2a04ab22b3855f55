package org.spinout.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spinout.form.FormFixtures.fixture;
import static org.spinout.form.FormFixtures.formOf;
import static org.spinout.form.FormFixtures.parameters;
import static org.spinout.form.FormFixtures.validAnswers;
import static org.spinout.form.FormFixtures.with;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers are checked on the server against the form's own rules, whatever the browser sent. */
class FormValidationTest {

	private final FormSchema form = fixture("every-component");

	@Test
	void aCompleteAnswerIsValidAndTypedForTheEngine() {
		FormSubmission submission = form.validate(validAnswers());

		assertThat(submission.errors()).isEmpty();
		assertThat(submission.isValid()).isTrue();
		assertThat(submission.values())
				.containsEntry("programmeName", "Riverside Libraries spin-out")
				.containsEntry("parentBodyCode", "E06000014")
				.containsEntry("staffCount", 240L)
				.containsEntry("staffShare", 75.5)
				.containsEntry("healthCare", true)
				.containsEntry("boardMinuted", true)
				.containsEntry("reservedConditions", "public-service-mission,employee-ownership")
				.containsEntry("nation", "england-wales")
				.containsEntry("parentBodyType", "council")
				.containsEntry("targetTransferDate",
						Date.from(ZonedDateTime.parse("2031-07-01T00:00+01:00[Europe/London]").toInstant()))
				.containsEntry("decision", "approve");
		assertThat(submission.values().get("staffCount")).isInstanceOf(Long.class);
		assertThat(submission.values().get("staffShare")).isInstanceOf(Double.class);
	}

	@Test
	void theValuesComeInFormOrderAndAnEmptyOptionalFieldClearsItsVariable() {
		FormSubmission submission = form.validate(with(validAnswers(), "parentBodyCode", "  "));

		assertThat(submission.values()).containsKeys("programmeName", "parentBodyCode", "staffCount");
		assertThat(submission.values().keySet()).startsWith("programmeName", "parentBodyCode", "staffCount");
		assertThat(submission.values()).containsEntry("parentBodyCode", null);
	}

	@ParameterizedTest(name = "programme name \"{0}\": {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''     | Enter the programme name
			'   '  | Enter the programme name
			ab     | Programme name must be 3 characters or more
			""")
	void aRequiredTextWithAMinimumLengthRefusesTooLittle(String entered, String message) {
		FormSubmission refused = form.validate(with(validAnswers(), "programmeName", entered));
		FormSubmission accepted = form.validate(with(validAnswers(), "programmeName", "abc"));

		assertThat(refused.errors()).containsOnlyKeys("programmeName");
		assertThat(refused.errors().get("programmeName").message()).isEqualTo(message);
		assertThat(accepted.values()).containsEntry("programmeName", "abc");
	}

	@Test
	void aTextOverItsMaximumLengthIsRefused() {
		FormSubmission refused = form.validate(with(validAnswers(), "programmeName", "x".repeat(121)));
		FormSubmission accepted = form.validate(with(validAnswers(), "programmeName", "x".repeat(120)));

		assertThat(refused.errors().get("programmeName").message())
				.isEqualTo("Programme name must be 120 characters or fewer");
		assertThat(accepted.isValid()).isTrue();
	}

	@Test
	void aTextMustMatchItsPattern() {
		FormSubmission refused = form.validate(with(validAnswers(), "parentBodyCode", "e06"));
		FormSubmission accepted = form.validate(with(validAnswers(), "parentBodyCode", "RX1"));

		assertThat(refused.errors().get("parentBodyCode").message())
				.isEqualTo("Enter the parent body code in the correct format");
		assertThat(accepted.values()).containsEntry("parentBodyCode", "RX1");
	}

	@ParameterizedTest(name = "staff count \"{0}\": {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''       | Enter the staff count
			ten      | Staff count must be a number
			12e3     | Staff count must be a number
			2.5      | Staff count must be a whole number
			0        | Staff count must be between 1 and 100,000
			100001   | Staff count must be between 1 and 100,000
			""")
	void aNumberOutsideItsRulesIsRefused(String entered, String message) {
		FormSubmission refused = form.validate(with(validAnswers(), "staffCount", entered));

		assertThat(refused.errors()).containsOnlyKeys("staffCount");
		assertThat(refused.errors().get("staffCount").message()).isEqualTo(message);
	}

	@ParameterizedTest(name = "staff count \"{0}\" is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			1         | 1
			100,000   | 100000
			' 2 400 ' | 2400
			7.0       | 7
			""")
	void aWholeNumberWithinItsRangeIsALong(String entered, long stored) {
		FormSubmission accepted = form.validate(with(validAnswers(), "staffCount", entered));

		assertThat(accepted.values()).containsEntry("staffCount", stored);
	}

	@Test
	void aNumberWithDecimalsAllowedKeepsToItsDecimalPlacesAndIsADouble() {
		FormSubmission refused = form.validate(with(validAnswers(), "staffShare", "12.55"));
		FormSubmission accepted = form.validate(with(validAnswers(), "staffShare", "12.5"));

		assertThat(refused.errors().get("staffShare").message())
				.isEqualTo("Share of control held by staff (%) must have no more than 1 decimal place");
		assertThat(accepted.values()).containsEntry("staffShare", 12.5);
	}

	@Test
	void aNumberWithOnlyAMinimumOrOnlyAMaximumSaysSo() {
		FormSchema atLeast = formOf("""
				{"type": "number", "key": "meetings", "label": "Meetings held", "validate": {"min": 1}}""");
		FormSchema atMost = formOf("""
				{"type": "number", "key": "meetings", "label": "Meetings held", "validate": {"max": 2.5}}""");

		assertThat(atLeast.validate(parameters("meetings", "0")).errors().get("meetings").message())
				.isEqualTo("Meetings held must be 1 or more");
		assertThat(atMost.validate(parameters("meetings", "3")).errors().get("meetings").message())
				.isEqualTo("Meetings held must be 2.5 or less");
		assertThat(atLeast.validate(parameters("meetings", "1.75")).values()).containsEntry("meetings", 1.75);
	}

	@ParameterizedTest(name = "{0}/{1}/{2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			31 | 2  | 2031 | Target transfer date must be a real date             | targetTransferDate-day
			0  | 7  | 2031 | Target transfer date must be a real date             | targetTransferDate-day
			1  | 13 | 2031 | Target transfer date must be a real date             | targetTransferDate-day
			1  | x  | 2031 | Target transfer date must be a real date             | targetTransferDate-day
			1  | 7  | 31   | Target transfer date must include a year with 4 numbers | targetTransferDate-year
			1  | '' | 2031 | Target transfer date must include a month            | targetTransferDate-month
			'' | '' | 2031 | Target transfer date must include a day and month    | targetTransferDate-day
			'' | '' | ''   | Enter the target transfer date                       | targetTransferDate-day
			31 | 5  | 2030 | Target transfer date must be today or in the future  | targetTransferDate-day
			""")
	void aDateMustBeARealDayInTheFuture(String day, String month, String year, String message, String linkedInput) {
		FormSubmission refused = form.validate(with(validAnswers(), "targetTransferDate-day", day,
				"targetTransferDate-month", month, "targetTransferDate-year", year));

		assertThat(refused.errors()).containsOnlyKeys("targetTransferDate");
		assertThat(refused.errors().get("targetTransferDate").message()).isEqualTo(message);
		assertThat(refused.errors().get("targetTransferDate").inputId()).isEqualTo(linkedInput);
	}

	@Test
	void aDateMissingOnlyItsMonthMarksOnlyTheMonth() {
		FormSubmission refused = form.validate(with(validAnswers(), "targetTransferDate-month", ""));

		assertThat(refused.errors().get("targetTransferDate").inputIds()).containsExactly("targetTransferDate-month");
	}

	@Test
	void aRealDateFromTodayOnIsMidnightInLondon() {
		FormSubmission today = form.validate(with(validAnswers(), "targetTransferDate-day", "01",
				"targetTransferDate-month", "06", "targetTransferDate-year", "2030"));
		FormSubmission leapDay = form.validate(with(validAnswers(), "targetTransferDate-day", "29",
				"targetTransferDate-month", "2", "targetTransferDate-year", "2032"));

		assertThat(today.values()).containsEntry("targetTransferDate",
				Date.from(ZonedDateTime.parse("2030-06-01T00:00+01:00[Europe/London]").toInstant()));
		assertThat(leapDay.values()).containsEntry("targetTransferDate",
				Date.from(ZonedDateTime.parse("2032-02-29T00:00Z[Europe/London]").toInstant()));
	}

	@Test
	void requiredChoicesAskForAnAnswer() {
		FormSubmission refused = form.validate(with(validAnswers(), "nation", "", "parentBodyType", "",
				"decision", ""));
		Map<String, String[]> noChecklist = validAnswers();
		noChecklist.remove("reservedConditions");
		noChecklist.remove("boardMinuted");

		assertThat(refused.errors().get("nation").message()).isEqualTo("Select the nation");
		assertThat(refused.errors().get("parentBodyType").message()).isEqualTo("Select the type of parent body");
		assertThat(refused.errors().get("decision").message())
				.isEqualTo("Select an answer to \"Do you approve the business case?\"");
		assertThat(form.validate(noChecklist).errors())
				.containsOnlyKeys("boardMinuted", "reservedConditions")
				.hasEntrySatisfying("boardMinuted",
						error -> assertThat(error.message()).isEqualTo("Confirm that the board minuted the adoption"))
				.hasEntrySatisfying("reservedConditions", error -> assertThat(error.message())
						.isEqualTo("Select the conditions the new organisation meets"));
	}

	@Test
	void anOptionThatIsNotInTheFormIsRefused() {
		FormSubmission radio = form.validate(with(validAnswers(), "nation", "wales"));
		FormSubmission select = form.validate(with(validAnswers(), "parentBodyType", "company"));
		FormSubmission checklist = form.validate(with(validAnswers(), "reservedConditions", "employee-ownership",
				"reservedConditions", "anything-goes"));
		FormSubmission checkbox = form.validate(with(validAnswers(), "healthCare", "yes"));

		assertThat(radio.errors().get("nation").message()).isEqualTo("Choose the nation from the options shown");
		assertThat(select.errors()).containsOnlyKeys("parentBodyType");
		assertThat(checklist.errors()).containsOnlyKeys("reservedConditions");
		assertThat(checkbox.errors()).containsOnlyKeys("healthCare");
	}

	@Test
	void aCheckboxLeftUntickedIsFalse() {
		Map<String, String[]> answers = validAnswers();
		answers.remove("healthCare");

		assertThat(form.validate(answers).values()).containsEntry("healthCare", false);
	}

	@Test
	void aChecklistIsStoredInTheOrderOfItsOptionsOnce() {
		FormSubmission submission = form.validate(with(validAnswers(), "reservedConditions", "employee-ownership",
				"reservedConditions", "profits-reinvested", "reservedConditions", "employee-ownership"));

		assertThat(submission.values()).containsEntry("reservedConditions", "profits-reinvested,employee-ownership");
	}

	@Test
	void parametersTheFormDoesNotKnowAreIgnored() {
		FormSubmission submission = form.validate(with(validAnswers(), "_csrf", "token", "processInstanceId", "42",
				"assignee", "admin"));

		assertThat(submission.isValid()).isTrue();
		assertThat(submission.values()).doesNotContainKeys("_csrf", "processInstanceId", "assignee");
	}

	@Test
	void readOnlyFieldsAreNeverTakenFromTheRequest() {
		FormSchema stored = form.withVariables(Map.of("businessCaseLink", "https://example.org/case",
				"awardRoute", "pcr-reserved"));

		FormSubmission submission = stored.validate(with(validAnswers(), "businessCaseLink", "https://evil.example",
				"awardRoute", "teckal", "approvedOn-day", "1", "approvedOn-month", "1", "approvedOn-year", "2000"));

		assertThat(submission.isValid()).isTrue();
		assertThat(submission.values()).doesNotContainKeys("businessCaseLink", "awardRoute", "approvedOn");
	}

	@Test
	void aFieldReadOnlyByAnExpressionIsDecidedByTheStoredVariablesOnly() {
		FormSchema schema = formOf("""
				{"type": "textfield", "key": "chair", "label": "Chair", "readonly": "=boardAppointed = true"}""");

		FormSubmission locked = schema.withVariables(Map.of("boardAppointed", true))
				.validate(parameters("chair", "Someone else", "boardAppointed", "false"));
		FormSubmission open = schema.withVariables(Map.of("boardAppointed", false))
				.validate(parameters("chair", "Ann Lee"));

		assertThat(locked.values()).isEmpty();
		assertThat(open.values()).containsEntry("chair", "Ann Lee");
	}

	@Test
	void aFieldHiddenByTheAnswersIsNeitherCheckedNorStored() {
		FormSubmission approved = form.validate(with(validAnswers(), "decision", "approve", "decisionReason", ""));
		FormSubmission sentBackWithoutReason = form.validate(with(validAnswers(), "decision", "sendBack",
				"decisionReason", ""));
		FormSubmission sentBack = form.validate(with(validAnswers(), "decision", "sendBack",
				"decisionReason", "The costs are missing.\r\nPlease add them."));

		assertThat(approved.isValid()).isTrue();
		assertThat(approved.values()).doesNotContainKey("decisionReason");
		assertThat(sentBackWithoutReason.errors().get("decisionReason").message()).isEqualTo("Enter the reasons");
		assertThat(sentBack.values()).containsEntry("decisionReason", "The costs are missing.\nPlease add them.");
	}

	@Test
	void aRequiredFileMustBeUploadedAndIsNotAVariable() {
		FormSchema schema = formOf("""
				{"type": "filepicker", "key": "signedContract", "label": "Signed contract", "validate": {"required": true}}""");

		FormSubmission missing = schema.validate(parameters("signedContract", "contract.pdf"));
		FormSubmission uploaded = schema.validate(parameters(), Set.of("signedContract"));

		assertThat(missing.errors().get("signedContract").message()).isEqualTo("Select the signed contract");
		assertThat(uploaded.isValid()).isTrue();
		assertThat(uploaded.values()).isEmpty();
		assertThat(schema.hasFileUpload()).isTrue();
	}

	@Test
	void errorsComeInFormOrderAndNoValuesLeaveAnInvalidSubmission() {
		FormSubmission submission = form.validate(parameters("decision", "sendBack"));

		assertThat(submission.isValid()).isFalse();
		assertThat(submission.errors().keySet()).containsExactly("programmeName", "staffCount", "boardMinuted",
				"reservedConditions", "nation", "parentBodyType", "targetTransferDate", "decisionReason");
		assertThatThrownBy(submission::values).isInstanceOf(IllegalStateException.class);
	}
}
