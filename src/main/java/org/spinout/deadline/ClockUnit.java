package org.spinout.deadline;

import java.util.Arrays;

/** How a statutory clock counts its length; the values are those written in properties and DMN. */
public enum ClockUnit {

	CALENDAR_DAYS("calendar-days"),
	WORKING_DAYS("working-days"),
	WEEKS("weeks"),
	MONTHS("months");

	private final String value;

	ClockUnit(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	/** Accepts the written form ({@code working-days}) as DMN outputs and properties use it. */
	public static ClockUnit of(String value) {
		return Arrays.stream(values())
				.filter(unit -> unit.value.equals(value) || unit.name().equals(value))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown clock unit '" + value
						+ "': expected calendar-days, working-days, weeks or months"));
	}
}
