package com.incidents.severity.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A policy names its own severities: one whose most severe level is called "SEV1-CRITICAL-OUTAGE"
 * (20 characters; the audit column once held 8) has its decisions recorded and found like any other.
 */
@QuarkusTest
@TestProfile(LongOutcomeNamesTest.LongNames.class)
class LongOutcomeNamesTest {

    static final String LONG = "SEV1-CRITICAL-OUTAGE";

    public static class LongNames implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = Fixture.copy();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Files.writeString(file, Files.readString(file).replace("SEV1", LONG));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("severity.rules.dir", dir.toString(), "severity.audit.data-dir",
                    dir.resolveSibling(dir.getFileName() + "-audit").toString());
        }
    }

    @Test
    void aDecisionWithALongSeverityIsRecordedAndFound() {
        String id = given().auth().preemptive().basic("client", "client").contentType(ContentType.JSON)
                .body("{\"partnerReports\":16}").post("/api/v1/decisions").then()
                .statusCode(200).body("severity", equalTo(LONG)).extract().path("decisionId");
        given().auth().preemptive().basic("auditor", "auditor").get("/api/v1/decisions/" + id).then()
                .statusCode(200).body("result.severity", equalTo(LONG));
        given().auth().preemptive().basic("auditor", "auditor").queryParam("severity", LONG)
                .get("/api/v1/decisions").then().statusCode(200).body("items.decisionId", org.hamcrest.Matchers.hasItem(id));
    }
}
