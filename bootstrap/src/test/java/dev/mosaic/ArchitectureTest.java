package dev.mosaic;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's fences, in ArchUnit's own rules. Production classes only: the application's
 * fakes and contract tests reach bootstrap's tests as a test-jar and are left out too.
 */
@AnalyzeClasses(packages = "dev.mosaic",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    private static final String BOOTSTRAP = "dev.mosaic.bootstrap..";

    /**
     * Layers are optional because the onion always has a domain-services layer, which Mosaic
     * keeps inside the domain model, and because adapters land one by one. Bootstrap is the
     * composition root: it may know every part.
     */
    @ArchTest
    static final ArchRule dependenciesPointInwards = onionArchitecture()
            .domainModels("dev.mosaic.domain..")
            .applicationServices("dev.mosaic.application..")
            .adapter("http", "dev.mosaic.adapters.http..")
            .adapter("storage", "dev.mosaic.adapters.storage..")
            .adapter("persistence", "dev.mosaic.adapters.persistence..")
            .adapter("notify", "dev.mosaic.adapters.notify..")
            .adapter("media", "dev.mosaic.adapters.media..")
            .ignoreDependency(resideInAPackage(BOOTSTRAP), alwaysTrue())
            .ensureAllClassesAreContainedInArchitectureIgnoring(BOOTSTRAP)
            .withOptionalLayers(true);

    @ArchTest
    static final ArchRule theDomainUsesNothingButTheJdk = classes()
            .that().resideInAPackage("dev.mosaic.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.mosaic.domain..", "java..");

    @ArchTest
    static final ArchRule theApplicationUsesNothingButTheDomainAndTheJdk = classes()
            .that().resideInAPackage("dev.mosaic.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.mosaic.application..", "dev.mosaic.domain..", "java..");

    /**
     * Threads belong to the composition root, which starts and stops them: the use cases are handed timers.
     * A use case may wait on the thread it was called on (a completion waiting for another's claim).
     */
    @ArchTest
    static final ArchRule theApplicationStartsNoThreads = noClasses()
            .that().resideInAPackage("dev.mosaic.application..")
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callMethod(Thread.class, "start")
            .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ThreadFactory.class);

    /** The database keeps facts: views (and the URLs signed in them) are rendered on the way out. */
    @ArchTest
    static final ArchRule persistenceKeepsFactsNotViews = noClasses()
            .that().resideInAPackage("dev.mosaic.adapters.persistence..")
            .should().dependOnClassesThat().resideInAPackage("dev.mosaic.application.view..");

    /** Only bootstrap's {@code Config} reads the environment. */
    @ArchTest
    static final ArchRule onlyTheConfigurationReadsTheEnvironment = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.mosaic.bootstrap.Config")
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class);

    @ArchTest
    static final ArchRule noAdapterDependsOnAnotherAdapter = slices()
            .matching("dev.mosaic.adapters.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule nothingDependsOnTheBootstrap = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP);

    @ArchTest
    static final ArchRule theModulesAreFreeOfCycles = slices()
            .matching("dev.mosaic.(*)..")
            .should().beFreeOfCycles();

    @Test
    void aRuleThatSelectsNoClassesFails() {
        assertThat(ArchConfiguration.get().getPropertyOrDefault("archRule.failOnEmptyShould", "true"))
                .isEqualToIgnoringCase("true");
    }

    /** Maven puts a test-jar such as {@code application-…-tests.jar} on the classpath as a jar. */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }
}
