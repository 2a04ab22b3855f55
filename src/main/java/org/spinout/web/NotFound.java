package org.spinout.web;

/** Nothing to show here, or nothing this user may know exists. */
public class NotFound extends RuntimeException {

	public NotFound() {
		super("Not found");
	}
}
