package com.incidents.severity.policy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import com.incidents.severity.support.logs.ExpectedErrors;

/** A broken rules folder does not take the service down: it runs, reports not ready, and answers 503. */
@ExpectedErrors("the service starts on a broken policy and logs why it serves none")
@QuarkusTest
@TestProfile(BrokenPolicyStartupTest.BrokenRules.class)
class BrokenPolicyStartupTest {

    public static class BrokenRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            var dir = Fixture.copyWithEdit("severity/combination.drl", drl -> drl.replace("modify ($a)", "modifyy ($a)"));
            return Map.of("severity.rules.dir", dir.toString());
        }
    }

    @Test
    void notReadyAndDecisionsAreRefusedWith503() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'policy' }.data.errors.level", everyItem(equalTo("ERROR")))
                .body("checks.find { it.name == 'policy' }.data.errors.file", hasItem(containsString("combination.drl")));
        given().contentType(ContentType.JSON).body("{\"partnerReports\":3}").post("/api/v1/decisions").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-unavailable"));
    }
}
