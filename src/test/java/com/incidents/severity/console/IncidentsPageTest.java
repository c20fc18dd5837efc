package com.incidents.severity.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The open incidents page: in the policy's words, an override named as such, a resolved incident gone. */
@QuarkusTest
class IncidentsPageTest {

    @Test
    void openIncidentsShowSeverityNextEscalationAndTargetsInWords() {
        String key = "PAGE-" + UUID.randomUUID().toString().substring(0, 8);
        String done = key + "-DONE";
        Instant started = Instant.now().minus(90, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        given().contentType(ContentType.JSON).body("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\""
                + started + "\",\"pagedAt\":\"" + started.plus(5, ChronoUnit.MINUTES) + "\"}")
                .put("/api/v1/incidents/" + key).then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"partnerReports\":1}").put("/api/v1/incidents/" + done).then()
                .statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{}")
                .post("/api/v1/incidents/" + done + "/resolve").then().statusCode(200);
        given().auth().preemptive().basic("responder", "responder").contentType(ContentType.JSON)
                .body("{\"severity\":\"SEV1\",\"reason\":\"page test\"}").post("/api/v1/incidents/" + key + "/override")
                .then().statusCode(200);
        Console.as("responder").get("/ui/incidents").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("data-incident=\"" + key + "\""))
                .body(containsString("SEV1 <span class=\"meta\">(set by hand; the policy says SEV2)</span>"))
                .body(containsString("SEV1 in <time datetime=\"" + started.plus(120, ChronoUnit.MINUTES) + "\""))
                .body(containsString("Investigation missed by 1 h 10 min"))
                .body(containsString("Status update missed by 30 min"))
                .body(not(containsString("data-incident=\"" + done + "\"")))
                .body(not(containsString("engineSeverity")))
                .body(containsString("<td>1 h 30 min</td>")) // open since it started, not since the service heard of it
                .body(containsString("href=\"/ui/incidents\">Incidents</a>"))
                .body(not(containsString("href=\"/ui/policy\">Policy</a>"))); // a page a responder cannot open
        Console.as("client").get("/ui/incidents").then().statusCode(200);
        // its timeline: why each decision was made, the severity before and after, the rows
        Console.as("auditor").get("/ui/incidents/" + key).then().statusCode(200)
                .body(containsString("<td>Opened</td>"))
                .body(containsString("Set by hand to SEV1: page test"))
                .body(containsString("none → SEV2"))
                .body(containsString("SEV2 → SEV1 <span class=\"meta\">(the policy says SEV2)</span>"))
                .body(containsString("Capability severity#"))
                .body(containsString("override.set"));
        Console.as("auditor").get("/ui/incidents/NO-SUCH").then().statusCode(404)
                .body(containsString("No incident <code>NO-SUCH</code> is followed"));
    }

    /** An override becomes a candidate scenario row, and a policy editor starts a draft with it, which fails until the policy agrees. */
    @Test
    void anOverrideBecomesACandidateScenarioRowAndAnEditorStartsADraftWithIt() {
        String key = "SCEN-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":400}")
                .put("/api/v1/incidents/" + key).then().statusCode(201);
        String set = given().auth().preemptive().basic("responder", "responder").contentType(ContentType.JSON)
                .body("{\"severity\":\"SEV1\",\"reason\":\"customers, \\\"payments\\\" down\\nall day\"}")
                .post("/api/v1/incidents/" + key + "/override").then().statusCode(200).extract().path("latestDecisionId");
        String row = "Incident " + key + " set to SEV1 by responder: customers, \"payments\" down all day";
        String csvRow = "\"" + row.replace("\"", "\"\"") + "\",,,,,C2,OUTAGE,400,,SEV1,\n";
        String csv = Console.as("responder").get("/ui/incidents/" + key + "/scenario/" + set)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(
                "description,impactLevel,affectedUsers,affectedApps,capability,capabilityTier,incidentType,durationMinutes,"
                        + "partnerReports,expectedSeverity,expectedBasis\n" + csvRow, csv);
        // the timeline offers it; a responder is told an editor can start a draft with it
        var responder = Console.as("responder").get("/ui/incidents/" + key).then().statusCode(200)
                .body(containsString("data-decision-id=\"" + set + "\" data-file=\"scenarios/capability-tables.csv\""))
                .body(containsString("SEV1 set by hand where the policy gives SEV2"))
                .body(containsString("A policy editor can start a policy draft with this row"))
                .body(not(containsString("action=\"/ui/incidents/" + key + "/scenario/"))).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(responder.contains("&quot;payments&quot;"), "the row, escaped in the page");
        // the responder cannot start a draft; a decision that is no override is not a case
        var cookies = Console.signIn("responder");
        given().auth().none().cookies(cookies).formParam("csrf-token", Console.formToken(cookies, "/ui/incidents/" + key))
                .post("/ui/incidents/" + key + "/scenario/" + set).then().statusCode(403);
        String opened = given().get("/api/v1/incidents/" + key + "/timeline").then().extract().path("decisions[0].decisionId");
        Console.as("responder").get("/ui/incidents/" + key + "/scenario/" + opened)
                .then().statusCode(404);

        // a policy editor starts the draft from the page: the row is in the capability scenarios, and fails
        var editor = Console.signIn("editor");
        given().auth().none().redirects().follow(false).cookies(editor).formParam("csrf-token", "forged")
                .post("/ui/incidents/" + key + "/scenario/" + set).then().statusCode(403);
        String location = given().auth().none().redirects().follow(false).cookies(editor)
                .formParam("csrf-token", Console.formToken(editor, "/ui/incidents/" + key))
                .post("/ui/incidents/" + key + "/scenario/" + set).then().statusCode(303).extract().header("Location");
        String draft = location.substring(location.lastIndexOf('/') + 1);
        given().get("/api/v1/policy/drafts/" + draft).then().statusCode(200)
                .body("draft.author", org.hamcrest.Matchers.equalTo("editor"))
                .body("draft.comment", containsString("Scenario from incident " + key))
                .body("validation.accepted", org.hamcrest.Matchers.is(false))
                .body("validation.scenarios.find { it.description == '" + row.replace("'", "\\'") + "' }.passed",
                        org.hamcrest.Matchers.is(false));
        String patch = given().get("/api/v1/policy/drafts/" + draft + "/patch").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(patch.contains("+++ b/scenarios/capability-tables.csv")
                && patch.contains("\n+" + csvRow), patch);
        given().delete("/api/v1/policy/drafts/" + draft).then().statusCode(200);
    }
}
