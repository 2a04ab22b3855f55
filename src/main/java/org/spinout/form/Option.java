package org.spinout.form;

/** One choice of a radio, select or checklist: the value stored and the label shown. */
public record Option(String value, String label) {
}
