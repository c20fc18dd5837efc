package com.incidents.severity.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A what-if preview reports exactly the recorded decisions a known edit of the fixture policy (the
 * policy in force) would change, and nothing goes live.
 */
@QuarkusTest
@TestProfile(PreviewTest.OwnDatabase.class)
class PreviewTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.audit.data-dir", "./target/preview-audit-" + System.nanoTime());
        }
    }

    /** The editor's change: a C2 outage of more than 5 hours becomes SEV1 (scenarios updated to match). */
    static String editedDmn() throws Exception {
        return PolicyEdits.c2LongOutageIsSev1(Files.readString(Fixture.dir().resolve(PolicyEdits.DMN)));
    }

    static String editedScenarios() throws Exception {
        return PolicyEdits.c2LongOutageScenarios(Files.readString(Fixture.dir().resolve("scenarios/capability-tables.csv")));
    }

    private static String decide(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions").then().statusCode(200)
                .extract().path("decisionId");
    }

    @Test
    void editedFilesShowWhichRecentDecisionsWouldChange() throws Exception {
        String changes = decide("{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":400}");
        String stays = decide("{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":30}");
        given().multiPart("incident-severity.dmn", "incident-severity.dmn", editedDmn().getBytes(StandardCharsets.UTF_8))
                .multiPart("scenarios/capability-tables.csv", "capability-tables.csv",
                        editedScenarios().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/policy/preview").then().statusCode(200)
                .body("candidateVersion", not(equalTo(given().get("/q/health/ready").then().extract()
                        .path("checks.find { it.name == 'policy' }.data.version"))))
                .body("replayed", greaterThanOrEqualTo(2))
                .body("changed", greaterThanOrEqualTo(1))
                .body("bySeverity.find { it.from == 'SEV2' && it.to == 'SEV1' }.count", greaterThanOrEqualTo(1))
                .body("examples.decisionId", hasItem(changes))
                .body("examples.decisionId", not(hasItem(stays)))
                .body("examples.find { it.decisionId == '" + changes + "' }.candidateSeverity", equalTo("SEV1"));
        // Nothing went live.
        given().contentType(ContentType.JSON).body("{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":400}")
                .post("/api/v1/decisions").then().body("severity", equalTo("SEV2"));
    }

    @Test
    void aZipOfTheWholeFolderWorksToo() throws Exception {
        String changes = decide("{\"capability\":\"App deployment\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":500}");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip); Stream<Path> walk = Files.walk(Fixture.dir())) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = Fixture.dir().relativize(p).toString().replace('\\', '/');
                out.putNextEntry(new ZipEntry("rules/" + name));
                out.write(name.equals("incident-severity.dmn") ? editedDmn().getBytes(StandardCharsets.UTF_8)
                        : name.equals("scenarios/capability-tables.csv") ? editedScenarios().getBytes(StandardCharsets.UTF_8)
                        : Files.readAllBytes(p));
            }
        }
        given().contentType("application/zip").body(zip.toByteArray()).post("/api/v1/policy/preview?replace=true")
                .then().statusCode(200)
                .body("examples.decisionId", hasItem(changes));
    }

    @Test
    void aBrokenCandidateIsRefusedWithItsDiagnosis() {
        decide("{\"partnerReports\":" + (3 + UUID.randomUUID().hashCode() % 2 + 1) + "}");
        given().multiPart("incident-severity.dmn", "incident-severity.dmn", "<definitions".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/policy/preview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-refused"))
                .body("errors.message", hasItem(containsString("incident-severity.dmn")));
    }
}
