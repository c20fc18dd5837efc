package com.incidents.severity.audit.changes;

import com.incidents.severity.support.EmbeddedPostgresResource;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The change history on a real PostgreSQL server. */
@QuarkusTest
@TestProfile(PostgresPolicyChangeTest.Postgres.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = true)
class PostgresPolicyChangeTest extends PolicyChangeContract {

    public static class Postgres extends UnwatchedFixtureCopy {
    }
}
