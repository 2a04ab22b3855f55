package org.spinout.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The largest document a person may upload; Spring's multipart limits follow it (DocumentUploads). */
@ConfigurationProperties(prefix = "spinout.documents")
record DocumentProperties(@DefaultValue("20MB") DataSize maxSize) {
}
