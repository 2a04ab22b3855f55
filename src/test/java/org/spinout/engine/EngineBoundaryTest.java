package org.spinout.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the engine at arm's length: only {@code org.spinout.engine} (and its sub-packages) may use
 * the engine's implementation classes, move or read its clock through {@code ClockUtil}, or name
 * its tables. Everything else uses the engine's public API and the boundary's own small types, so
 * that a Camunda upgrade, or a move to a fork such as Operaton, is a change in one package.
 *
 * <p>The classes are imported as {@link org.spinout.ArchitectureTest} imports them, so that
 * ArchUnit reads them once for both.
 */
@AnalyzeClasses(packages = "org.spinout", importOptions = { ImportOption.DoNotIncludeTests.class,
		ImportOption.DoNotIncludeJars.class })
class EngineBoundaryTest {

	private static final String BOUNDARY = "org.spinout.engine..";

	/** An engine table by its name: ACT_ and a two-letter group (HI, RU, RE, GE, ID). */
	private static final Pattern ENGINE_TABLE = Pattern.compile("(?i)\\bACT_(HI|RU|RE|GE|ID)_");

	private static final Path MAIN_SOURCES = Path.of("src/main/java");

	private static final Path BOUNDARY_SOURCES = MAIN_SOURCES.resolve("org/spinout/engine");

	@ArchTest
	static final ArchRule only_the_boundary_uses_the_engines_implementation_classes = noClasses()
			.that().resideOutsideOfPackage(BOUNDARY)
			.should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
			.because("features use the engine's public API or a small type of org.spinout.engine; "
					+ "see docs/architecture.md, \"The engine boundary\"");

	@ArchTest
	static final ArchRule only_the_boundary_touches_the_engines_clock_directly = noClasses()
			.that().resideOutsideOfPackage(BOUNDARY)
			.should().dependOnClassesThat().areAssignableTo(ClockUtil.class)
			.because("the application asks the java.time.Clock bean (the engine's time) what time it is, "
					+ "and moves time through EngineClock");

	@Test
	void noMainSourceOutsideTheBoundaryNamesAnEngineTable() {
		assertThat(sourcesOutsideTheBoundary().stream().filter(source -> ENGINE_TABLE.matcher(read(source)).find()))
				.as("main sources outside %s naming an engine table (ACT_...): read history through the engine's "
						+ "query API or a named query of the boundary", BOUNDARY_SOURCES)
				.isEmpty();
	}

	@Test
	void theTableCheckRecognisesATableWrittenEitherWay() {
		// given SQL as the features wrote it, in either case
		// when and then: the pattern the check uses finds both, and no ordinary word
		assertThat(ENGINE_TABLE.matcher("SELECT ID_ FROM ACT_HI_PROCINST P").find()).isTrue();
		assertThat(ENGINE_TABLE.matcher("select id_ from act_ru_identitylink").find()).isTrue();
		assertThat(ENGINE_TABLE.matcher("IMPACT_HI_SCORE, EXACT_RU_N").find()).isFalse();
	}

	private static List<Path> sourcesOutsideTheBoundary() {
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			return files.filter(file -> file.toString().endsWith(".java") && !file.startsWith(BOUNDARY_SOURCES))
					.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path source) {
		try {
			return Files.readString(source);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
