package org.spinout;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.spinout.sql.SqlStatementCounter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the demo users, an in-memory database and the
 * job executor off, and the SQL statements counted. Test classes with this annotation share one
 * application context, and no test may start another with the engine's default name: Camunda's
 * REST API and web applications find their engine by name in a JVM-wide registry, so a second
 * context would take them over. Tagged
 * {@code application}: the Maven profile {@code postgres} runs these tests again on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@Import(SqlStatementCounter.class)
@Tag("application")
public @interface SpinoutWebTest {
}
