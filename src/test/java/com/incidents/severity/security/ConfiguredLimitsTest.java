package com.incidents.severity.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.contract.DocumentedOperation;
import com.incidents.severity.contract.ServedContract;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A tiny rate limit (a burst of 2, one more per hour), small batch and page sizes and metrics
 * behind the auditor role: the served document states the sizes; a
 * client over its limit gets 429 with Retry-After, on every operation as the served document says,
 * while other clients go on; metrics ask for the role.
 */
@QuarkusTest
@TestProfile(ConfiguredLimitsTest.Tiny.class)
class ConfiguredLimitsTest {

    public static class Tiny implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.security.rate-limit.requests", "1", "severity.security.rate-limit.period", "1h",
                    "severity.security.rate-limit.burst", "2", "severity.security.metrics-role", Roles.AUDITOR,
                    "severity.decisions.max-batch-items", "3", "severity.audit.max-page-size", "7");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersGoOn() {
        for (int i = 0; i < 2; i++) {
            given().auth().preemptive().basic("client", "client").get("/api/v1/ping").then().statusCode(200);
        }
        var refused = given().auth().preemptive().basic("client", "client").get("/api/v1/capabilities")
                .then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/rate-limited")).body("status", equalTo(429)).extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        given().auth().preemptive().basic("editor", "editor").get("/api/v1/policy").then().statusCode(200);
        given().auth().none().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * Every operation of the served document answers a client over its limit with the 429 it
     * documents (problem body, Retry-After). The client is admin, whom no other test here uses on /api.
     */
    @Test
    void everyOperationAnswersAClientOverItsLimitWith429AsDocumented() {
        ServedContract contract = ServedContract.fetch();
        int admitted = 0;
        while (given().get("/api/v1/ping").statusCode() == 200) {
            assertTrue(++admitted <= 2, "the burst is 2");
        }
        var operations = DocumentedOperation.all(contract);
        assertFalse(operations.isEmpty());
        for (DocumentedOperation operation : operations) {
            operation.sendAndCheck(contract, given()).then().statusCode(429).contentType("application/problem+json")
                    .body("type", equalTo("/problems/rate-limited")).header("Retry-After", matchesRegex("[1-9][0-9]*"));
        }
    }

    /** The served document states the batch size and page size this deployment is configured with. */
    @Test
    void theServedDocumentStatesTheConfiguredSizeLimits() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ServedContract.fetch().document());
        assertEquals(3, doc.at("/paths/~1api~1v1~1decisions~1batch/post/requestBody/content/application~1json/schema/maxItems")
                .asInt());
        var limit = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
        doc.at("/paths/~1api~1v1~1decisions/get/parameters").forEach(p -> {
            if ("limit".equals(p.path("name").asText())) {
                limit.add(p);
            }
        });
        assertEquals(1, limit.size(), "listDecisions documents limit");
        assertEquals(7, limit.get(0).at("/schema/maximum").asInt());
    }

    @Test
    void metricsAskForTheConfiguredRole() {
        given().auth().none().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWithIgnoringCase("basic"));
        given().auth().preemptive().basic("editor", "editor").get("/q/metrics").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("auditor", "auditor").get("/q/metrics").then().statusCode(200);
    }
}
