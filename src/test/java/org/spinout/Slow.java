package org.spinout;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that takes more than a few seconds on its own: it drives a real Chromium, starts
 * Spinout of its own (in a JVM of its own, or in a Spring context other than the one the
 * application tests share), restarts or kills it, or grows the database to thousands of
 * programmes. Tagged {@code slow}, so that {@code mvn -Dfast test} leaves it out while
 * {@code mvn verify}, and so CI, runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
