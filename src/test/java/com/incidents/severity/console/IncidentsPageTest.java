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
                .body(not(containsString("engineSeverity")));
        Console.as("editor").get("/ui/incidents").then().statusCode(403);
    }
}
