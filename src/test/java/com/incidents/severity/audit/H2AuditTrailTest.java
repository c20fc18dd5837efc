package com.incidents.severity.audit;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The audit trail on the embedded H2 file database (the default), in a database of its own. */
@QuarkusTest
@TestProfile(H2AuditTrailTest.OwnDatabase.class)
class H2AuditTrailTest extends AuditTrailContract {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Retention configured (pruning nothing on its own), so the checkpoint of the retention test is genuine.
            return Map.of("severity.audit.data-dir", "./target/h2-audit-" + System.nanoTime(),
                    "severity.audit.retention.days", "36500");
        }
    }
}
