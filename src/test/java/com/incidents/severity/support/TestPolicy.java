package com.incidents.severity.support;

import java.nio.file.Path;

import com.incidents.severity.engine.Facts;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.compile.PolicyCompiler;
import com.incidents.severity.policy.load.PolicyReader;

/** The policy in rules/, built once per test JVM for the tests that exercise the engine directly. */
public final class TestPolicy {

    private static PolicyEngine engine;

    private TestPolicy() {
    }

    public static synchronized PolicyEngine engine() {
        if (engine == null) {
            engine = new PolicyEngine(new PolicyCompiler().compile(PolicyReader.fromDirectory(Path.of("rules"))),
                    100_000, 200);
        }
        return engine;
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
