package com.incidents.severity.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.incidents.severity.audit.store.ChainWriter;
import com.incidents.severity.audit.store.SecondWriter;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.support.AuditDb;
import com.incidents.severity.support.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The same audit trail on a real PostgreSQL server, plus several writers sharing it. */
@QuarkusTest
@TestProfile(PostgresAuditTrailTest.Postgres.class)
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = true)
class PostgresAuditTrailTest extends AuditTrailContract {

    public static class Postgres implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            // Retention configured (pruning nothing on its own), so the checkpoint of the retention test is genuine.
            return java.util.Map.of("severity.audit.retention.days", "36500");
        }
    }

    @Inject
    ChainWriter writer;

    @Test
    void groupCommitsReachPostgresqlAsMultiRowInserts() throws Exception {
        try (var c = database.dataSource().getConnection()) {
            var pg = c.unwrap(org.postgresql.core.BaseConnection.class);
            assertTrue(pg.getQueryExecutor().isReWriteBatchedInsertsEnabled(),
                    "reWriteBatchedInserts is set for the postgresql datasource whatever its URL");
        }
    }

    @Test
    void twoWritersSharingOneDatabaseKeepOneUnbrokenChain() throws Exception {
        ChainWriter other = SecondWriter.on(database, json);
        PolicyFiles files = policies.current().policy().files();
        long before = Long.parseLong(AuditDb.string(database.dataSource(), "SELECT last_seq FROM audit_chain_head"));
        String caller = "writer-test-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            ChainWriter w = t % 2 == 0 ? writer : other;
            work.add(pool.submit(() -> {
                for (int batch = 0; batch < 50; batch++) {
                    w.append(List.of(entry(caller, files), entry(caller, files), entry(caller, files), entry(caller, files)));
                }
                return null;
            }));
        }
        for (int i = 0; i < 20; i++) { // and the service itself, through HTTP, at the same time
            decide(caller, "{\"partnerReports\":6}");
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        long after = Long.parseLong(AuditDb.string(database.dataSource(), "SELECT last_seq FROM audit_chain_head"));
        assertEquals(before + 820, after, "every record got its own position");
        assertEquals("820", AuditDb.string(database.dataSource(),
                "SELECT COUNT(*) FROM decision_record WHERE client_label = ? OR caller = ?", caller, caller));
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }
}
