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
        Console.as("editor").get("/ui/incidents").then().statusCode(403);
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
}
