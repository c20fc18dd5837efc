package com.incidents.severity.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import com.incidents.severity.support.EmbeddedPostgresResource;

/** The same audit trail on a real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresAuditTrailTest.Postgres.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = true)
class PostgresAuditTrailTest extends AuditTrailContract {

    public static class Postgres implements QuarkusTestProfile {
    }
}
