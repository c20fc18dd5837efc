package com.incidents.severity.audit.changes;

import java.util.HashMap;
import java.util.Map;

import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The change history on the embedded H2 database, in a database of its own. */
@QuarkusTest
@TestProfile(H2PolicyChangeTest.OwnDatabase.class)
class H2PolicyChangeTest extends PolicyChangeContract {

    public static class OwnDatabase extends UnwatchedFixtureCopy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("severity.audit.data-dir", "./target/h2-changes-" + System.nanoTime());
            return config;
        }
    }
}
