package com.incidents.severity.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;

/**
 * The fixture policy the tests serve (src/test/resources/policies), never rules/. Which one is read
 * from {@code %test.severity.rules.dir} in application.properties, the one place that names it, so
 * the service under test and the tests that build, copy or edit a policy use the same folder.
 */
public final class Fixture {

    private static final String PROPERTY = "%test.severity.rules.dir";
    private static Path dir;
    private static PolicyEngine engine;

    private Fixture() {
    }

    /** The fixture folder, relative to the project folder as the service resolves it. */
    public static synchronized Path dir() {
        if (dir == null) {
            Properties properties = new Properties();
            try (InputStream in = Fixture.class.getResourceAsStream("/application.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String value = properties.getProperty(PROPERTY);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(PROPERTY + " is not set in application.properties");
            }
            dir = Path.of(value.strip());
        }
        return dir;
    }

    public static PolicyFiles files() {
        return PolicyReader.fromDirectory(dir());
    }

    /** The fixture built once per test JVM, for the tests that exercise the engine directly. */
    public static synchronized PolicyEngine engine() {
        if (engine == null) {
            engine = new PolicyEngine(new PolicyCompiler().compile(files()), 100_000);
        }
        return engine;
    }

    /** The fixture with one file's text edited, built (without the load-time checks) with this cache size. */
    public static PolicyEngine edited(String file, UnaryOperator<String> edit, long cacheEntries) {
        PolicyFiles original = files();
        Map<String, byte[]> edited = new TreeMap<>(original.files());
        String text = edit.apply(original.text(file));
        if (text.equals(original.text(file))) {
            throw new IllegalArgumentException("The edit changed nothing in " + file);
        }
        edited.put(file, text.getBytes(StandardCharsets.UTF_8));
        return new PolicyEngine(new PolicyCompiler().compile(PolicyFiles.of("test", edited)), cacheEntries);
    }

    /**
     * Puts the fixture back in force in the served folder {@code rules} (a copy of it that tests
     * edit), whatever an earlier test left, and checks the reload took it.
     */
    public static void putBackInForce(Path rules) {
        PolicyEdits.restore(rules, PolicyEdits.DMN);
        PolicyEdits.restore(rules, PolicyEdits.ESCALATION_CSV);
        io.restassured.RestAssured.given().post("/api/v1/policy/reload").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.is(true))
                .body("versionInForce", org.hamcrest.Matchers.equalTo(files().version()));
    }

    /** A fresh copy of the fixture in a temporary folder. */
    public static Path copy() {
        return PolicyCopy.of(dir());
    }

    /** A fresh copy of the fixture with one file edited. */
    public static Path copyWithEdit(String file, UnaryOperator<String> edit) {
        Path copy = copy();
        PolicyEdits.edit(copy, file, edit);
        return copy;
    }
}
