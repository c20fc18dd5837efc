package com.incidents.severity.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.incidents.severity.audit.service.ReadLimits;
import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every metric the operators' dashboard shows is at /q/metrics once traffic has gone through. */
@QuarkusTest
class MetricsTest {

    @Inject
    ReadLimits limits;

    @Test
    void everyMetricAppearsAfterTraffic() throws Exception {
        for (int i = 0; i < 5; i++) { // the same facts twice or more: cache hits as well as misses
            given().contentType(ContentType.JSON).body("{\"partnerReports\":" + (i % 2 + 6) + "}")
                    .post("/api/v1/decisions").then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body("{\"partnerReports\":\"many\"}").post("/api/v1/decisions")
                .then().statusCode(422);
        given().contentType(ContentType.JSON).body("{\"partnerReports\":3,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}")
                .post("/api/v1/decisions").then().statusCode(413);
        given().auth().none().get("/api/v1/ping").then().statusCode(401);
        given().auth().preemptive().basic("editor", "editor").get("/api/v1/ping").then().statusCode(403);
        try (ReadLimits.Permit busy = limits.verify()) {
            given().get("/api/v1/audit/verify").then().statusCode(429);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String version = Pattern.quote(Fixture.files().version());
        for (String expected : List.of(
                "severity_decisions_total\\{basis=\"[A-Z]+\",policy_version=\"" + version + "\",severity=\"SEV\\d\"} [1-9]",
                "severity_decision_evaluation_seconds_bucket\\{le=",
                "severity_decisions_failed_total\\{policy_version=\"" + version + "\"} ",
                "severity_http_requests_seconds_bucket\\{endpoint=\"decide\",outcome=\"2xx\",le=",
                "severity_cache_hits_total [1-9]",
                "severity_cache_misses_total [1-9]",
                "severity_audit_queue_depth [0-9]",
                "severity_audit_batch_size_bucket\\{le=",
                "severity_audit_commit_seconds_bucket\\{le=",
                "severity_audit_commit_timeouts_total ",
                "severity_requests_rejected_total\\{reason=\"401\"} [1-9]",
                "severity_requests_rejected_total\\{reason=\"403\"} [1-9]",
                "severity_requests_rejected_total\\{reason=\"422\"} [1-9]",
                "severity_requests_rejected_total\\{reason=\"413\"} [1-9]",
                "severity_requests_rejected_total\\{reason=\"429\"} [1-9]",
                "severity_policy_reload_attempts_total [1-9]",
                "severity_policy_in_force\\{version=\"" + version + "\"} 1\\.0",
                "severity_degraded\\{reason=\"outcome_cache\"} 0\\.0",
                "severity_degraded\\{reason=\"policy_watcher\"} 0\\.0")) {
            assertTrue(Pattern.compile("(?m)^" + expected).matcher(metrics).find(), "missing " + expected + " in\n"
                    + metrics.lines().filter(l -> l.startsWith("severity_")).toList());
        }
        // and the operators' dashboard graphs only metrics that exist
        var dashboard = Pattern.compile("severity_[a-z_]+").matcher(
                java.nio.file.Files.readString(java.nio.file.Path.of("deploy/grafana/severity-dashboard.json")));
        while (dashboard.find()) {
            String name = dashboard.group();
            assertTrue(Pattern.compile("(?m)^" + name + "[{ ]").matcher(metrics).find(), "the dashboard's " + name);
        }
    }
}
