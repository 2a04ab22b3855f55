package org.spinout.deadline;

/**
 * One statutory or local period as configured under {@code spinout.clocks.<name>}. Mutable so that a
 * single property (say the length of the call-in window in a council's constitution) can be
 * overridden while the defaults in {@code clocks.properties} supply the rest.
 */
public class ClockPeriod {

	private String label;
	private long length;
	private ClockUnit unit = ClockUnit.CALENDAR_DAYS;
	private ClockDirection direction = ClockDirection.AFTER;
	private String anchor;
	private String source;
	private int warningWorkingDays = 2;

	/** A readable name, e.g. "PA 2023 standstill". */
	public String getLabel() {
		return label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public long getLength() {
		return length;
	}

	public void setLength(long length) {
		this.length = length;
	}

	public ClockUnit getUnit() {
		return unit;
	}

	public void setUnit(ClockUnit unit) {
		this.unit = unit;
	}

	public ClockDirection getDirection() {
		return direction;
	}

	public void setDirection(ClockDirection direction) {
		this.direction = direction;
	}

	/** What the clock is counted from, e.g. "contract award notice". */
	public String getAnchor() {
		return anchor;
	}

	public void setAnchor(String anchor) {
		this.anchor = anchor;
	}

	/** The legal or local source of the period, e.g. "PA 2023 s51". */
	public String getSource() {
		return source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	/** How many working days before the clock ends a warning is due. */
	public int getWarningWorkingDays() {
		return warningWorkingDays;
	}

	public void setWarningWorkingDays(int warningWorkingDays) {
		this.warningWorkingDays = warningWorkingDays;
	}
}
