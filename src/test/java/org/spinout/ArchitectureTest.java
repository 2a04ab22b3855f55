package org.spinout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package map holds: the feature packages under {@code org.spinout} import each other one
 * way only, and nothing outside {@code org.spinout.demo} leans on the demo. What each package is
 * for and may import is in docs/architecture.md.
 */
@AnalyzeClasses(packages = "org.spinout", importOptions = { ImportOption.DoNotIncludeTests.class,
		ImportOption.DoNotIncludeJars.class })
class ArchitectureTest {

	/** A cycle makes two features one: neither can be changed, tested or understood alone. */
	@ArchTest
	static final ArchRule feature_packages_depend_on_each_other_one_way_only = slices()
			.matching("org.spinout.(*)..")
			.namingSlices("$1")
			.should().beFreeOfCycles();

	/** The demo fills the application with sample programmes; the application must run without it. */
	@ArchTest
	static final ArchRule only_demo_code_uses_the_demo = noClasses()
			.that().resideOutsideOfPackage("org.spinout.demo..")
			.should().dependOnClassesThat().resideInAPackage("org.spinout.demo..");

	/** The contract is what every package may share, so it may lean on none of them. */
	@ArchTest
	static final ArchRule the_journey_contract_imports_nothing_of_spinout = noClasses()
			.that().resideInAPackage("org.spinout.contract..")
			.should().dependOnClassesThat().resideOutsideOfPackages("org.spinout.contract..", "java..");
}
