package org.spinout.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One statutory or local period as configured under {@code spinout.clocks.<name>}. Mutable so that a
 * single property (say the length of the call-in window in a council's constitution) can be
 * overridden while the defaults in {@code clocks.properties} supply the rest.
 *
 * <p>A period says from which date it applies ({@code from}) and may list later changes of the law
 * ({@code changes[0].from}, {@code .length}, {@code .unit}): a clock counts by the version in force on
 * the day of its anchor, so a programme whose notice went out before a change keeps the old period.
 */
public class ClockPeriod {

	private String label;
	private long length;
	private ClockUnit unit = ClockUnit.CALENDAR_DAYS;
	private ClockDirection direction = ClockDirection.AFTER;
	private String anchor;
	private String source;
	private int warningWorkingDays = 2;
	private List<String> variables = new ArrayList<>();
	private String chosenBy;
	private ClockKind kind = ClockKind.DEADLINE;
	private String metBy;
	private LocalDate from;
	private List<Change> changes = new ArrayList<>();

	/** A later version of the period: from that day on, this length and unit apply. */
	public static class Change {

		private LocalDate from;
		private long length;
		private ClockUnit unit;

		public LocalDate getFrom() {
			return from;
		}

		public void setFrom(LocalDate from) {
			this.from = from;
		}

		public long getLength() {
			return length;
		}

		public void setLength(long length) {
			this.length = length;
		}

		/** Null keeps the unit of the period it changes. */
		public ClockUnit getUnit() {
			return unit;
		}

		public void setUnit(ClockUnit unit) {
			this.unit = unit;
		}
	}

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

	/** The date variables the models count this clock from: a programme has one deadline per variable set. */
	public List<String> getVariables() {
		return variables;
	}

	public void setVariables(List<String> variables) {
		this.variables = variables == null ? new ArrayList<>() : variables;
	}

	/**
	 * Where the models choose the clock from a decision table (a standstill, a registrar's service
	 * standard): the variable whose value must name this clock for it to run. Null when it always runs.
	 */
	public String getChosenBy() {
		return chosenBy;
	}

	public void setChosenBy(String chosenBy) {
		this.chosenBy = chosenBy;
	}

	public ClockKind getKind() {
		return kind;
	}

	public void setKind(ClockKind kind) {
		this.kind = kind;
	}

	/** A variable that, once set, says the deadline was met; null when the models record no such thing. */
	public String getMetBy() {
		return metBy;
	}

	public void setMetBy(String metBy) {
		this.metBy = metBy;
	}

	/** The day from which the period applies; null when it has applied as long as the journey needs. */
	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	/** Later versions of the period, each from its own day. */
	public List<Change> getChanges() {
		return changes;
	}

	public void setChanges(List<Change> changes) {
		this.changes = changes == null ? new ArrayList<>() : changes;
	}
}
