package com.incidents.severity.audit.changes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.engine.model.PolicyFiles;
import com.incidents.severity.policy.model.PolicyChanged;
import com.incidents.severity.policy.model.ReloadTrigger;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.support.AuditDb;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.logs.ExpectedErrors;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The change history in the audit chain, run against each database (see the subclasses): a change
 * record for the version found at startup and for each reload, with its row diff; the decision's
 * deciding row naming the change that edited it; verify failing on an edited or deleted change.
 */
public abstract class PolicyChangeContract {

    /** The Escalation severity table of the fixture, by its key (model/decision). */
    static final String ESCALATION = "Incident severity/Escalation severity";

    @Inject
    AuditDatabase database;

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @BeforeEach
    void startFromTheFixture() {
        Fixture.putBackInForce(rules);
    }

    @Test
    void theVersionFoundAtStartupIsAChangeRecordInTheChain() throws Exception {
        String version = given().get("/api/v1/policy").then().statusCode(200).extract().path("version");
        JsonPath startups = changes("kind=STARTUP").extract().jsonPath();
        Map<String, Object> first = startups.getMap("items[-1]");
        assertEquals(version, first.get("versionAfter"), "this replica started on the fixture");
        String id = (String) first.get("changeId");
        JsonPath change = given().get("/api/v1/policy/changes/" + id).then().statusCode(200)
                .body("kind", equalTo("STARTUP")).body("replica", not(emptyOrNullString()))
                .body("author", nullValue()).body("approver", nullValue()).body("publisher", nullValue())
                .body("versionAfter", equalTo(version)).body("hash", hasLength(64))
                .extract().jsonPath();
        String seq = AuditDb.string(database.dataSource(), "SELECT seq FROM decision_record WHERE decision_id = ?", id);
        assertEquals(Long.parseLong(seq), change.getLong("seq"), "the change holds a position in the decisions' chain");
        if (change.get("versionBefore") == null) { // the first version the store knows: every row is new
            assertEquals(List.of("ADDED"), change.getList("tables.find { it.key == '" + ESCALATION + "' }.rows.change")
                    .stream().distinct().toList());
        }
    }

    @Inject
    jakarta.enterprise.event.Event<PolicyChanged> changed;

    @Inject
    PolicyService policies;

    /**
     * What a second replica sharing the store does as it starts on the version already in force (the
     * event its PolicyService fires at startup): a STARTUP of its own, from and to that version, no row
     * changed, so it is never named as the change behind a row.
     */
    @Test
    void aReplicaStartingOnTheVersionInForceRecordsAStartupWithNoRowChanged() {
        String id = decide();
        String rowChange = given().get("/api/v1/decisions/" + id).then().statusCode(200)
                .extract().path("rowChanges.find { it.decision == 'Escalation severity' }.change.changeId");
        PolicyFiles files = policies.current().policy().files();
        changed.fire(new PolicyChanged(ReloadTrigger.STARTUP, null, files, PolicyChanged.ChangeAuthors.NONE, null,
                java.time.Instant.now()));
        JsonPath startup = latest("STARTUP");
        assertEquals(files.version(), startup.getString("versionBefore"));
        assertEquals(files.version(), startup.getString("versionAfter"));
        assertEquals(List.of(), startup.getList("tables"));
        String later = decide();
        given().get("/api/v1/decisions/" + later).then().statusCode(200)
                .body("rowChanges.find { it.decision == 'Escalation severity' }.change.changeId", equalTo(rowChange));
        verify().body("valid", equalTo(true));
    }

    @Test
    void aReloadIsAChangeRecordWithItsDiffByTableAndRow() {
        String before = given().get("/api/v1/policy").then().extract().path("version");
        PolicyEdits.sev1Threshold(rules, 16);
        String after = given().post("/api/v1/policy/reload").then().statusCode(200).body("accepted", is(true))
                .extract().path("versionInForce");
        JsonPath change = latest("RELOAD");
        assertEquals(before, change.getString("versionBefore"));
        assertEquals(after, change.getString("versionAfter"));
        assertEquals(1, change.getList("tables").size(), "only the edited table is listed");
        assertEquals(ESCALATION, change.getString("tables[0].key"));
        assertEquals(2, change.getInt("tables[0].changed"));
        assertEquals(0, change.getInt("tables[0].added") + change.getInt("tables[0].removed"));
        assertEquals(List.of("CHANGED", "CHANGED"), change.getList("tables[0].rows.change"));
        assertEquals(List.of("(5..16]", ">16"), List.of(change.getString("tables[0].rows[0].toCells[0]"),
                change.getString("tables[0].rows[1].toCells[0]")));
        assertEquals("(5..15]", change.getString("tables[0].rows[0].fromCells[0]"));
        assertEquals(List.of(0), change.getList("tables[0].rows[0].changedCells"));
        assertEquals(null, change.getString("author"), "a folder reload has no author");
    }

    @Test
    void aDecisionNamesTheChangeThatEditedItsDecidingRowAndTheChangeFindsTheDecision() {
        String earlier = decide();
        PolicyEdits.sev1Threshold(rules, 16);
        given().post("/api/v1/policy/reload").then().statusCode(200).body("accepted", is(true));
        String changeId = latest("RELOAD").getString("changeId");
        String id = decide();

        String ruleId = given().get("/api/v1/decisions/" + id).then().statusCode(200)
                .body("rowChanges.find { it.decision == 'Escalation severity' }.change.changeId", equalTo(changeId))
                .body("rowChanges.find { it.decision == 'Escalation severity' }.change.kind", equalTo("RELOAD"))
                .body("rowChanges.find { it.decision == 'Escalation severity' }.change.rowChange", equalTo("CHANGED"))
                .extract().path("rowChanges.find { it.decision == 'Escalation severity' }.ruleId");
        assertEquals(latest("RELOAD").getString("tables[0].rows[0].ruleId"), ruleId, "the (5..16] row decided");
        // the earlier decision's row was not made by that change
        given().get("/api/v1/decisions/" + earlier).then().statusCode(200)
                .body("rowChanges.find { it.decision == 'Escalation severity' }.change.changeId", not(equalTo(changeId)));

        given().get("/api/v1/decisions?change=" + changeId).then().statusCode(200)
                .body("items.decisionId", hasItem(id)).body("items.decisionId", not(hasItem(earlier)));
        given().get("/api/v1/decisions?change=00000000-0000-4000-8000-000000000000").then().statusCode(404);
    }

    @Test
    @ExpectedErrors("change records are tampered with on purpose")
    void verifyNamesAnEditedChangeRecord() throws Exception {
        PolicyEdits.sev1Threshold(rules, 16);
        given().post("/api/v1/policy/reload").then().statusCode(200).body("accepted", is(true));
        String id = latest("RELOAD").getString("changeId");
        var ds = database.dataSource();
        verify().body("valid", equalTo(true));

        String record = AuditDb.string(ds, "SELECT record FROM decision_record WHERE decision_id = ?", id);
        AuditDb.update(ds, "UPDATE decision_record SET record = ? WHERE decision_id = ?",
                record.replace("(5..16]", "(5..17]"), id);
        try {
            verify().body("valid", equalTo(false)).body("firstBadChangeId", equalTo(id))
                    .body("firstBadDecisionId", nullValue())
                    .body("problem", allOf(containsString("policy change " + id), containsString("edited")));
        } finally {
            AuditDb.update(ds, "UPDATE decision_record SET record = ? WHERE decision_id = ?", record, id);
        }
        verify().body("valid", equalTo(true));

        AuditDb.update(ds, "UPDATE decision_record SET caller = 'someone' WHERE decision_id = ?", id);
        try {
            verify().body("valid", equalTo(false)).body("firstBadChangeId", equalTo(id))
                    .body("problem", containsString("caller"));
        } finally {
            AuditDb.update(ds, "UPDATE decision_record SET caller = '(policy change)' WHERE decision_id = ?", id);
        }
        verify().body("valid", equalTo(true));
    }

    @Test
    @ExpectedErrors("change records are deleted on purpose")
    void verifyNamesADeletedChangeRecord() throws Exception {
        PolicyEdits.sev1Threshold(rules, 16);
        given().post("/api/v1/policy/reload").then().statusCode(200).body("accepted", is(true));
        String deleted = latest("RELOAD").getString("changeId");
        decide();
        Fixture.putBackInForce(rules); // a later change, which names the deleted one as the change before it
        assertNotEquals(deleted, latest("RELOAD").getString("changeId"));
        var ds = database.dataSource();
        long seq = Long.parseLong(AuditDb.string(ds, "SELECT seq FROM decision_record WHERE decision_id = ?", deleted));
        AuditDb.update(ds, "CREATE TABLE change_backup AS SELECT * FROM decision_record WHERE seq = ?", seq);
        try {
            AuditDb.update(ds, "DELETE FROM decision_record WHERE seq = ?", seq);
            verify().body("valid", equalTo(false)).body("firstBadSeq", equalTo((int) seq + 1))
                    .body("firstBadChangeId", equalTo(deleted))
                    .body("problem", allOf(containsString("missing"), containsString("policy change " + deleted)));
            given().get("/api/v1/policy/changes/" + deleted).then().statusCode(404);
            AuditDb.update(ds, "INSERT INTO decision_record SELECT * FROM change_backup");
        } finally {
            AuditDb.update(ds, "DROP TABLE change_backup");
        }
        verify().body("valid", equalTo(true));
    }

    @Test
    void changesAreSearchedByKindPersonAndTimeAndPaged() {
        PolicyEdits.sev1Threshold(rules, 16);
        given().post("/api/v1/policy/reload").then().statusCode(200).body("accepted", is(true));
        Fixture.putBackInForce(rules);
        JsonPath page = changes("kind=RELOAD&limit=1").extract().jsonPath();
        assertEquals(1, page.getList("items").size());
        String cursor = page.getString("nextCursor");
        JsonPath older = changes("kind=RELOAD&limit=1&cursor=" + cursor).extract().jsonPath();
        assertNotEquals(page.getString("items[0].changeId"), older.getString("items[0].changeId"));
        changes("kind=WATCHER").body("items", empty());
        changes("author=nobody-at-all").body("items", empty());
        changes("from=9999-01-01T00:00:00Z").body("items", empty());
        changes("kind=RELOAD&from=2000-01-01T00:00:00Z").body("items.kind", everyItem(equalTo("RELOAD")));
        given().get("/api/v1/policy/changes?kind=SOMETIMES").then().statusCode(422)
                .body("errors.field", hasItem("kind"));
        given().get("/api/v1/policy/changes/not-a-change").then().statusCode(404);
        // change records are never decisions
        given().get("/api/v1/decisions/" + page.getString("items[0].changeId")).then().statusCode(404);
        given().get("/api/v1/decisions?limit=500").then().statusCode(200)
                .body("items.decisionId", not(hasItem(page.getString("items[0].changeId"))));
    }

    static JsonPath latest(String kind) {
        String id = changes("kind=" + kind + "&limit=1").extract().path("items[0].changeId");
        return given().get("/api/v1/policy/changes/" + id).then().statusCode(200).extract().jsonPath();
    }

    static ValidatableResponse changes(String query) {
        return given().get("/api/v1/policy/changes?" + query).then().statusCode(200);
    }

    static ValidatableResponse verify() {
        return given().get("/api/v1/audit/verify").then().statusCode(200);
    }

    static String decide() {
        return given().contentType(ContentType.JSON).body(PolicyEdits.SIXTEEN_REPORTS).post("/api/v1/decisions").then()
                .statusCode(200).extract().path("decisionId");
    }
}
