package com.incidents.severity.audit;

import java.util.Map;

import com.incidents.severity.support.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Signed heads and checkpoints on a real PostgreSQL server, with retention configured. */
@QuarkusTest
@TestProfile(PostgresSignedChainTest.Postgres.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = true)
class PostgresSignedChainTest extends SignedChainContract {

    public static class Postgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.audit.retention.days", "36500");
        }
    }
}
