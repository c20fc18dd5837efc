package com.incidents.severity.policy.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.mvel2.sh.ShellSession;

import com.incidents.severity.engine.compile.PolicySafety;
import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.support.Fixture;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A declaration can never name a class that exists: Drools would take it as metadata of that
 * class and let the rules create one, whatever its constructor does ({@code org.mvel2.sh.ShellSession}
 * evaluates MVEL, {@code java.io.FileOutputStream} writes a file). Checked over real classes of the
 * JDK (java.lang, java.io, java.net, java.nio.file, java.util) and of MVEL and Drools, in each way a
 * DRL can reach one: declared by simple name in the class's own package, declared by full name in
 * the policy's package, or imported. New names in the policy's package stay allowed. jqwik reports
 * the seed of a failing run.
 */
class DeclaredClassesPropertyTest {

    private static final List<String> CLASSES = existingClasses();

    @Property(tries = 300)
    void aDeclarationOfAClassInItsOwnPackageIsRefused(@ForAll("existing") String className) {
        int dot = className.lastIndexOf('.');
        assertRefused("package " + className.substring(0, dot) + ";\n\ndeclare " + className.substring(dot + 1)
                + "\nend\n", className);
    }

    @Property(tries = 300)
    void aDeclarationOfAClassByItsFullNameIsRefused(@ForAll("existing") String className) {
        assertRefused("package severity;\n\ndeclare " + className + "\nend\n", className);
    }

    @Property(tries = 300)
    void anImportOfAClassIsRefused(@ForAll("existing") String className) {
        assertRefused("package severity;\n\nimport " + className + ";\n", className);
    }

    @Property(tries = 100)
    void aNewTypeOfThePolicysPackageIsAllowed(@ForAll("newNames") String name) {
        List<PolicyDiagnostic> refusals = PolicySafety.refusals(withExtraDrl(
                "package severity;\n\ndeclare " + name + "\n    label : String\nend\n"));
        assertEquals(List.of(), refusals, name);
    }

    @Provide
    Arbitrary<String> existing() {
        return Arbitraries.of(CLASSES);
    }

    @Provide
    Arbitrary<String> newNames() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .map(s -> "Policy" + Character.toUpperCase(s.charAt(0)) + s.substring(1))
                .filter(n -> !n.equals("Assessment") && !n.equals("SeverityComparison") && !n.equals("SeverityRank"));
    }

    private static void assertRefused(String drl, String className) {
        List<PolicyDiagnostic> refusals = PolicySafety.refusals(withExtraDrl(drl));
        assertFalse(refusals.isEmpty(), "a DRL reaching " + className + " was accepted:\n" + drl);
    }

    private static PolicyFiles withExtraDrl(String drl) {
        Map<String, byte[]> files = new TreeMap<>(Fixture.files().files());
        files.put("severity/extra.drl", drl.getBytes(StandardCharsets.UTF_8));
        return PolicyFiles.of("property", files);
    }

    /** Top-level classes of a few JDK packages and of the MVEL and Drools jars the service ships. */
    private static List<String> existingClasses() {
        List<String> names = new ArrayList<>();
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of())) {
            for (String pkg : List.of("java/lang", "java/io", "java/net", "java/nio/file", "java/util")) {
                try (Stream<Path> list = Files.list(jrt.getPath("modules", "java.base", pkg))) {
                    list.map(p -> pkg + "/" + p.getFileName()).forEach(n -> addClass(names, n));
                }
            }
            for (Class<?> inJar : List.of(ShellSession.class, org.drools.core.common.DefaultFactHandle.class)) {
                Path jar = Path.of(inJar.getProtectionDomain().getCodeSource().getLocation().toURI());
                try (JarFile file = new JarFile(jar.toFile())) {
                    file.stream().forEach(e -> addClass(names, e.getName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!names.contains("org.mvel2.sh.ShellSession") || !names.contains("java.io.FileOutputStream")) {
            throw new IllegalStateException("the class list misses the known gadgets: " + names.size());
        }
        return List.copyOf(names);
    }

    private static void addClass(List<String> names, String entry) {
        if (entry.endsWith(".class") && !entry.contains("$") && !entry.endsWith("module-info.class")
                && !entry.endsWith("package-info.class") && !entry.startsWith("META-INF")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
