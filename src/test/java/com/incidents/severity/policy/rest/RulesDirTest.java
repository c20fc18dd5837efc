package com.incidents.severity.policy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.RulesCopy;

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
            // An editor decides that a C2 outage over 5 hours is SEV1 (and updates the scenario to match).
            var dir = RulesCopy.withEdit("incident-severity.dmn", dmn -> dmn.replaceFirst(
                    "<text>&quot;SEV2&quot;</text>(</outputEntry>\\s*<annotationEntry><text>Capability outage table, tier C2, more than 5 hours)",
                    "<text>&quot;SEV1&quot;</text>$1"));
            edit(dir.resolve("scenarios/capability-tables.csv"));
            return Map.of("severity.rules.dir", dir.toString());
        }

        private static void edit(java.nio.file.Path csv) {
            try {
                String text = java.nio.file.Files.readString(csv)
                        .replace("C2 outage lasting 301 minutes,,,,,C2,OUTAGE,301,,SEV2", "C2 outage lasting 301 minutes,,,,,C2,OUTAGE,301,,SEV1")
                        .replace("C2 outage lasting 1440 minutes,,,,,C2,OUTAGE,1440,,SEV2", "C2 outage lasting 1440 minutes,,,,,C2,OUTAGE,1440,,SEV1")
                        .replace("App deployment is C2),,,,App deployment,,OUTAGE,400,,SEV2", "App deployment is C2),,,,App deployment,,OUTAGE,400,,SEV1");
                java.nio.file.Files.writeString(csv, text);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
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
