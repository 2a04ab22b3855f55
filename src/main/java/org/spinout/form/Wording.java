package org.spinout.form;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Error messages in the GOV.UK Design System's words ("Enter the programme name",
 * "Programme name must be 120 characters or fewer"), built from a field's label, since form-js
 * has no place for messages. A label that is a question is quoted whole instead.
 */
final class Wording {

	/** First words after which "the" would be wrong: "Enter how staff were engaged". */
	private static final Set<String> NO_ARTICLE = Set.of("the", "a", "an", "your", "our", "their", "its", "this",
			"these", "those", "any", "each", "every", "all", "some", "how", "what", "where", "when", "why", "who",
			"whom", "which", "whether", "if", "of");

	private final String label;

	private final boolean question;

	Wording(String label) {
		String name = label.strip().replaceFirst("(?i)\\s*\\(optional\\)$", "").replaceFirst("\\s*:$", "");
		this.label = name;
		this.question = name.endsWith("?");
	}

	String enter() {
		return question ? "Enter your answer to \"" + label + "\"" : "Enter " + theName();
	}

	String select() {
		return question ? "Select an answer to \"" + label + "\"" : "Select " + theName();
	}

	String confirm() {
		String first = label.split("\\s+")[0];
		return question || first.equals("I") || first.equalsIgnoreCase("we") ? select() : "Confirm that " + lower();
	}

	String onlyOptionsShown() {
		return question ? "Choose an answer to \"" + label + "\" from the options shown"
				: "Choose " + theName() + " from the options shown";
	}

	/** A checkbox sent with a value it does not have: only a hand-crafted request does that. */
	String selectedOrNot() {
		return "\"" + label + "\" can only be selected or left unselected";
	}

	String atLeast(int length) {
		return subject() + " must be " + length + " characters or more";
	}

	String atMost(int length) {
		return subject() + " must be " + length + " characters or fewer";
	}

	String inTheRightFormat() {
		return question ? "Enter your answer to \"" + label + "\" in the correct format"
				: "Enter " + theName() + " in the correct format";
	}

	String aNumber() {
		return subject() + " must be a number";
	}

	String aWholeNumber() {
		return subject() + " must be a whole number";
	}

	String decimalPlaces(int digits) {
		return subject() + " must have no more than " + digits + (digits == 1 ? " decimal place" : " decimal places");
	}

	String between(BigDecimal min, BigDecimal max) {
		if (min != null && max != null) {
			return subject() + " must be between " + number(min) + " and " + number(max);
		}
		return min != null ? subject() + " must be " + number(min) + " or more"
				: subject() + " must be " + number(max) + " or less";
	}

	String mustInclude(List<String> parts) {
		String listed = parts.size() == 1 ? parts.get(0) : parts.get(0) + " and " + parts.get(1);
		return subject() + " must include a " + listed;
	}

	String yearOfFourNumbers() {
		return subject() + " must include a year with 4 numbers";
	}

	String aRealDate() {
		return subject() + " must be a real date";
	}

	String todayOrLater() {
		return subject() + " must be today or in the future";
	}

	/** A number as GOV.UK writes it: 100,000 and 2.5. */
	static String number(BigDecimal number) {
		return new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.UK)).format(number);
	}

	private String subject() {
		return question ? "The answer to \"" + label + "\"" : label;
	}

	private String theName() {
		String first = label.split("\\s+")[0].toLowerCase(Locale.UK);
		return NO_ARTICLE.contains(first) ? lower() : "the " + lower();
	}

	/**
	 * The label inside a sentence: "Programme name" becomes "programme name", but an acronym
	 * ("CQC provider ID") or a name ("Provider Selection Regime process") keeps its capitals.
	 */
	private String lower() {
		String[] words = label.split("\\s+");
		boolean acronym = words[0].length() > 1 && Character.isUpperCase(words[0].charAt(1));
		boolean properName = words.length > 1 && !words[1].isEmpty() && Character.isUpperCase(words[1].charAt(0));
		if (acronym || properName || words[0].equals("I")) {
			return label;
		}
		return Character.toLowerCase(label.charAt(0)) + label.substring(1);
	}
}
