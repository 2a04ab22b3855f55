package org.spinout.document;

import org.springframework.http.HttpStatus;

/** An upload Spinout will not store, with what to tell the person and the status to answer with. */
class RefusedDocument extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	RefusedDocument(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}
}
