package com.incidents.severity.draft;

import java.util.HashMap;
import java.util.Map;

import com.incidents.severity.support.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every drafts test on a real PostgreSQL server: the drafts' store (V7 and its SQL) is the replicas' shared one there. */
@QuarkusTest
@TestProfile(PostgresDraftsTest.OwnCopyOnPostgres.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = true)
class PostgresDraftsTest extends DraftsTest {

    public static class OwnCopyOnPostgres extends DraftsTest.OwnCopyAndDatabase {
        @Override
        public Map<String, String> getConfigOverrides() {
            return new HashMap<>(super.getConfigOverrides());
        }
    }
}
