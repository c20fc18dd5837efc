package com.incidents.severity.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.incidents.severity.engine.Facts;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.load.PolicyReader;

/**
 * The fixture policy under src/test/resources/policies/baseline (a frozen copy of the policy that
 * editors never touch), built once per test JVM, and edited copies of it for engine tests.
 */
public final class TestPolicy {

    public static final Path BASELINE = Path.of("src/test/resources/policies/baseline");

    private static PolicyEngine engine;

    private TestPolicy() {
    }

    public static synchronized PolicyEngine engine() {
        if (engine == null) {
            engine = new PolicyEngine(new PolicyCompiler().compile(PolicyReader.fromDirectory(BASELINE)), 100_000);
        }
        return engine;
    }

    /** The baseline with one file's text edited, built with the given cache size. */
    public static PolicyEngine edited(String file, UnaryOperator<String> edit, long cacheEntries) {
        PolicyFiles original = PolicyReader.fromDirectory(BASELINE);
        Map<String, byte[]> files = new TreeMap<>(original.files());
        String edited = edit.apply(original.text(file));
        if (edited.equals(original.text(file))) {
            throw new IllegalArgumentException("The edit changed nothing in " + file);
        }
        files.put(file, edited.getBytes(StandardCharsets.UTF_8));
        return new PolicyEngine(new PolicyCompiler().compile(PolicyFiles.of("test", files)), cacheEntries);
    }

    /** Evaluates with the engine alone, so every table test exercises Drools, not the cache. */
    public static Outcome evaluate(Facts facts) {
        return engine().evaluateWithEngine(facts);
    }

    public static Facts impact(String level, Long users, Long apps) {
        return new Facts(level, users, apps, null, null, null, null, null);
    }

    public static Facts capability(String capability, String tier, String type, Long minutes) {
        return new Facts(null, null, null, capability, tier, type, minutes, null);
    }

    public static Facts reports(long reports) {
        return new Facts(null, null, null, null, null, null, null, reports);
    }
}
