package org.spinout.demo;

/**
 * The journey cannot get where it was asked to: it ended first, it waits for something nobody can
 * do, or getting there would take the engine clock past its limit. The programme is left as it
 * was when this was found.
 */
public class JourneyNotReached extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	JourneyNotReached(String message) {
		super(message);
	}
}
