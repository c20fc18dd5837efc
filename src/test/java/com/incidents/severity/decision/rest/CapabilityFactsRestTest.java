package com.incidents.severity.decision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Under the shipped rules the engine's outcome, not a copy of its rules, says which facts a request needs. */
@QuarkusTest
class CapabilityFactsRestTest {

    @Test
    void countsWithIncompleteCapabilityFactsAreDecidedByTheImpactMatrix() {
        given().contentType(ContentType.JSON)
                .body("{\"impactLevel\":\"MAJOR\",\"affectedUsers\":2000,\"capabilityTier\":\"C1\"}")
                .post("/api/v1/decisions").then()
                .statusCode(200)
                .body("decisionId", not(emptyOrNullString()));
    }

    @Test
    void incompleteCapabilityFactsAreRefusedNamingEachAndNotRecorded() {
        Instant before = Instant.now().minusSeconds(1);
        String client = "capability-facts-" + System.nanoTime();
        given().contentType(ContentType.JSON).header("X-Client-Id", client)
                .body("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":5}")
                .post("/api/v1/decisions").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).header("X-Client-Id", client)
                .body("{\"incidentType\":\"OUTAGE\"}")
                .post("/api/v1/decisions").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("capability", "durationMinutes"))
                .body("errors.message", everyItem(containsString("capability framework")));

        given().queryParam("from", before.toString()).queryParam("clientLabel", client)
                .get("/api/v1/decisions").then()
                .statusCode(200)
                .body("items", hasSize(1)); // the decided request only
    }
}
