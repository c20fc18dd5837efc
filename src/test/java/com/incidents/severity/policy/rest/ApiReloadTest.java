package com.incidents.severity.policy.rest;

import static com.incidents.severity.support.PolicyEdits.SIXTEEN_REPORTS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** POST /api/v1/policy/reload puts an edited table cell in force; decisions answer with it at once. */
@QuarkusTest
@TestProfile(ApiReloadTest.Unwatched.class)
class ApiReloadTest {

    public static class Unwatched extends UnwatchedFixtureCopy {
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    /** Each test starts from the fixture in force, whatever an earlier one left. */
    @BeforeEach
    void startFromTheFixture() {
        Fixture.putBackInForce(rules);
    }

    @Test
    void anEditedCellGoesLiveOnReloadAndTheOldVersionIsRetired() {
        String before = decide("SEV1");
        PolicyEdits.sev1Threshold(rules, 16);

        String after = given().post("/api/v1/policy/reload").then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("accepted", is(true)).body("changed", is(true)).body("trigger", equalTo("API"))
                .body("diagnostics", empty()).body("scenarios", greaterThan(50)).body("scenariosFailed", is(0))
                .body("durationMs", greaterThan(0))
                .body("origin", equalTo(rules.toAbsolutePath().normalize().toString()))
                .extract().path("versionInForce");
        assertNotEquals(before, after);
        given().post("/api/v1/policy/reload").then().statusCode(200).body("candidateVersion", equalTo(after));

        org.junit.jupiter.api.Assertions.assertEquals(after, decide("SEV2"));
        given().get("/api/v1/policy/versions").then().statusCode(200)
                .body("version", hasItems(before, after))
                .body("find { it.version == '" + before + "' }.retiredAt", notNullValue())
                .body("find { it.version == '" + after + "' }.retiredAt", nullValue())
                .body("find { it.version == '" + after + "' }.trigger", equalTo("API"));
    }

    @Test
    void reloadingUnchangedFilesKeepsTheVersionInForce() {
        String version = given().get("/api/v1/policy").then().extract().path("version");
        given().post("/api/v1/policy/reload").then().statusCode(200)
                .body("accepted", is(true)).body("changed", is(false))
                .body("versionInForce", equalTo(version)).body("candidateVersion", equalTo(version));
    }

    /**
     * A policy the cache check does not understand (FEEL that reads the clock) is served with the
     * outcome cache off, and the policy view and readiness say why; decisions still answer.
     */
    @Test
    void aPolicyThatReadsTheClockIsServedWithTheCacheOffAndSaysWhy() {
        given().get("/api/v1/policy").then().statusCode(200).body("outcomeCache", equalTo("on"));
        PolicyEdits.edit(rules, PolicyEdits.DMN, dmn -> dmn.replaceFirst("<text>&quot;HIGH&quot;</text></outputEntry>",
                "<text>if today() = null then &quot;NONE&quot; else &quot;HIGH&quot;</text></outputEntry>"));
        given().post("/api/v1/policy/reload").then().statusCode(200).body("accepted", is(true));

        String status = given().get("/api/v1/policy").then().statusCode(200)
                .body("outcomeCache", allOf(startsWith("off: "), containsString("today()"))).extract().path("outcomeCache");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'policy' }.data.outcomeCache", equalTo(status))
                .body("checks.find { it.name == 'policy' }.data.degraded", hasItem("outcome_cache"));
        decide("SEV1");
    }

    private static String decide(String severity) {
        return given().contentType(ContentType.JSON).body(SIXTEEN_REPORTS).post("/api/v1/decisions").then()
                .statusCode(200).body("severity", equalTo(severity)).extract().path("policyVersion");
    }
}
