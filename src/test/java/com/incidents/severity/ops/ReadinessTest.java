package com.incidents.severity.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import com.incidents.severity.support.logs.ExpectedErrors;

/**
 * Readiness on the embedded store, with a watched policy folder and the outcome cache off: a dead
 * audit writer thread turns it DOWN; a dead folder watcher is reported as degraded (and in
 * {@code severity_degraded}); the cache being off is reported as degraded throughout. The checks
 * only read: each component starts its dead thread again by itself ({@code restart-after}, 3 s
 * here), with no probe asked. The threads are really ended, as an Error would end them.
 */
@ExpectedErrors("the audit writer and the watcher are killed on purpose")
@QuarkusTest
@TestProfile(ReadinessTest.WatchedWithoutCache.class)
class ReadinessTest {

    public static class WatchedWithoutCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.rules.dir", Fixture.copy().toString(), "severity.reload.watch", "true",
                    "severity.cache.max-entries", "0", "severity.audit.data-dir", "./target/readiness-" + System.nanoTime(),
                    "severity.audit.restart-after", "3s", "severity.reload.restart-after", "3s");
        }
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    @Test
    void aDeadAuditWriterMakesTheServiceNotReadyUntilItStartsAgainByItself() throws Exception {
        decide().then().statusCode(200);
        ready().then().statusCode(200).body("checks.find { it.name == 'audit-store' }.data.writer", equalTo("alive"));

        Threads.kill("audit-writer");
        decide().then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1").body("type", equalTo("/problems/audit-unavailable"));
        JsonPath down = ready().then().statusCode(503).extract().jsonPath();
        assertEquals("DOWN", down.getString("status"));
        assertEquals("DOWN", check(down, "audit-store").getString("status"));
        assertEquals("dead", check(down, "audit-store").getString("data.writer"));
        assertEquals("ThreadDeath", check(down, "audit-store").getString("data.writerDiedOf"));
        assertEquals("UP", check(down, "policy").getString("status"), "each dependency is its own check");
        org.junit.jupiter.api.Assertions.assertNull(check(down, "audit-store").get("data.writerRestarted"), "the check restarts nothing");
        ready().then().statusCode(503);

        await(() -> decide().statusCode() == 200); // no probe asked: the writer started again by itself
        JsonPath up = ready().then().statusCode(200).extract().jsonPath();
        assertEquals("alive", check(up, "audit-store").getString("data.writer"));
        given().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void aDeadWatcherIsReportedAsDegradedAndStartsAgainByItself() throws Exception {
        JsonPath before = ready().then().statusCode(200).extract().jsonPath();
        assertEquals(true, check(before, "policy-watcher").getBoolean("data.alive"));
        assertEquals(java.util.List.of("outcome_cache"), check(before, "policy").getList("data.degraded"));
        assertTrue(metrics().contains("severity_degraded{reason=\"policy_watcher\"} 0.0"), "watcher not degraded yet");

        Threads.kill("policy-watch");
        assertTrue(metrics().contains("severity_degraded{reason=\"policy_watcher\"} 1.0"));
        assertTrue(metrics().contains("severity_degraded{reason=\"outcome_cache\"} 1.0"));
        JsonPath degraded = ready().then().statusCode(200).extract().jsonPath(); // decisions are still right
        assertEquals(false, check(degraded, "policy-watcher").getBoolean("data.alive"));
        assertEquals(true, check(degraded, "policy-watcher").getBoolean("data.degraded"));
        org.junit.jupiter.api.Assertions.assertNull(check(degraded, "policy-watcher").get("data.restarted"), "the check restarts nothing");
        assertTrue(check(degraded, "policy").getList("data.degraded").contains("policy_watcher"));

        await(() -> metrics().contains("severity_degraded{reason=\"policy_watcher\"} 0.0")); // no probe asked
        JsonPath again = ready().then().statusCode(200).extract().jsonPath();
        assertEquals(true, check(again, "policy-watcher").getBoolean("data.alive"));
        try { // and the new watcher does its job: a saved edit goes live
            PolicyEdits.sev1Threshold(rules, 16);
            long deadline = System.currentTimeMillis() + 15_000;
            while (!"SEV2".equals(sixteenReports()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100); // polling with a deadline
            }
            assertEquals("SEV2", sixteenReports());
        } finally {
            Fixture.putBackInForce(rules);
        }
    }

    private static String sixteenReports() {
        return given().contentType(ContentType.JSON).body(PolicyEdits.SIXTEEN_REPORTS).post("/api/v1/decisions")
                .then().statusCode(200).extract().path("severity");
    }

    private static Response decide() {
        return given().contentType(ContentType.JSON).body("{\"partnerReports\":6}").post("/api/v1/decisions");
    }

    private static Response ready() {
        return given().get("/q/health/ready");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static JsonPath check(JsonPath health, String name) {
        return new JsonPath(health.prettify()).setRootPath("checks.find { it.name == '" + name + "' }");
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // polling with a deadline, not waiting for an event
        }
        assertTrue(done.getAsBoolean(), "not within 20 s");
    }
}
