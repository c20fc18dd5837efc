package com.incidents.severity.draft;

import static com.incidents.severity.draft.Drafts.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Drafts through the API on a service that serves a writable copy of the fixture: a draft shows its
 * row diff, validation and impact; approval needs another editor and holds only for the revision
 * approved; publish puts the version in force and writes the folder; a stale base is refused and
 * rebased (merged by row, or refused naming the row changed on both sides); an invalid draft is
 * never published; rollback is a draft of an earlier version.
 */
@QuarkusTest
@TestProfile(DraftsTest.OwnCopyAndDatabase.class)
class DraftsTest {

    public static class OwnCopyAndDatabase extends UnwatchedFixtureCopy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("severity.audit.data-dir", "./target/drafts-audit-" + System.nanoTime());
            return config;
        }
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @BeforeEach
    void startFromTheFixture() {
        PolicyEdits.restore(rules, CAPABILITY_CSV);
        Fixture.putBackInForce(rules);
    }

    private Map<String, byte[]> c2Change() throws Exception {
        return Map.of(PolicyEdits.DMN, c2Dmn(), CAPABILITY_CSV, c2Scenarios());
    }

    @Test
    void aDraftShowsItsRowDiffValidationAndImpact() throws Exception {
        assertEquals("SEV2", severity(C2_LONG_OUTAGE)); // a recorded decision the draft would change
        String id = create("C2 outages over 5 hours are SEV1", c2Change());
        given().get("/api/v1/policy/drafts/" + id).then().statusCode(200)
                .body("draft.author", equalTo("admin"))
                .body("draft.comment", equalTo("C2 outages over 5 hours are SEV1"))
                .body("draft.baseVersion", equalTo(Fixture.files().version()))
                .body("draft.state", equalTo("OPEN"))
                .body("draft.files.path", containsInAnyOrder(PolicyEdits.DMN, CAPABILITY_CSV))
                .body("baseInForce", is(true))
                .body("diff.size()", is(1))
                .body("diff[0].to.decision", equalTo("Capability severity"))
                .body("diff[0].changed", is(1))
                .body("diff[0].rows[0].from.id", equalTo("_r_428"))
                .body("diff[0].rows[0].changedCells", contains(3))
                .body("validation.accepted", is(true))
                .body("validation.scenariosFailed", is(0))
                .body("validation.scenarios.size()", greaterThan(10))
                .body("impact.changed", greaterThanOrEqualTo(1))
                .body("impact.bySeverity.find { it.from == 'SEV2' && it.to == 'SEV1' }.count", greaterThanOrEqualTo(1))
                .body("impact.examples[0].decisionId", notNullValue());
        given().get("/api/v1/policy/drafts").then().statusCode(200).body("id", hasItem(id));
    }

    @jakarta.inject.Inject
    com.incidents.severity.incident.service.DueWork due;

    /**
     * A publish re-decides every open incident under the new version (trigger POLICY, naming the
     * change), with no request to the incident; a resolved one stays as it was decided.
     */
    @Test
    void aPublishReDecidesTheOpenIncidents() throws Exception {
        String open = "POLICY-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String done = open + "-DONE";
        for (String key : java.util.List.of(open, done)) {
            given().contentType(io.restassured.http.ContentType.JSON).body(C2_LONG_OUTAGE).put("/api/v1/incidents/" + key)
                    .then().statusCode(201).body("severity", equalTo("SEV2"));
        }
        given().contentType(io.restassured.http.ContentType.JSON).header("If-Match", "\"1\"").body("{}")
                .post("/api/v1/incidents/" + done + "/resolve").then().statusCode(200);
        byte[] dmn = (new String(c2Dmn(), java.nio.charset.StandardCharsets.UTF_8) + "<!-- for open incidents -->\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8); // its own version, whatever other tests published
        String id = create("C2 outages over 5 hours are SEV1", Map.of(PolicyEdits.DMN, dmn, CAPABILITY_CSV, c2Scenarios()));
        review(id, "approve", "editor").statusCode(200);
        String version = publish(id).statusCode(200).body("trigger", equalTo("PUBLISH")).extract().path("version");
        String change = given().queryParam("kind", "PUBLISH").get("/api/v1/policy/changes").then().statusCode(200)
                .extract().path("items.find { it.versionAfter == '" + version + "' }.changeId");
        due.runDue();
        given().get("/api/v1/incidents/" + open).then().statusCode(200).body("severity", equalTo("SEV1"))
                .body("policyVersion", equalTo(version)).body("revision", is(1)).body("decisions", is(2));
        given().get("/api/v1/incidents/" + open + "/timeline").then()
                .body("decisions.trigger", contains("FACTS", "POLICY"))
                .body("decisions[1].changeId", equalTo(change))
                .body("decisions[1].severityBefore", equalTo("SEV2")).body("decisions[1].severity", equalTo("SEV1"))
                .body("events.findAll { it.type.endsWith('severity.changed') }.data.to", contains("SEV2", "SEV1"));
        given().get("/api/v1/incidents/" + done).then().body("severity", equalTo("SEV2")).body("decisions", is(2))
                .body("policyVersion", not(equalTo(version)));
        assertEquals(0, due.runDue(), "done once");
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    @Test
    void theAuthorCannotApproveTheirOwnDraft() throws Exception {
        String id = create("mine", c2Change());
        review(id, "approve", "admin").statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/self-approval")).body("detail", containsString("another policy editor"));
        publish(id).statusCode(409).body("type", equalTo("/problems/draft-not-approved"));
        assertEquals(Fixture.files().version(), inForce());
    }

    @Test
    void aDraftChangedAfterItsApprovalNeedsApprovingAgain() throws Exception {
        String id = create("C2 outages", Map.of(PolicyEdits.DMN, c2Dmn()));
        review(id, "approve", "editor").statusCode(200).body("approved", is(true)).body("review.by", equalTo("editor"));
        given().contentType("text/csv").body(c2Scenarios()).put("/api/v1/policy/drafts/" + id + "/files/" + CAPABILITY_CSV)
                .then().statusCode(200).body("approved", is(false)).body("state", equalTo("OPEN")).body("revision", is(2));
        publish(id).statusCode(409).body("type", equalTo("/problems/draft-not-approved"))
                .body("detail", containsString("changed after its approval"));
        assertEquals(Fixture.files().version(), inForce());
        review(id, "approve", "editor").statusCode(200);
        publish(id).statusCode(200);
    }

    @Test
    void anApprovedDraftPublishedIsInForceAndInTheFolderAndRollsBack() throws Exception {
        String before = inForce();
        String id = create("C2 outages over 5 hours are SEV1", c2Change());
        review(id, "approve", "editor").statusCode(200);
        String version = publish(id).statusCode(200).body("trigger", equalTo("PUBLISH"))
                .body("folderWritten", is(true)).extract().path("version");
        assertEquals(version, inForce());
        assertEquals("SEV1", severity(C2_LONG_OUTAGE));
        assertArrayEquals(c2Dmn(), Files.readAllBytes(rules.resolve(PolicyEdits.DMN)), "the folder holds what is in force");
        assertEquals(version, com.incidents.severity.policy.load.PolicyReader.fromDirectory(rules).version());
        given().get("/api/v1/policy/versions").then().body("[-1].trigger", equalTo("PUBLISH"));
        given().get("/api/v1/policy/drafts/" + id).then().body("draft.state", equalTo("PUBLISHED"))
                .body("draft.publishedVersion", equalTo(version)).body("draft.publisher", equalTo("admin"));
        publish(id).statusCode(409).body("type", equalTo("/problems/draft-closed"));
        // the publish is a change record in the audit chain, naming who wrote, approved and published it
        given().queryParam("kind", "PUBLISH").get("/api/v1/policy/changes").then().statusCode(200)
                .body("items.find { it.versionAfter == '" + version + "' }.author", equalTo("admin"))
                .body("items.find { it.versionAfter == '" + version + "' }.approver", equalTo("editor"))
                .body("items.find { it.versionAfter == '" + version + "' }.publisher", equalTo("admin"))
                .body("items.find { it.versionAfter == '" + version + "' }.comment", equalTo("C2 outages over 5 hours are SEV1"))
                .body("items.find { it.versionAfter == '" + version + "' }.rowsChanged", is(1));

        String rollback = given().multiPart("comment", "back to the fixture").multiPart("from", before)
                .post("/api/v1/policy/drafts").then().statusCode(201).extract().path("id");
        review(rollback, "approve", "editor").statusCode(200);
        publish(rollback).statusCode(200).body("trigger", equalTo("ROLLBACK")).body("version", equalTo(before));
        assertEquals("SEV2", severity(C2_LONG_OUTAGE));
    }

    @Test
    void anInvalidDraftIsNeverPublished() throws Exception {
        String id = create("scenarios not updated", Map.of(PolicyEdits.DMN, c2Dmn()));
        given().get("/api/v1/policy/drafts/" + id).then().statusCode(200)
                .body("validation.accepted", is(false)).body("validation.scenariosFailed", greaterThan(0))
                .body("validation.blocking.file", hasItem(CAPABILITY_CSV))
                .body("impact", nullValue()).body("impactUnavailable", containsString("refuse"));
        review(id, "approve", "editor").statusCode(200);
        publish(id).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-refused"))
                .body("diagnostics.file", hasItem(CAPABILITY_CSV));
        assertEquals(Fixture.files().version(), inForce());
        assertEquals("SEV2", severity(C2_LONG_OUTAGE));
        given().get("/api/v1/policy/drafts/" + id).then().body("draft.state", equalTo("APPROVED"));
    }

    /** The version in force moved on (escalation rows and scenarios) while the draft changed a capability row. */
    @Test
    void aStaleBaseIsRefusedAndRebasedOntoTheVersionInForce() throws Exception {
        String id = create("C2 outages", c2Change());
        review(id, "approve", "editor").statusCode(200);
        PolicyEdits.sev1Threshold(rules, 20);
        given().post("/api/v1/policy/reload").then().statusCode(200).body("changed", is(true));
        String moved = inForce();
        publish(id).statusCode(409).body("type", equalTo("/problems/stale-base"))
                .body("versionInForce", equalTo(moved)).body("rebase", equalTo("/api/v1/policy/drafts/" + id + "/rebase"));
        given().post("/api/v1/policy/drafts/" + id + "/rebase").then().statusCode(200)
                .body("baseVersion", equalTo(moved)).body("approved", is(false));
        review(id, "approve", "editor").statusCode(200);
        publish(id).statusCode(200);
        assertEquals("SEV1", severity(C2_LONG_OUTAGE), "the draft's row");
        assertEquals("SEV2", severity(PolicyEdits.SIXTEEN_REPORTS), "the version in force's rows");
    }

    @Test
    void aRebaseWhereBothSidesChangedTheSameRowNamesIt() throws Exception {
        String id = create("C2 outages", c2Change());
        PolicyEdits.edit(rules, PolicyEdits.DMN, dmn -> dmn.replace(
                "Capability outage table, tier C2, more than 5 hours: SEV 2.", "C2 outages over 5 hours: SEV 2."));
        given().post("/api/v1/policy/reload").then().statusCode(200).body("changed", is(true));
        String draftBase = given().get("/api/v1/policy/drafts/" + id).then().extract().path("draft.baseVersion");
        given().post("/api/v1/policy/drafts/" + id + "/rebase").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/rebase-conflict"))
                .body("conflicts.size()", is(1))
                .body("conflicts[0].file", equalTo(PolicyEdits.DMN))
                .body("conflicts[0].table", equalTo("Capability severity"))
                .body("conflicts[0].ruleId", equalTo("_r_428"));
        given().get("/api/v1/policy/drafts/" + id).then().body("draft.baseVersion", equalTo(draftBase));
    }

    @Test
    void hostilePartNamesAndPathsAreRefusedAsPreviewRefusesThem() throws Exception {
        start("hostile", Map.of("../../etc/passwd", "x".getBytes(StandardCharsets.UTF_8))).statusCode(422)
                .body("type", equalTo("/problems/invalid-request")).body("errors[0].message", containsString("not a relative path"));
        start("typo", Map.of("file", c2Dmn())).statusCode(422).body("errors[0].message", containsString("no file of the policy"));
        start("", Map.of(PolicyEdits.DMN, c2Dmn())).statusCode(422).body("errors[0].field", equalTo("comment"));
        String id = create("ok", Map.of());
        given().contentType("text/plain").body("x").put("/api/v1/policy/drafts/" + id + "/files/..%2F..%2Fescaped.dmn")
                .then().statusCode(422).body("type", equalTo("/problems/invalid-request"));
        given().contentType("text/plain").body("x").put("/api/v1/policy/drafts/" + id + "/files/META-INF/x%00.xml")
                .then().statusCode(422);
        assertEquals(false, Files.exists(rules.getParent().resolve("escaped.dmn")));
        given().get("/api/v1/policy/drafts/" + id).then().body("draft.files", empty());
    }

    @Test
    void readingDraftsIsForEditorsAndAuditorsAndChangingThemForEditors() throws Exception {
        String id = create("roles", Map.of());
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/policy/drafts/" + id).then().statusCode(200);
        given().auth().preemptive().basic("client", "client").get("/api/v1/policy/drafts").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("auditor", "auditor").post("/api/v1/policy/drafts/" + id + "/publish").then()
                .statusCode(403);
        given().auth().preemptive().basic("auditor", "auditor").contentType(ContentType.JSON).body("{\"comment\":\"x\"}")
                .post("/api/v1/policy/drafts/" + id + "/approve").then().statusCode(403);
    }

    @Test
    void anAbandonedDraftStaysListedAndCannotChange() throws Exception {
        String id = create("to be dropped", Map.of());
        given().delete("/api/v1/policy/drafts/" + id).then().statusCode(200).body("state", equalTo("ABANDONED"));
        given().get("/api/v1/policy/drafts").then().body("find { it.id == '" + id + "' }.state", equalTo("ABANDONED"));
        given().contentType("text/csv").body(c2Scenarios()).put("/api/v1/policy/drafts/" + id + "/files/" + CAPABILITY_CSV)
                .then().statusCode(409).body("type", equalTo("/problems/draft-closed"));
        given().get("/api/v1/policy/drafts/no-such-draft").then().statusCode(404).body("type", equalTo("/problems/draft-not-found"));
    }
}
