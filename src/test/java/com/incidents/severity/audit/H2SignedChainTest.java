package com.incidents.severity.audit;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Signed heads and checkpoints on the embedded H2 database, in a database of its own, with retention configured. */
@QuarkusTest
@TestProfile(H2SignedChainTest.OwnDatabase.class)
class H2SignedChainTest extends SignedChainContract {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.audit.data-dir", "./target/h2-signed-" + System.nanoTime(),
                    "severity.audit.retention.days", "36500");
        }
    }
}
