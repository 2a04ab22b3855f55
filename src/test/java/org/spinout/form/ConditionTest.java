package org.spinout.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The FEEL the journey's forms use in their conditions is evaluated as FEEL would. */
class ConditionTest {

	private final Map<String, Object> data = new HashMap<>(Map.of("awardRoute", "psr", "termWithinLimit", false,
			"contractTermYears", 7L, "share", 12.5));

	ConditionTest() {
		data.put("decisionReason", null);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			=awardRoute != "psr"                                         | false
			=awardRoute = "psr"                                          | true
			=awardRoute != "pcr-reserved" and awardRoute != "pa-reserved" | true
			=decisionReason = null                                       | true
			=decisionReason != "x"                                       | true
			=missing = null                                              | true
			=termWithinLimit != false                                    | false
			=termWithinLimit = false or awardRoute = "teckal"           | true
			=not(termWithinLimit)                                        | true
			=contractTermYears > 5                                       | true
			=contractTermYears <= 5                                      | false
			=contractTermYears = 7                                       | true
			=share >= 12.5 and (awardRoute = "psr" or false)             | true
			=missing > 5                                                 | false
			=termWithinLimit                                             | false
			""")
	void conditionsAreEvaluatedOnTheValues(String expression, boolean expected) {
		assertThat(Condition.parse(expression).isTrue(data)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "awardRoute = \"psr\"", "=count(items) > 2", "=a = ", "=a = \"b\" c", "=a + 1 > 2" })
	void anExpressionOutsideTheSupportedPartIsRefused(String expression) {
		assertThatThrownBy(() -> Condition.parse(expression)).isInstanceOf(IllegalArgumentException.class);
	}
}
