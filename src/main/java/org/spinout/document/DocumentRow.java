package org.spinout.document;

import java.util.Date;

/** One document as the documents table shows it. */
public record DocumentRow(String id, String name, String uploadedBy, Date uploadedAt, String uploaded, String size,
		String downloadPath) {
}
