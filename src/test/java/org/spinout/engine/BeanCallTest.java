package org.spinout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading a model's expression as the engine's parser reads it, not by the look of its text. */
class BeanCallTest {

	@Test
	void aCallWithALiteralAndAVariableIsReadWithBoth() {
		// when
		BeanCall call = BeanCall.of("${workingDays.fromNow(10, nation)}").orElseThrow();

		// then
		assertThat(call.is("workingDays", "fromNow", 2)).isTrue();
		assertThat(call.arguments()).containsExactly(new BeanCall.Argument(null, 10L),
				new BeanCall.Argument("nation", null));
	}

	@Test
	void spacingAndQuotesTheEngineAcceptsAreReadTheSame() {
		// given the same call as a person might type it, with spaces and double quotes
		String typed = " ${ clocks.after( \"call-in-window\" ,reviewedOn,nation ) } ";

		// when
		BeanCall call = BeanCall.of(typed).orElseThrow();

		// then
		assertThat(call.is("clocks", "after", 3)).isTrue();
		assertThat(call.arguments()).containsExactly(new BeanCall.Argument(null, "call-in-window"),
				new BeanCall.Argument("reviewedOn", null), new BeanCall.Argument("nation", null));
	}

	@Test
	void anythingButOneCallOfABeanIsNoCall() {
		assertThat(BeanCall.of("${workingDays.fromNow(10, nation) }x")).isEmpty();
		assertThat(BeanCall.of("${dueDate}")).isEmpty();
		assertThat(BeanCall.of("${workingDays.fromNow(days + 1, nation)}")).isEmpty();
		assertThat(BeanCall.of("${workingDays.fromNow(10, nation)")).isEmpty();
		assertThat(BeanCall.of("P5D")).isEmpty();
		assertThat(BeanCall.of(null)).isEmpty();
	}
}
