package com.incidents.severity;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering issue 8 asks for, read from the service's compiled classes (not the tests'): the
 * {@code engine} package (with its subpackages) is the bottom layer and depends on no other package
 * of the service nor on HTTP, CDI, the framework or a database, and no packages depend on each other in a cycle, neither the feature packages
 * ({@code com.incidents.severity.X}) nor any two packages at all. A new cycle or an engine that
 * reaches up fails here with the classes that do it.
 */
class LayersTest {

    private static final String ROOT = "com.incidents.severity";
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(ROOT);

    @Test
    void theEngineDependsOnNoOtherPackageOfTheService() {
        classes().that().resideInAPackage(ROOT + ".engine..")
                .should().onlyDependOnClassesThat(not(resideInAPackage(ROOT + "..")).or(resideInAPackage(ROOT + ".engine..")))
                .check(SERVICE);
    }

    /** The engine knows nothing of HTTP, CDI, the framework or databases: it compiles and evaluates. */
    @Test
    void theEngineKnowsNothingOfHttpTheFrameworkOrTheAuditStore() {
        classes().that().resideInAPackage(ROOT + ".engine..").should().onlyDependOnClassesThat(
                not(resideInAnyPackage("jakarta..", "javax.ws..", "io.quarkus..", "io.vertx..", "io.smallrye..",
                        "org.jboss.resteasy..", "java.sql..", "javax.sql..", "io.agroal..", "org.eclipse.microprofile..")))
                .check(SERVICE);
    }

    /**
     * Constants are copied into the classes that use them, so the compiled classes do not show a
     * constant taken from another package: the engine's sources are read for it too.
     */
    @Test
    void theEnginesSourcesNameNoOtherPackageOfTheService() throws IOException {
        Pattern other = Pattern.compile("\\b" + Pattern.quote(ROOT) + "\\.(?!engine\\b)\\w+");
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/incidents/severity/engine"))) {
            found = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> other.matcher(l).find()).map(l -> f + ": " + l.strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theFeaturePackagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(SERVICE);
    }
}
