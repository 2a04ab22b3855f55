package org.spinout.journey;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The models a process or decision test class deploys, once for the whole class, on the engine of
 * its {@link JourneyTestEngine} extension. Camunda's own {@code @Deployment} deploys and removes
 * them around every test: 12 per cent of the test thread's time in the fast test set.
 *
 * <p>Tests still never see each other's data: after each test, every process instance is removed
 * with its history (and so are decisions evaluated on their own), and the test fails if any engine
 * table then holds more or fewer rows than just after the deployment. After the class, the
 * deployment is removed and the engine's tables must be empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClassDeploymentExtension.class)
public @interface ClassDeployment {

	/** Class path resources: models, decision tables and forms. */
	String[] resources();
}
