package se.fyren;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the lines drawn in STYLE.md: feature packages without cycles, state
 * implementations named after their mechanism, no Lombok, and the root
 * package holding only the application.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("se.fyren");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("se.fyren.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void onlyRedisClassesTouchRedis() {
		noClasses().that()
			.haveSimpleNameNotStartingWith("Redis")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.lettuce..", "org.springframework.data.redis..")
			.allowEmptyShould(true)
			.check(this.classes);
	}

	@Test
	void onlyRateLimitingTouchesBucket4j() {
		noClasses().that()
			.resideOutsideOfPackage("se.fyren.ratelimit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.bucket4j..")
			.check(this.classes);
	}

	@Test
	void onlyTheServerRenderedPagesUseTheEncoder() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("se.fyren.system.ErrorPage")
			.and()
			.doNotHaveFullyQualifiedName("se.fyren.system.ErrorPage$1")
			.and()
			.doNotHaveFullyQualifiedName("se.fyren.handover.HandoverPrint")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.owasp.encoder..")
			.check(this.classes);
	}

	@Test
	void transportKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("se.fyren.transport..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("se.fyren.visitor..", "se.fyren.queue..", "se.fyren.conversation..",
					"se.fyren.counsellor..", "se.fyren.staff..", "se.fyren.security..")
			.check(this.classes);
	}

	@Test
	void rootPackageHoldsOnlyTheApplication() {
		classes().that()
			.resideInAPackage("se.fyren")
			.should()
			.haveSimpleName("FyrenApplication")
			.check(this.classes);
	}

	@Test
	void noImplOrManagerNames() {
		noClasses().should().haveSimpleNameEndingWith("Impl").orShould().haveSimpleNameEndingWith("Manager").check(this.classes);
	}

}
