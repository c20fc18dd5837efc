package com.incidents.severity.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.incidents.severity.audit.integrity.AuditSigningKey;
import com.incidents.severity.audit.model.Checkpoint;
import com.incidents.severity.audit.service.RetentionService;
import com.incidents.severity.audit.service.SignedHeads;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.support.AuditDb;
import com.incidents.severity.support.logs.ExpectedErrors;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Without retention configured, no checkpoint is genuine, even one signed with the service's own
 * key (here the test signs it, as a stolen key or an old configuration would); and heads are
 * exported by the schedule alone, every 200 ms here.
 */
@QuarkusTest
@TestProfile(UnconfiguredRetentionTest.FastHeads.class)
class UnconfiguredRetentionTest {

    public static class FastHeads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.audit.data-dir", "./target/no-retention-" + System.nanoTime(),
                    "severity.audit.heads.interval", "200ms");
        }
    }

    @Inject
    AuditDatabase database;

    @Inject
    AuditSigningKey key;

    @Inject
    SignedHeads heads;

    @Inject
    RetentionService retention;

    @Test
    void theScheduleExportsEachNewHead() throws Exception {
        AuditTrailContract.decide(UUID.randomUUID().toString(), "{\"partnerReports\":4}");
        long seq = heads.current().seq();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (heads.lastExported().map(h -> h.seq() < seq).orElse(true) && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling the file the schedule writes, up to the deadline
        }
        assertEquals(seq, heads.lastExported().orElseThrow().seq(), "the scheduled export wrote the new head");
    }

    @ExpectedErrors("records are deleted and a checkpoint put in their place on purpose")
    @Test
    void aCheckpointWhileRetentionWasNeverConfiguredIsAnIntegrityFailure() throws Exception {
        assertThrows(IllegalStateException.class, () -> retention.archiveBefore(Instant.now()),
                "the service prunes nothing while retention is not configured");
        String caller = UUID.randomUUID().toString();
        for (int i = 0; i < 12; i++) {
            AuditTrailContract.decide(caller, "{\"partnerReports\":" + (i + 3) + "}");
        }
        var ds = database.dataSource();
        String hash10 = AuditDb.string(ds, "SELECT hash FROM decision_record WHERE seq = 10");
        AuditDb.update(ds, "CREATE TABLE unconfigured_backup AS SELECT * FROM decision_record WHERE seq <= 10");
        try {
            AuditDb.update(ds, "DELETE FROM decision_record WHERE seq <= 10");
            Checkpoint cp = new Checkpoint(10, hash10, Instant.parse("2026-01-01T00:00:00Z"), "decisions-1-10.jsonl.gz",
                    null, null);
            AuditDb.update(ds, "INSERT INTO audit_checkpoint (id, seq, hash, pruned_at, archive, key_id, signature)"
                    + " VALUES (1, ?, ?, ?, ?, ?, ?)", cp.seq(), cp.hash(), Timestamp.from(cp.prunedAt()), cp.archive(),
                    key.keyId(), key.sign(cp.payload()));
            given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false))
                    .body("checkpointSeq", equalTo(10)).body("firstBadSeq", equalTo(1))
                    .body("problem", containsString("retention is not configured"));
        } finally {
            AuditDb.update(ds, "DELETE FROM audit_checkpoint");
            AuditDb.update(ds, "INSERT INTO decision_record SELECT * FROM unconfigured_backup");
            AuditDb.update(ds, "DROP TABLE unconfigured_backup");
        }
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }
}
