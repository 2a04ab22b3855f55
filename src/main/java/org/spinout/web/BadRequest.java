package org.spinout.web;

/** A request a person or client sent that Spinout cannot act on; the message says why. */
public class BadRequest extends RuntimeException {

	public BadRequest(String message) {
		super(message);
	}
}
