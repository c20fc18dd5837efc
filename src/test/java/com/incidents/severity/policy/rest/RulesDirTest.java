package com.incidents.severity.policy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** severity.rules.dir points the service at another rules folder, edited without Java. */
@QuarkusTest
@TestProfile(RulesDirTest.EditedRules.class)
class RulesDirTest {

    public static class EditedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // An editor decides that a C2 outage over 5 hours is SEV1 (and updates the scenarios to match).
            var dir = Fixture.copyWithEdit(PolicyEdits.DMN, PolicyEdits::c2LongOutageIsSev1);
            PolicyEdits.edit(dir, "scenarios/capability-tables.csv", PolicyEdits::c2LongOutageScenarios);
            return Map.of("severity.rules.dir", dir.toString());
        }
    }

    @Test
    void theEditedFolderDecides() {
        given().contentType(ContentType.JSON)
                .body("{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":301}")
                .post("/api/v1/decisions").then()
                .statusCode(200)
                .body("severity", equalTo("SEV1"))
                .body("firedRules.find { it.decision == 'Capability severity' }.outputs.'Capability severity'", equalTo("SEV1"));
    }
}
