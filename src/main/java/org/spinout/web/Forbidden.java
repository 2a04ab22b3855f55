package org.spinout.web;

/** The user is signed in but may not do this. */
public class Forbidden extends RuntimeException {

	public Forbidden() {
		super("Forbidden");
	}
}
