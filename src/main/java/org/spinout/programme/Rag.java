package org.spinout.programme;

import java.util.List;

/** A running programme's red, amber or green status, with the reasons that made it so. */
public record Rag(Colour colour, List<String> reasons) {

	public enum Colour {
		RED("Red", "govuk-tag--red"),
		AMBER("Amber", "govuk-tag--orange"),
		GREEN("Green", "govuk-tag--green");

		private final String label;

		private final String tagClass;

		Colour(String label, String tagClass) {
			this.label = label;
			this.tagClass = tagClass;
		}

		public String label() {
			return label;
		}

		public String tagClass() {
			return tagClass;
		}
	}
}
