package org.spinout.storage;

import java.util.regex.Pattern;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Spinout keeps its data in an embedded H2 database in files (the default), rather
 * than in memory (the tests) or on a database server (PostgreSQL): only then do Spinout's own
 * compaction and backups apply.
 */
class EmbeddedFileDatabase implements Condition {

	private static final Pattern H2_FILES = Pattern.compile("jdbc:h2:(?!mem:|tcp:|ssl:).+");

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isEmbeddedFiles(context.getEnvironment().getProperty("spring.datasource.url", ""));
	}

	static boolean isEmbeddedFiles(String url) {
		return H2_FILES.matcher(url).matches();
	}
}
