package org.spinout.deadline;

import java.util.Arrays;

/** The UK nations whose bank holidays differ, with the form value a programme stores in {@code nation}. */
public enum Nation {

	ENGLAND_WALES("england-wales", "eng"),
	SCOTLAND("scotland", "sct"),
	NORTHERN_IRELAND("northern-ireland", "nir");

	private final String value;
	private final String subdivision;

	Nation(String value, String subdivision) {
		this.value = value;
		this.subdivision = subdivision;
	}

	/** The value used in forms and process variables, e.g. {@code england-wales}. */
	public String value() {
		return value;
	}

	/** The jollyday subdivision of the GB calendar holding this nation's bank holidays. */
	String subdivision() {
		return subdivision;
	}

	/**
	 * The nation for a form value. A programme without a nation yet counts as England and Wales,
	 * where most spin-outs are, rather than failing a due date in the middle of a process.
	 */
	public static Nation of(String value) {
		if (value == null || value.isBlank()) {
			return ENGLAND_WALES;
		}
		return Arrays.stream(values())
				.filter(nation -> nation.value.equals(value))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown nation '" + value
						+ "': expected england-wales, scotland or northern-ireland"));
	}
}
