package com.incidents.severity.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile serving a fresh copy of the fixture policy with the folder watcher off, so a test
 * reloads only when it asks to. Each test class extends it with a class of its own, and so gets its own copy.
 */
public abstract class UnwatchedFixtureCopy implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("severity.rules.dir", Fixture.copy().toString(), "severity.reload.watch", "false");
    }
}
