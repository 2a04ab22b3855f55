package org.spinout.form;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The validation a form-js component declares under {@code validate}. Absent limits are null.
 * The pattern is searched for, not matched whole, as form-js does in the browser; the forms
 * anchor their patterns with ^ and $.
 */
public record Rules(boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
		Pattern pattern) {

	static final Rules NONE = new Rules(false, null, null, null, null, null);
}
