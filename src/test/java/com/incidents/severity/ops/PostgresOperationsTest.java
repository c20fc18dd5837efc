package com.incidents.severity.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.incidents.severity.audit.store.AuditDatabase;
import com.incidents.severity.support.AuditDb;
import com.incidents.severity.support.RestartablePostgres;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import com.incidents.severity.support.logs.ExpectedErrors;

/**
 * The audit store on a real PostgreSQL server, failing as it does in production: stopped (readiness
 * DOWN, decisions 503, UP again once it is back) and slow (its chain head locked by another
 * session: the decision is answered 503 within the commit timeout and is never recorded).
 */
@ExpectedErrors("the database is stopped and locked on purpose")
@QuarkusTest
@TestProfile(PostgresOperationsTest.ShortCommitTimeout.class)
@QuarkusTestResource(value = RestartablePostgres.class, restrictToAnnotatedClass = true)
class PostgresOperationsTest {

    public static class ShortCommitTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.audit.commit-timeout", "1s", "severity.audit.reads.statement-timeout", "1s");
        }
    }

    @Inject
    AuditDatabase database;

    @Test
    void anUnreachableDatabaseMakesTheServiceNotReadyUntilItIsBack() throws Exception {
        decide("before-" + UUID.randomUUID()).then().statusCode(200);
        RestartablePostgres.down();
        try {
            JsonPath down = ready().then().statusCode(503).extract().jsonPath();
            JsonPath audit = new JsonPath(down.prettify()).setRootPath("checks.find { it.name == 'audit-store' }");
            assertEquals("DOWN", audit.getString("status"));
            assertEquals(false, audit.getBoolean("data.reachable"));
            assertEquals("alive", audit.getString("data.writer"));
            long t0 = System.nanoTime();
            decide("while-down").then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("/problems/audit-unavailable"));
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "answered, not left hanging");
        } finally {
            RestartablePostgres.up();
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (ready().statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200); // polling with a deadline
        }
        ready().then().statusCode(200);
        String caller = "after-" + UUID.randomUUID();
        while (decide(caller).statusCode() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200); // the writer's broken connection is replaced on its first failure
        }
        decide(caller).then().statusCode(200);
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aCommitSlowerThanTheTimeoutIsA503AndLeavesNothingRecorded() throws Exception {
        String caller = "slow-" + UUID.randomUUID();
        try (Connection holder = database.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
                lock.executeQuery().close(); // the head is locked: the writer's batch cannot commit
            }
            long t0 = System.nanoTime();
            Response answer = decide(caller);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            answer.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", equalTo("/problems/audit-unavailable"));
            assertTrue(ms >= 900 && ms < 5_000, "answered at the 1 s commit timeout, not before or much later: " + ms);
            holder.rollback();
        }
        decide("next-" + UUID.randomUUID()).then().statusCode(200);
        assertEquals("0", AuditDb.string(database.dataSource(), "SELECT COUNT(*) FROM decision_record WHERE caller = ?",
                "client:" + caller), "the decision answered 503 is not recorded");
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aVerificationPastItsStatementTimeoutIsA503NotAHang() throws Exception {
        decide("verify-" + UUID.randomUUID()).then().statusCode(200);
        try (Connection holder = database.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.createStatement()) { // a maintenance job holding the table: reads wait
                lock.execute("LOCK TABLE decision_record IN ACCESS EXCLUSIVE MODE");
            }
            long t0 = System.nanoTime();
            com.incidents.severity.contract.ServedContract.fetch().check(
                    com.atlassian.oai.validator.model.Request.Method.GET, "/api/v1/audit/verify",
                    given().get("/api/v1/audit/verify"))
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "30")
                    .body("type", equalTo("/problems/read-timed-out"));
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "stopped at the 1 s statement timeout");
            holder.rollback();
        }
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    private static Response decide(String caller) {
        return given().contentType(ContentType.JSON).header("X-Client-Id", caller).body("{\"partnerReports\":6}")
                .post("/api/v1/decisions");
    }

    private static Response ready() {
        return given().get("/q/health/ready");
    }
}
