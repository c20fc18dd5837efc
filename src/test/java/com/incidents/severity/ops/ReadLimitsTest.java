package com.incidents.severity.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.incidents.severity.audit.service.ReadLimits;
import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.contract.ServedContract;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Readers cannot starve the writer: with every connection of the reader pool held, decisions are
 * still recorded and answered, and the service stays ready. Exports and verifications beyond their
 * limit are refused at once with a 429 and Retry-After, as the served contract documents.
 */
@QuarkusTest
@TestProfile(ReadLimitsTest.OneOfEach.class)
class ReadLimitsTest {

    public static class OneOfEach implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.audit.reads.max-exports", "1", "severity.audit.reads.max-verifies", "1",
                    "quarkus.datasource.\"h2\".jdbc.max-size", "4", "quarkus.datasource.\"h2\".jdbc.acquisition-timeout", "2s",
                    "severity.audit.data-dir", "./target/read-limits-" + System.nanoTime());
        }
    }

    @Inject
    AuditDatabase database;

    @Inject
    ReadLimits limits;

    @Test
    void aStarvedReaderPoolCannotBlockTheWriter() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) { // what four slow exports would hold
                held.add(database.dataSource().getConnection());
            }
            for (int i = 0; i < 20; i++) { // a writer on the pool would wait 2 s for a connection, then answer 503
                var answer = given().contentType(ContentType.JSON).body("{\"partnerReports\":" + i + "}")
                        .post("/api/v1/decisions");
                assertEquals(200, answer.statusCode(), answer.asString());
            }
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void exportsAndVerificationsBeyondTheirLimitAre429WithRetryAfter() {
        ServedContract contract = ServedContract.fetch();
        try (ReadLimits.Permit running = limits.export()) { // an export already running
            contract.check(Request.Method.GET, "/api/v1/decisions/export", given().get("/api/v1/decisions/export"))
                    .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("/problems/too-many-reads"));
            given().get("/api/v1/audit/verify").then().statusCode(200); // the other limit is its own
        }
        given().get("/api/v1/decisions/export").then().statusCode(200);
        given().get("/api/v1/decisions/export").then().statusCode(200); // the permit was given back
        try (ReadLimits.Permit running = limits.verify()) {
            contract.check(Request.Method.GET, "/api/v1/audit/verify", given().get("/api/v1/audit/verify"))
                    .then().statusCode(429).header("Retry-After", "5");
        }
        contract.check(Request.Method.GET, "/api/v1/audit/verify", given().get("/api/v1/audit/verify"))
                .then().statusCode(200);
    }
}
