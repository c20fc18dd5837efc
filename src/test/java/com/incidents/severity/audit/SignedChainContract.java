package com.incidents.severity.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.audit.integrity.AuditSigningKey;
import com.incidents.severity.audit.model.Checkpoint;
import com.incidents.severity.audit.model.SignedHead;
import com.incidents.severity.audit.service.RetentionService;
import com.incidents.severity.audit.service.SignedHeads;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.audit.store.ChainHash;
import com.incidents.severity.audit.store.ChainVerifier;
import com.incidents.severity.contract.ServedContract;
import com.incidents.severity.support.AuditDb;
import com.incidents.severity.support.logs.ExpectedErrors;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A chain that survives its database (issue 17, item 3): an attacker with write access to the
 * store (plain JDBC here) deletes records at either end or forges a retention checkpoint, and
 * verify, given the head exported earlier, says so; an honest chain with genuine retention passes.
 * Run against each database (subclasses), each with retention configured.
 */
public abstract class SignedChainContract {

    @Inject
    AuditDatabase database;

    @Inject
    RetentionService retention;

    @Inject
    SignedHeads heads;

    @Inject
    AuditSigningKey key;

    @Inject
    ChainVerifier verifier;

    @Inject
    ObjectMapper json;

    @Test
    void anHonestChainWithGenuineRetentionVerifiesAgainstItsExportedHeads() throws Exception {
        decideSome(5);
        Instant cutoff = Instant.now();
        decideSome(2);
        SignedHead before = exportNow();
        RetentionService.Archived archived = retention.archiveBefore(cutoff).orElseThrow();
        decideSome(1);
        SignedHead last = exportNow();
        assertEquals(last, json.readValue(lastLine(), SignedHead.class), "the head is the export file's last line");

        verifyAgainst(json.writeValueAsString(before)).body("valid", equalTo(true))
                .body("exportedHeadSeq", equalTo((int) before.seq()));
        verifyAgainst(lastLine()).body("valid", equalTo(true)).body("exportedHeadSeq", equalTo((int) last.seq()))
                .body("checkpointSeq", equalTo((int) archived.toSeq()));
        var report = ServedContract.fetch().check(Request.Method.GET, "/api/v1/audit/verify",
                given().get("/api/v1/audit/verify")).then().statusCode(200).extract().jsonPath();
        assertTrue(report.getBoolean("valid"), report.prettify());
        assertEquals(last.seq(), report.getLong("exportedHeadSeq"), "GET compares with the export file's last head");
        assertEquals(key.keyId(), report.getString("keyId"));

        // An outside party checks the exported line with the published key and the JDK alone.
        String pem = ServedContract.fetch().check(Request.Method.GET, "/api/v1/audit/key",
                given().get("/api/v1/audit/key")).then().statusCode(200).extract().path("publicKeyPem");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertEquals(key.keyId(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        ed.update(("severity-audit-head-v1|" + last.seq() + "|" + last.hash() + "|" + last.signedAt())
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(ed.verify(Base64.getDecoder().decode(last.signature())), "the signature verifies outside the service");
        ServedContract.fetch().check(Request.Method.GET, "/api/v1/audit/head", given().get("/api/v1/audit/head"))
                .then().statusCode(200).body("seq", equalTo((int) last.seq())).body("keyId", equalTo(key.keyId()));
    }

    @ExpectedErrors("records are deleted on purpose")
    @Test
    void verifyGivenTheExportedHeadFindsRecordsDeletedAtTheEnd() throws Exception {
        decideSome(4);
        SignedHead exported = exportNow();
        long keep = exported.seq() - 3;
        var ds = database.dataSource();
        String keptHash = AuditDb.string(ds, "SELECT hash FROM decision_record WHERE seq = ?", keep);
        AuditDb.update(ds, "CREATE TABLE suffix_backup AS SELECT * FROM decision_record WHERE seq > ?", keep);
        try { // the attacker deletes the newest records and moves the chain head back to match
            AuditDb.update(ds, "DELETE FROM decision_record WHERE seq > ?", keep);
            AuditDb.update(ds, "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", keep, keptHash);
            assertTrue(verifier.verify(null, null).valid(), "the chain alone still looks whole");
            for (ValidatableResponse r : List.of(verify(), verifyAgainst(json.writeValueAsString(exported)))) {
                r.body("valid", equalTo(false)).body("firstBadSeq", equalTo((int) keep + 1))
                        .body("exportedHeadSeq", equalTo((int) exported.seq()))
                        .body("problem", containsString("deleted at the end"));
            }
            assertTrue(heads.export().isEmpty(), "no head of the shortened chain is exported over the last one");
        } finally {
            AuditDb.update(ds, "INSERT INTO decision_record SELECT * FROM suffix_backup");
            AuditDb.update(ds, "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", exported.seq(),
                    exported.hash());
            AuditDb.update(ds, "DROP TABLE suffix_backup");
        }
        verify().body("valid", equalTo(true));
    }

    @ExpectedErrors("records are deleted and a checkpoint forged on purpose")
    @Test
    void verifyGivenTheExportedHeadFindsADeletedPrefixBehindAForgedCheckpoint() throws Exception {
        decideSome(12);
        SignedHead exported = exportNow();
        var ds = database.dataSource();
        long first = Long.parseLong(AuditDb.string(ds, "SELECT MIN(seq) FROM decision_record"));
        long last = first + 9; // the ten oldest records
        String lastHash = AuditDb.string(ds, "SELECT hash FROM decision_record WHERE seq = ?", last);
        AuditDb.update(ds, "CREATE TABLE prefix_backup AS SELECT * FROM decision_record WHERE seq <= ?", last);
        AuditDb.update(ds, "CREATE TABLE checkpoint_backup AS SELECT * FROM audit_checkpoint");
        try {
            AuditDb.update(ds, "DELETE FROM decision_record WHERE seq <= ?", last);
            verifyAgainst(json.writeValueAsString(exported)).body("valid", equalTo(false))
                    .body("problem", containsString("missing"));

            Checkpoint forged = new Checkpoint(last, lastHash, Instant.parse("2026-01-01T00:00:00Z"), "decisions-x.jsonl.gz",
                    key.keyId(), null);
            var attacker = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Signature own = Signature.getInstance("Ed25519");
            own.initSign(attacker.getPrivate());
            own.update(forged.payload().getBytes(StandardCharsets.UTF_8));
            String attackerId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(attacker.getPublic().getEncoded()));
            List<String[]> forgeries = List.of(
                    new String[] { null, null, "is not signed" },
                    // a genuine signature of this service, of another text (the exported head)
                    new String[] { key.keyId(), exported.signature(), "does not verify" },
                    new String[] { attackerId, Base64.getEncoder().encodeToString(own.sign()), "names signing key " + attackerId });
            for (String[] f : forgeries) {
                AuditDb.update(ds, "DELETE FROM audit_checkpoint");
                AuditDb.update(ds, "INSERT INTO audit_checkpoint (id, seq, hash, pruned_at, archive, key_id, signature)"
                        + " VALUES (1, ?, ?, ?, ?, ?, ?)", forged.seq(), forged.hash(), Timestamp.from(forged.prunedAt()),
                        forged.archive(), f[0], f[1]);
                for (ValidatableResponse r : List.of(verify(), verifyAgainst(json.writeValueAsString(exported)))) {
                    r.body("valid", equalTo(false)).body("checkpointSeq", equalTo((int) last))
                            .body("problem", containsString(f[2]))
                            .body("problem", containsString("removed without a genuine checkpoint"));
                }
            }
        } finally {
            AuditDb.update(ds, "DELETE FROM audit_checkpoint");
            AuditDb.update(ds, "INSERT INTO audit_checkpoint SELECT * FROM checkpoint_backup");
            AuditDb.update(ds, "INSERT INTO decision_record SELECT * FROM prefix_backup");
            AuditDb.update(ds, "DROP TABLE prefix_backup");
            AuditDb.update(ds, "DROP TABLE checkpoint_backup");
        }
        verify().body("valid", equalTo(true));
    }

    @ExpectedErrors("records are rewritten on purpose")
    @Test
    void verifyGivenTheExportedHeadFindsARewrittenChainAndRefusesAHeadItDidNotSign() throws Exception {
        decideSome(1);
        SignedHead exported = exportNow();
        var ds = database.dataSource();
        long seq = exported.seq();
        String record = AuditDb.string(ds, "SELECT record FROM decision_record WHERE seq = ?", seq);
        String prev = AuditDb.string(ds, "SELECT prev_hash FROM decision_record WHERE seq = ?", seq);
        String micros = AuditDb.string(ds, "SELECT evaluation_micros FROM decision_record WHERE seq = ?", seq);
        var rewritten = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(record);
        rewritten.put("evaluationMicros", 999_999);
        String newHash = ChainHash.of(prev, seq, rewritten.toString());
        try { // the attacker rewrites the last record consistently: its hash, its columns and the chain head
            AuditDb.update(ds, "UPDATE decision_record SET record = ?, hash = ?, evaluation_micros = 999999 WHERE seq = ?",
                    rewritten.toString(), newHash, seq);
            AuditDb.update(ds, "UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", newHash);
            assertTrue(verifier.verify(null, null).valid(), "the chain alone still looks whole");
            verifyAgainst(json.writeValueAsString(exported)).body("valid", equalTo(false))
                    .body("firstBadSeq", equalTo((int) seq)).body("problem", containsString("rewritten"));
        } finally {
            AuditDb.update(ds, "UPDATE decision_record SET record = ?, hash = ?, evaluation_micros = ? WHERE seq = ?",
                    record, exported.hash(), Long.parseLong(micros), seq);
            AuditDb.update(ds, "UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", exported.hash());
        }
        verify().body("valid", equalTo(true));
        SignedHead altered = new SignedHead(exported.seq() + 5, exported.hash(), exported.signedAt(), exported.keyId(),
                exported.signature());
        given().contentType(ContentType.JSON).body(json.writeValueAsString(altered)).post("/api/v1/audit/verify").then()
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("signature"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/audit/verify").then().statusCode(422)
                .body("errors.field", hasItem("hash"));
        assertFalse(heads.genuine(altered));
    }

    /** The head now, exported (by this call, or by the schedule just before it). */
    private SignedHead exportNow() throws Exception {
        heads.export();
        SignedHead last = heads.lastExported().orElseThrow();
        assertEquals(heads.current().seq(), last.seq(), "the export file's last head is the chain's head");
        return last;
    }

    private String lastLine() throws Exception {
        List<String> lines = Files.readAllLines(heads.exportFile());
        return lines.get(lines.size() - 1);
    }

    private static void decideSome(int n) {
        String caller = UUID.randomUUID().toString();
        for (int i = 0; i < n; i++) {
            AuditTrailContract.decide(caller, "{\"partnerReports\":" + (3 + i % 10) + "}");
        }
    }

    private static ValidatableResponse verify() {
        return given().get("/api/v1/audit/verify").then().statusCode(200);
    }

    private static ValidatableResponse verifyAgainst(String head) {
        return ServedContract.fetch().check(Request.Method.POST, "/api/v1/audit/verify",
                given().contentType(ContentType.JSON).body(head).post("/api/v1/audit/verify")).then().statusCode(200);
    }
}
