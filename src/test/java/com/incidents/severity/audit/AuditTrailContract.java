package com.incidents.severity.audit;

import com.atlassian.oai.validator.model.Request;
import com.incidents.severity.contract.ServedContract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidents.severity.audit.model.AuditEntry;
import com.incidents.severity.audit.service.RetentionService;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.audit.store.ChainWriter;
import com.incidents.severity.audit.store.SecondWriter;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.decision.model.Caller;
import com.incidents.severity.support.AuditDb;
import com.incidents.severity.support.DefaultCredentials;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import com.incidents.severity.support.logs.ExpectedErrors;

/** What the audit trail promises, run against each database (see the subclasses). */
public abstract class AuditTrailContract {

    @Inject
    AuditDatabase database;

    protected static String decide(String caller, String body) {
        return given().contentType(ContentType.JSON).header("X-Client-Id", caller).body(body)
                .post("/api/v1/decisions").then().statusCode(200).extract().path("decisionId");
    }

    private static ValidatableResponse list(String query) {
        return given().get("/api/v1/decisions?" + query).then().statusCode(200);
    }

    @Test
    void everyDecisionIsRecordedBeforeItIsAnswered() throws Exception {
        String caller = UUID.randomUUID().toString();
        String id = decide(caller, "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000,\"partnerReports\":7}");
        given().get("/api/v1/decisions/" + id).then().statusCode(200)
                .body("decisionId", equalTo(id))
                .body("caller", equalTo(DefaultCredentials.USER))
                .body("clientLabel", equalTo(caller))
                .body("status", equalTo("DECIDED"))
                .body("request.affectedUsers", equalTo(250000))
                .body("facts.impactLevel", equalTo("MAJOR"))
                .body("result.severity", equalTo("SEV2"))
                .body("result.basis", equalTo("IMPACT"))
                .body("evaluationMicros", greaterThanOrEqualTo(0))
                .body("policyVersion", startsWith("sha256:"))
                .body("trace.tables.find { it.decision == 'Impact band' }.inputs.'Affected users'", equalTo(250000))
                .body("trace.tables.find { it.decision == 'Impact band' }.matchedRules.ruleIndex", hasItem(3))
                .body("trace.tables.find { it.decision == 'Escalation severity' }.matchedRules[0].annotation",
                        containsString("more than 5"))
                .body("trace.drlRules.name", hasItems("Impact counts take precedence",
                        "Partner reports never lower the severity"))
                .body("seq", greaterThan(0))
                .body("hash", hasLength(64))
                .body("error", nullValue());
        String version = given().get("/api/v1/decisions/" + id).then().extract().path("policyVersion");
        String files = AuditDb.string(database.dataSource(), "SELECT files FROM policy_version WHERE version = ?", version);
        assertTrue(files.contains("incident-severity.dmn") && files.contains("Partner reports raise the severity"),
                "the policy text of the version is stored");
    }

    /**
     * A record's trace is its own request's: after 250,000 users, a record for 4,999,999 users (the
     * same band and severity in the fixture) shows 4,999,999 as the evaluated input; and each matched
     * row's outputs are the values the engine produced (a stated tier C2 looked up gives "C2", not
     * the cell text "Stated tier").
     */
    @Test
    void eachRecordsTraceHoldsItsOwnInputsAndTheValuesTheEngineProduced() {
        String caller = UUID.randomUUID().toString();
        String first = decide(caller, "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":250000}");
        String second = decide(caller, "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":4999999}");
        String severity = given().get("/api/v1/decisions/" + first).then().extract().path("result.severity");
        String band = "trace.tables.find { it.decision == 'Impact band' }";
        given().get("/api/v1/decisions/" + second).then().statusCode(200)
                .body("result.severity", equalTo(severity))
                .body(band + ".inputs.'Affected users'", equalTo(4999999));
        given().get("/api/v1/decisions/" + first).then().statusCode(200)
                .body(band + ".inputs.'Affected users'", equalTo(250000));

        String stated = decide(caller, "{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":30}");
        given().get("/api/v1/decisions/" + stated).then().statusCode(200)
                .body("trace.tables.find { it.decision == 'Capability lookup' }.matchedRules[0].outputs.tier",
                        equalTo("C2"))
                .body("trace.tables.find { it.decision == 'Capability severity' }.matchedRules[0].outputs.'Capability severity'",
                        equalTo(given().get("/api/v1/decisions/" + stated).then().extract()
                                .<String> path("result.capabilitySeverity")));
    }

    @Inject
    RetentionService retention;

    @Test
    void retentionArchivesOldRecordsAndTheChainVerifiesAcrossTheCut() throws Exception {
        String caller = UUID.randomUUID().toString();
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            old.add(decide(caller, "{\"partnerReports\":" + (i + 3) + "}"));
        }
        Instant cutoff = Instant.now();
        List<String> kept = List.of(decide(caller, "{\"partnerReports\":6}"), decide(caller, "{\"partnerReports\":7}"));

        RetentionService.Archived archived = retention.archiveBefore(cutoff).orElseThrow();
        for (String id : old) {
            given().get("/api/v1/decisions/" + id).then().statusCode(404);
        }
        for (String id : kept) {
            given().get("/api/v1/decisions/" + id).then().statusCode(200);
        }
        List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                java.nio.file.Files.newInputStream(archived.archive())), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                lines.add(json.readTree(line));
            }
        }
        assertEquals(archived.toSeq() - archived.fromSeq() + 1, lines.size());
        String prev = lines.get(0).get("prevHash").asText();
        for (var line : lines) { // the archive verifies on its own
            assertEquals(prev, line.get("prevHash").asText());
            assertEquals(line.get("hash").asText(), com.incidents.severity.audit.store.ChainHash.of(prev,
                    line.get("seq").asLong(), line.get("record").asText()));
            prev = line.get("hash").asText();
        }
        Set<String> archivedIds = new HashSet<>();
        for (var line : lines) {
            // a change record of the policy (the version found at startup) may lie among them too
            archivedIds.add(json.readTree(line.get("record").asText()).path("decisionId").asText());
        }
        assertTrue(archivedIds.containsAll(old), "the pruned records are in the archive");

        var report = ServedContract.fetch().check(Request.Method.GET, "/api/v1/audit/verify",
                given().get("/api/v1/audit/verify")).then().statusCode(200).extract().jsonPath();
        assertTrue(report.getBoolean("valid"), report.prettify());
        assertEquals(archived.toSeq(), report.getLong("checkpointSeq"));
        assertEquals(prev, report.getString("checkpointHash"), "the checkpoint is the last archived record");
        assertEquals(archived.toSeq() + 1, report.getLong("fromSeq"), "the walk starts after the cut");
        given().get("/api/v1/audit/verify?from=" + cutoff).then().statusCode(200).body("valid", equalTo(true))
                .body("fromSeq", equalTo((int) (archived.toSeq() + 1)));
        assertTrue(retention.archiveBefore(cutoff).isEmpty(), "nothing more to prune before the same cut-off");

        AuditDb.update(database.dataSource(), "UPDATE audit_checkpoint SET hash = ?", "f".repeat(64));
        try { // an edited checkpoint no longer matches its signature
            given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false))
                    .body("problem", containsString("signature of the retention checkpoint"));
        } finally {
            AuditDb.update(database.dataSource(), "UPDATE audit_checkpoint SET hash = ?", prev);
        }
    }

    @Test
    void batchDecisionsAreEachRecorded() {
        String caller = UUID.randomUUID().toString();
        var batch = given().contentType(ContentType.JSON).header("X-Client-Id", caller)
                .body("[{\"partnerReports\":3},{\"partnerReports\":-3},{\"partnerReports\":16}]")
                .post("/api/v1/decisions/batch").then().statusCode(200).extract();
        String first = batch.path("results[0].decision.decisionId");
        String third = batch.path("results[2].decision.decisionId");
        list("clientLabel=" + caller).body("items.size()", equalTo(2))
                .body("items.decisionId", hasItems(first, third));
    }

    @Test
    void filtersAndKeysetPagesStayStableWhileDecisionsArrive() {
        String caller = UUID.randomUUID().toString();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(decide(caller, i % 2 == 0 ? "{\"partnerReports\":16}" : "{\"capability\":\"App logging\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":10}"));
        }
        String q = "clientLabel=" + caller + "&limit=3";
        ValidatableResponse first = list(q).body("items.size()", equalTo(3))
                .body("items[0].decisionId", equalTo(made.get(6)));
        String cursor = first.extract().path("nextCursor");
        decide(caller, "{\"partnerReports\":6}"); // newer than the cursor: must not shift the next pages
        Set<String> seen = new HashSet<>(first.extract().path("items.decisionId"));
        List<String> second = list(q + "&cursor=" + cursor).extract().path("items.decisionId");
        String cursor2 = list(q + "&cursor=" + cursor).extract().path("nextCursor");
        List<String> third = list(q + "&cursor=" + cursor2).extract().path("items.decisionId");
        assertNull(list(q + "&cursor=" + cursor2).extract().path("nextCursor"));
        seen.addAll(second);
        seen.addAll(third);
        assertEquals(new HashSet<>(made), seen, "the three pages hold exactly the first seven decisions");

        list("clientLabel=" + caller + "&severity=SEV1").body("items.size()", equalTo(4))
                .body("items.severity", everyItem(equalTo("SEV1")));
        list("clientLabel=" + caller + "&basis=CAPABILITY&capability=App logging").body("items.size()", equalTo(3));
        list("clientLabel=" + caller + "&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z").body("items.size()", equalTo(0));
        String version = list("clientLabel=" + caller).extract().path("items[0].policyVersion");
        list("clientLabel=" + caller + "&policyVersion=" + version).body("items.size()", equalTo(8));
        given().get("/api/v1/decisions?severity=SEV9&limit=0").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItems("severity", "limit"));
    }

    @Test
    void exportStreamsCsvAndJsonl() {
        String caller = UUID.randomUUID().toString();
        String a = decide(caller, "{\"partnerReports\":3}");
        String b = decide(caller, "{\"partnerReports\":6}");
        String csv = given().get("/api/v1/decisions/export?format=csv&clientLabel=" + caller).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.strip().split("\r?\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("decisionId,decidedAt,caller,clientLabel,"), lines[0]);
        assertTrue(lines[1].startsWith(a) && lines[2].startsWith(b), "oldest first");
        String jsonl = given().get("/api/v1/decisions/export?format=jsonl&clientLabel=" + caller).then()
                .statusCode(200).extract().asString();
        assertEquals(2, jsonl.strip().split("\n").length);
        assertTrue(jsonl.contains("\"decisionId\":\"" + b + "\""));
    }

    @Test
    void replayReportsAnUnchangedOutcome() {
        String id = decide(UUID.randomUUID().toString(), "{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":150}");
        given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                .body("recorded.severity", equalTo("SEV1"))
                .body("underRecordedVersion.severity", equalTo("SEV1"))
                .body("underCurrentPolicy.severity", equalTo("SEV1"))
                .body("reproducible", equalTo(true))
                .body("unchanged", equalTo(true))
                .body("differences", empty());
        given().post("/api/v1/decisions/" + UUID.randomUUID() + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @ExpectedErrors("records are tampered with on purpose")

    @Test
    void verifyNamesAnEditedADeletedAndAnInsertedRecord() throws Exception {
        String caller = UUID.randomUUID().toString();
        decide(caller, "{\"partnerReports\":3}");
        String middle = decide(caller, "{\"partnerReports\":6}");
        decide(caller, "{\"partnerReports\":16}");
        var ds = database.dataSource();
        verify().body("valid", equalTo(true));

        // An edited column.
        AuditDb.update(ds, "UPDATE decision_record SET severity = 'SEV3' WHERE decision_id = ?", middle);
        verify().body("valid", equalTo(false)).body("firstBadDecisionId", equalTo(middle))
                .body("problem", containsString("severity"));
        AuditDb.update(ds, "UPDATE decision_record SET severity = 'SEV2' WHERE decision_id = ?", middle);
        verify().body("valid", equalTo(true));

        // An edited record text.
        String record = AuditDb.string(ds, "SELECT record FROM decision_record WHERE decision_id = ?", middle);
        AuditDb.update(ds, "UPDATE decision_record SET record = ? WHERE decision_id = ?",
                record.replace("\"partnerReports\":6", "\"partnerReports\":2"), middle);
        verify().body("valid", equalTo(false)).body("firstBadDecisionId", equalTo(middle))
                .body("problem", containsString("hash"));
        AuditDb.update(ds, "UPDATE decision_record SET record = ? WHERE decision_id = ?", record, middle);

        // A deleted record: the next one names the gap.
        long seq = Long.parseLong(AuditDb.string(ds, "SELECT seq FROM decision_record WHERE decision_id = ?", middle));
        String copy = "INSERT INTO decision_record SELECT * FROM decision_record_backup";
        AuditDb.update(ds, "CREATE TABLE decision_record_backup AS SELECT * FROM decision_record WHERE seq = ?", seq);
        try {
            AuditDb.update(ds, "DELETE FROM decision_record WHERE seq = ?", seq);
            verify().body("valid", equalTo(false)).body("firstBadSeq", equalTo((int) seq + 1))
                    .body("problem", containsString("missing"));
            AuditDb.update(ds, copy);
            verify().body("valid", equalTo(true));

            // An inserted record, placed after the chain head.
            String head = AuditDb.string(ds, "SELECT last_seq FROM audit_chain_head WHERE id = 1");
            long forged = Long.parseLong(head) + 1;
            AuditDb.update(ds, "UPDATE decision_record_backup SET seq = ?, decision_id = ?", forged,
                    UUID.randomUUID().toString());
            AuditDb.update(ds, copy);
            verify().body("valid", equalTo(false)).body("firstBadSeq", equalTo((int) forged))
                    .body("problem", containsString("inserted"));
            AuditDb.update(ds, "DELETE FROM decision_record WHERE seq = ?", forged);
        } finally {
            AuditDb.update(ds, "DROP TABLE decision_record_backup");
        }
        verify().body("valid", equalTo(true));
    }

    @Inject
    com.incidents.severity.audit.service.AuditService auditService;

    @Inject
    com.incidents.severity.policy.service.PolicyService policies;

    @Inject
    ObjectMapper json;

    @Test
    void aRolledBackBatchLeavesNoMemoryOfThePolicyTextItStored() throws Exception {
        var ds = database.dataSource();
        var policy = otherPolicy("rollback-test");
        ChainWriter writer = SecondWriter.on(database, json);
        AuditEntry twice = entry("rollback-test", policy);
        assertThrows(SQLException.class, () -> writer.append(List.of(twice, twice)), "one decision id twice");
        assertEquals("0", AuditDb.string(ds, "SELECT COUNT(*) FROM policy_version WHERE version = ?", policy.version()));

        writer.append(List.of(entry("rollback-test", policy))); // the same new version, in a batch that commits
        assertEquals("1", AuditDb.string(ds, "SELECT COUNT(*) FROM policy_version WHERE version = ?", policy.version()));
        verify().body("valid", equalTo(true));
    }

    @Inject
    com.incidents.severity.audit.AuditConfig auditConfig;

    @ExpectedErrors("the store refuses a record on purpose")

    @Test
    void aRecordTheStoreRefusesFailsAloneAndTheRestOfItsGroupIsRecordedOnTheChain() throws Exception {
        var ds = database.dataSource();
        PolicyFiles files = policies.current().policy().files();
        String caller = "refused-test-" + UUID.randomUUID();
        AuditEntry taken = entry(caller, files);
        SecondWriter.on(database, json).append(List.of(taken)); // its decision id again breaks a unique key
        long before = Long.parseLong(AuditDb.string(ds, "SELECT last_seq FROM audit_chain_head"));

        List<java.util.concurrent.CompletableFuture<Void>> acks;
        try (var held = new com.incidents.severity.audit.service.HeldAuditWriter(
                SecondWriter.withOwnConnection(database, json, auditConfig), auditConfig)) {
            acks = held.appendAsOneGroup(entry(caller, files),
                    List.of(entry(caller, files), entry(caller, files), taken, entry(caller, files)));
            for (int i : new int[] {0, 1, 2, 4}) {
                acks.get(i).get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> acks.get(3).get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(500, ((com.incidents.severity.problem.ProblemException) failure.getCause()).problem().status());
        }
        assertEquals(before + 4, Long.parseLong(AuditDb.string(ds, "SELECT last_seq FROM audit_chain_head")),
                "the head moved for the four recorded, not for the refused one");
        assertEquals("5", AuditDb.string(ds, "SELECT COUNT(*) FROM decision_record WHERE caller = ?", caller));
        verify().body("valid", equalTo(true));
    }

    /** A policy version of its own: the current files plus one more, so its version is a genuine hash. */
    protected PolicyFiles otherPolicy(String origin) {
        Map<String, byte[]> files = new HashMap<>(policies.current().policy().files().files());
        files.put("audit-test/" + UUID.randomUUID() + ".csv", "name\n".getBytes(StandardCharsets.UTF_8));
        return PolicyFiles.of(origin, files);
    }

    /** A record as the service would write it, for driving a chain writer directly. */
    protected AuditEntry entry(String caller, PolicyFiles policy) {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ObjectNode record = json.createObjectNode().put("decisionId", id).put("decidedAt", at.toString())
                .put("caller", caller).put("policyVersion", policy.version()).put("status", "DECIDED")
                .put("evaluationMicros", 1);
        record.putObject("facts").putNull("capability");
        record.putObject("result").put("severity", "SEV3").put("basis", "ESCALATION");
        record.putNull("traceHash");
        return new AuditEntry(id, at, caller, null, policy, "DECIDED", "SEV3", "ESCALATION", null, 1, record.toString(),
                null);
    }

    @Test
    void aFailedEvaluationIsRecordedWithItsError() throws Exception {
        var engine = policies.current();
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"partnerReports\":4}");
        var request = com.incidents.severity.request.RequestParser.parse(body, engine.policy(),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        String id = UUID.randomUUID().toString();
        auditService.recordFailure(id, request, engine, new Caller("failure-test", null), 42, "Model 'Incident severity' failed: boom")
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        given().get("/api/v1/decisions/" + id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("error", containsString("boom"))
                .body("result", nullValue())
                .body("request.partnerReports", equalTo(4))
                .body("evaluationMicros", equalTo(42));
        verify().body("valid", equalTo(true));
    }

    @ExpectedErrors("records are tampered with on purpose")

    @Test
    void verifyNamesAnEditedPolicyTextAndTheFirstRecordThatRefersToIt() throws Exception {
        var ds = database.dataSource();
        String id = decide(UUID.randomUUID().toString(), "{\"partnerReports\":6}");
        String version = given().get("/api/v1/decisions/" + id).then().extract().path("policyVersion");
        String decidedAt = given().get("/api/v1/decisions/" + id).then().extract().path("decidedAt");
        String files = AuditDb.string(ds, "SELECT files FROM policy_version WHERE version = ?", version);
        String firstUser = AuditDb.string(ds, "SELECT decision_id FROM decision_record WHERE policy_version = ? "
                + "AND status <> 'CHANGE' ORDER BY seq", version);
        // the change record that put the version in force refers to it first, and is named instead of a decision
        String firstChange = AuditDb.string(ds, "SELECT decision_id FROM decision_record WHERE policy_version = ? "
                + "AND status = 'CHANGE' ORDER BY seq", version);
        verify().body("valid", equalTo(true));
        assertTrue(files.contains("Partner reports raise the severity"));
        AuditDb.update(ds, "UPDATE policy_version SET files = ? WHERE version = ?",
                files.replace("Partner reports raise the severity", "Partner reports lower the severity"), version);
        try {
            verify().body("valid", equalTo(false))
                    .body("policyVersion", equalTo(version))
                    .body(firstChange == null ? "firstBadDecisionId" : "firstBadChangeId",
                            equalTo(firstChange == null ? firstUser : firstChange))
                    .body("problem", allOf(containsString("policy version " + version), containsString("edited")));
            Instant at = Instant.parse(decidedAt);
            verify("from=" + at + "&to=" + at.plus(1, ChronoUnit.MICROS)).body("valid", equalTo(false))
                    .body("policyVersion", equalTo(version))
                    .body("firstBadDecisionId", equalTo(id));
        } finally {
            AuditDb.update(ds, "UPDATE policy_version SET files = ? WHERE version = ?", files, version);
        }
        verify().body("valid", equalTo(true));
    }

    @ExpectedErrors("records are tampered with on purpose")

    @Test
    void verifyNamesAnEditedTrace() throws Exception {
        var ds = database.dataSource();
        String id = decide(UUID.randomUUID().toString(), "{\"impactLevel\":\"MAJOR\",\"affectedUsers\":4321}");
        var record = given().get("/api/v1/decisions/" + id).then().statusCode(200).extract();
        String traceHash = record.path("traceHash");
        Instant at = Instant.parse(record.path("decidedAt"));
        String trace = AuditDb.string(ds, "SELECT trace FROM decision_trace WHERE hash = ?", traceHash);
        assertTrue(trace.contains("4321"), "the trace holds the evaluated inputs");
        String firstUser = AuditDb.string(ds,
                "SELECT decision_id FROM decision_record WHERE record LIKE ? ORDER BY seq", "%" + traceHash + "%");
        verify().body("valid", equalTo(true));
        AuditDb.update(ds, "UPDATE decision_trace SET trace = ? WHERE hash = ?", trace.replace("4321", "4322"),
                traceHash);
        try {
            verify().body("valid", equalTo(false))
                    .body("traceHash", equalTo(traceHash))
                    .body("firstBadDecisionId", equalTo(firstUser))
                    .body("problem", allOf(containsString("trace " + traceHash), containsString("edited")));
            verify("from=" + at + "&to=" + at.plus(1, ChronoUnit.MICROS)).body("valid", equalTo(false))
                    .body("traceHash", equalTo(traceHash))
                    .body("firstBadDecisionId", equalTo(id));
        } finally {
            AuditDb.update(ds, "UPDATE decision_trace SET trace = ? WHERE hash = ?", trace, traceHash);
        }
        verify().body("valid", equalTo(true));
    }

    @ExpectedErrors("records are tampered with on purpose")

    @Test
    void replayRefusesAnEditedPolicyText() throws Exception {
        var ds = database.dataSource();
        String id = decide(UUID.randomUUID().toString(), "{\"partnerReports\":6}");
        String version = given().get("/api/v1/decisions/" + id).then().extract().path("policyVersion");
        String files = AuditDb.string(ds, "SELECT files FROM policy_version WHERE version = ?", version);
        AuditDb.update(ds, "UPDATE policy_version SET files = ? WHERE version = ?",
                files.replace("Partner reports raise the severity", "Partner reports lower the severity"), version);
        try { // the version in force, evaluated from memory: the stored text is checked all the same
            integrityFailure(id, version);
        } finally {
            AuditDb.update(ds, "UPDATE policy_version SET files = ? WHERE version = ?", files, version);
        }
        given().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200).body("reproducible", equalTo(true));

        // A past version, which replay would rebuild from its stored text.
        PolicyFiles past = otherPolicy("replay-test");
        AuditEntry entry = entry("replay-test", past);
        SecondWriter.on(database, json).append(List.of(entry));
        String pastFiles = AuditDb.string(ds, "SELECT files FROM policy_version WHERE version = ?", past.version());
        AuditDb.update(ds, "UPDATE policy_version SET files = ? WHERE version = ?",
                pastFiles.replace("Partner reports raise the severity", "Partner reports lower the severity"),
                past.version());
        try {
            integrityFailure(entry.decisionId(), past.version());
        } finally {
            AuditDb.update(ds, "UPDATE policy_version SET files = ? WHERE version = ?", pastFiles, past.version());
        }
        verify().body("valid", equalTo(true));
    }

    private static void integrityFailure(String id, String version) {
        String path = "/api/v1/decisions/" + id + "/replay";
        ServedContract.fetch().check(Request.Method.POST, path, given().post(path)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/integrity-failure"))
                .body("status", equalTo(409))
                .body("detail", allOf(containsString(version), containsString(id)));
    }

    @Test
    void verifyOverAWindowChecksTheRecordsDecidedInIt() throws Exception {
        var ds = database.dataSource();
        String caller = UUID.randomUUID().toString();
        String a = decide(caller, "{\"partnerReports\":3}");
        String b = decide(caller, "{\"partnerReports\":6}");
        String c = decide(caller, "{\"partnerReports\":16}");
        Instant atA = decidedAt(a);
        Instant atB = decidedAt(b);
        Instant atC = decidedAt(c);
        long seqA = seq(a);
        long seqB = seq(b);
        long seqC = seq(c);
        long head = Long.parseLong(AuditDb.string(ds, "SELECT last_seq FROM audit_chain_head WHERE id = 1"));

        // Windows holding no record are valid, wherever they lie, and name no positions.
        for (String window : List.of("from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z",
                "to=2000-01-01T00:00:00Z", "from=" + Instant.now().plus(1, ChronoUnit.DAYS),
                "from=" + Instant.now().plus(1, ChronoUnit.DAYS) + "&to=" + Instant.now().plus(2, ChronoUnit.DAYS),
                "from=" + atA.plus(1, ChronoUnit.MICROS) + "&to=" + atB)) {
            verify(window).body("valid", equalTo(true)).body("checked", equalTo(0))
                    .body("$", not(hasKey("fromSeq"))).body("$", not(hasKey("toSeq")))
                    .body("$", not(hasKey("problem")));
        }
        // One record; from only (to the chain head); to only (from the first record).
        verify("from=" + atB + "&to=" + atB.plus(1, ChronoUnit.MICROS)).body("valid", equalTo(true))
                .body("checked", equalTo(1)).body("fromSeq", equalTo((int) seqB)).body("toSeq", equalTo((int) seqB));
        verify("from=" + atB).body("valid", equalTo(true)).body("fromSeq", equalTo((int) seqB))
                .body("toSeq", equalTo((int) head)).body("checked", equalTo((int) (head - seqB + 1)));
        verify("to=" + atB).body("valid", equalTo(true)).body("fromSeq", equalTo(1))
                .body("toSeq", equalTo((int) seqA)).body("checked", equalTo((int) seqA));

        // The records on either side of a window are still checked to be there.
        AuditDb.update(ds, "CREATE TABLE window_backup AS SELECT * FROM decision_record WHERE seq = ?", seqB);
        try {
            AuditDb.update(ds, "DELETE FROM decision_record WHERE seq = ?", seqB);
            verify("from=" + atA + "&to=" + atA.plus(1, ChronoUnit.MICROS)).body("valid", equalTo(false))
                    .body("firstBadSeq", equalTo((int) seqB)).body("problem", containsString("missing"));
            verify("from=" + atC + "&to=" + atC.plus(1, ChronoUnit.MICROS)).body("valid", equalTo(false))
                    .body("firstBadSeq", equalTo((int) seqC)).body("firstBadDecisionId", equalTo(c))
                    .body("problem", containsString("missing"));
            verify("from=" + atA.plus(1, ChronoUnit.MICROS) + "&to=" + atC).body("valid", equalTo(true))
                    .body("checked", equalTo(0));
        } finally {
            AuditDb.update(ds, "INSERT INTO decision_record SELECT * FROM window_backup");
            AuditDb.update(ds, "DROP TABLE window_backup");
        }
        verify("from=" + atA + "&to=" + atC.plus(1, ChronoUnit.MICROS)).body("valid", equalTo(true))
                .body("checked", equalTo(3)).body("fromSeq", equalTo((int) seqA)).body("toSeq", equalTo((int) seqC));
    }

    @Test
    void verifyRefusesAWindowThatIsNotOne() {
        String[][] windows = { { "2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z" }, // to before from
                { "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z" }, // [t, t) holds nothing
                { "2024-01-01T01:00:00+01:00", "2024-01-01T00:00:00Z" } }; // the same instant, written otherwise
        for (String[] window : windows) {
            given().queryParam("from", window[0]).queryParam("to", window[1]).get("/api/v1/audit/verify").then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-request"))
                    .body("errors.field", containsInAnyOrder("from", "to"));
        }
        given().get("/api/v1/audit/verify?from=yesterday").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("from"));
        given().get("/api/v1/audit/verify?from=2024-01-01T00:00:00Z&to=2024-13-01").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("to"));
    }

    private static Instant decidedAt(String id) {
        return Instant.parse(given().get("/api/v1/decisions/" + id).then().extract().path("decidedAt"));
    }

    private static long seq(String id) {
        return ((Number) given().get("/api/v1/decisions/" + id).then().extract().path("seq")).longValue();
    }

    private static ValidatableResponse verify() {
        return given().get("/api/v1/audit/verify").then().statusCode(200);
    }

    private static ValidatableResponse verify(String query) {
        return given().get("/api/v1/audit/verify?" + query).then().statusCode(200);
    }
}
