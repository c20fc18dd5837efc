package com.incidents.severity.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.engine.model.PolicyDiagnostic;
import com.incidents.severity.policy.service.PolicyLoader;
import com.incidents.severity.support.Fixture;
import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A what-if preview compares each recent recorded decision under the policy in force with the same
 * decision under the candidate (the recorded outcome shown beside where it differs), refuses part
 * names that are no file of the policy, and refuses a bad candidate with a refused reload's body.
 * Nothing goes live.
 */
@QuarkusTest
@TestProfile(PreviewTest.OwnCopyAndDatabase.class)
class PreviewTest {

    public static class OwnCopyAndDatabase extends UnwatchedFixtureCopy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("severity.audit.data-dir", "./target/preview-audit-" + System.nanoTime());
            return config;
        }
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    /** Each test starts from the fixture in force, whatever an earlier one left. */
    @BeforeEach
    void startFromTheFixture() {
        Fixture.putBackInForce(rules);
    }

    /** The editor's change: a C2 outage of more than 5 hours becomes SEV1 (scenarios updated to match). */
    static String editedDmn() throws Exception {
        return PolicyEdits.c2LongOutageIsSev1(Files.readString(Fixture.dir().resolve(PolicyEdits.DMN)));
    }

    static String editedScenarios() throws Exception {
        return PolicyEdits.c2LongOutageScenarios(Files.readString(Fixture.dir().resolve("scenarios/capability-tables.csv")));
    }

    private static Response decide(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions").then().statusCode(200)
                .extract().response();
    }

    private static byte[] bytes(Path file) throws Exception {
        return Files.readAllBytes(file);
    }

    @Test
    void editedFilesShowWhichRecentDecisionsWouldChange() throws Exception {
        String c2Long = "{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":400}";
        Response before = decide(c2Long);
        String changes = before.path("decisionId");
        String stays = decide("{\"capabilityTier\":\"C2\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":30}")
                .path("decisionId");
        given().multiPart("incident-severity.dmn", "incident-severity.dmn", editedDmn().getBytes(StandardCharsets.UTF_8))
                .multiPart("scenarios/capability-tables.csv", "capability-tables.csv",
                        editedScenarios().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/policy/preview").then().statusCode(200)
                .body("currentVersion", equalTo(Fixture.files().version()))
                .body("candidateVersion", not(equalTo(Fixture.files().version())))
                .body("replayed", greaterThanOrEqualTo(2))
                .body("changed", greaterThanOrEqualTo(1))
                .body("bySeverity.find { it.from == 'SEV2' && it.to == 'SEV1' }.count", greaterThanOrEqualTo(1))
                .body("examples.decisionId", hasItem(changes))
                .body("examples.decisionId", not(hasItem(stays)))
                .body("examples.find { it.decisionId == '" + changes + "' }.inForceSeverity",
                        equalTo(before.<String> path("severity")))
                .body("examples.find { it.decisionId == '" + changes + "' }.candidateSeverity", equalTo("SEV1"))
                // decided by the policy in force: no recorded column
                .body("examples.find { it.decisionId == '" + changes + "' }.recordedSeverity", nullValue());
        // Nothing went live.
        decide(c2Long).then().body("severity", equalTo(before.<String> path("severity")))
                .body("policyVersion", equalTo(Fixture.files().version()));
    }

    /**
     * Decisions recorded under an earlier version: the preview compares the policy in force with the
     * candidate, not the records with the candidate, and shows the recorded outcome where it differs.
     */
    @Test
    void comparesThePolicyInForceWithTheCandidateNotTheRecords() throws Exception {
        Response recorded = decide(PolicyEdits.SIXTEEN_REPORTS);
        String id = recorded.path("decisionId");
        PolicyEdits.sev1Threshold(rules, 20);
        String inForce = given().post("/api/v1/policy/reload").then().statusCode(200).body("changed", is(true))
                .extract().path("versionInForce");
        String nowSeverity = decide(PolicyEdits.SIXTEEN_REPORTS).path("severity");
        org.junit.jupiter.api.Assertions.assertNotEquals(recorded.<String> path("severity"), nowSeverity);

        // The files in force, sent back: nothing would change, whatever the records say.
        given().multiPart(PolicyEdits.DMN, PolicyEdits.DMN, bytes(rules.resolve(PolicyEdits.DMN)))
                .multiPart(PolicyEdits.ESCALATION_CSV, "escalation.csv", bytes(rules.resolve(PolicyEdits.ESCALATION_CSV)))
                .post("/api/v1/policy/preview").then().statusCode(200)
                .body("candidateVersion", equalTo(inForce))
                .body("currentVersion", equalTo(inForce))
                .body("changed", is(0)).body("refusedByCandidate", is(0)).body("acceptedByCandidate", is(0))
                .body("examples", empty()).body("bySeverity", empty())
                .body("recordedDiffer", greaterThanOrEqualTo(1));

        // The earlier files: the recorded decision changes back, with its recorded outcome beside.
        given().multiPart(PolicyEdits.DMN, PolicyEdits.DMN, bytes(Fixture.dir().resolve(PolicyEdits.DMN)))
                .multiPart(PolicyEdits.ESCALATION_CSV, "escalation.csv",
                        bytes(Fixture.dir().resolve(PolicyEdits.ESCALATION_CSV)))
                .post("/api/v1/policy/preview").then().statusCode(200)
                .body("candidateVersion", equalTo(Fixture.files().version()))
                .body("examples.find { it.decisionId == '" + id + "' }.inForceSeverity", equalTo(nowSeverity))
                .body("examples.find { it.decisionId == '" + id + "' }.candidateSeverity",
                        equalTo(recorded.<String> path("severity")))
                .body("examples.find { it.decisionId == '" + id + "' }.recordedSeverity",
                        equalTo(recorded.<String> path("severity")))
                .body("examples.find { it.decisionId == '" + id + "' }.recordedPolicyVersion",
                        equalTo(Fixture.files().version()));
    }

    @Test
    void aZipOfTheWholeFolderWorksToo() throws Exception {
        String changes = decide("{\"capability\":\"App deployment\",\"incidentType\":\"OUTAGE\",\"durationMinutes\":500}")
                .path("decisionId");
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

    /** curl's usual -F file=@x.dmn names the part "file": refused, naming it and the policy's files. */
    @Test
    void aPartNamedByNoFileOfThePolicyIsRefused() throws Exception {
        List<String> policyFiles = List.copyOf(Fixture.files().files().keySet());
        given().multiPart("file", "incident-severity.dmn", editedDmn().getBytes(StandardCharsets.UTF_8))
                .multiPart("scenarios/capability-tables.csv", "capability-tables.csv",
                        editedScenarios().getBytes(StandardCharsets.UTF_8))
                .multiPart("scenarios/escalaton.csv", "escalaton.csv", "x".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/policy/preview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("file", "scenarios/escalaton.csv"))
                .body("errors.find { it.field == 'file' }.message", allOf(containsString("incident-severity.dmn"),
                        containsString("no file of the policy"), containsString(PolicyEdits.ESCALATION_CSV)))
                .body("errors.find { it.field == 'file' }.suggestions", containsInAnyOrder(policyFiles.toArray()))
                .body("errors.find { it.field == 'file' }.suggestions[0]", equalTo(PolicyEdits.DMN))
                .body("errors.find { it.field == 'scenarios/escalaton.csv' }.suggestions[0]",
                        equalTo(PolicyEdits.ESCALATION_CSV));
    }

    /** Part and entry names are hostile input: none may leave the rules folder, even as a whole candidate. */
    @Test
    void pathsOutsideTheRulesFolderAreRefused() throws Exception {
        for (String name : List.of("../evil.dmn", "/etc/evil.dmn", "severity/../../evil.drl", "C:evil.dmn",
                "scenarios\\..\\..\\evil.csv", "./x/../../evil.dmn")) {
            given().multiPart(name, "evil.dmn", "<definitions/>".getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/policy/preview?replace=true").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].message", containsString("not a relative path"));
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("../../evil.dmn"));
            out.write("<definitions/>".getBytes(StandardCharsets.UTF_8));
        }
        given().contentType("application/zip").body(zip.toByteArray()).post("/api/v1/policy/preview?replace=true")
                .then().statusCode(422).body("errors[0].message", containsString("not a relative path"));
    }

    /** A refused candidate gets a refused reload's body: diagnostics with file and place, warnings, versions. */
    @Test
    void aBrokenCandidateIsRefusedAsAReloadWouldBe() {
        given().multiPart(PolicyEdits.DMN, PolicyEdits.DMN, "<definitions>\n  <decision".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/policy/preview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-refused"))
                .body("status", equalTo(422))
                .body("versionInForce", equalTo(Fixture.files().version()))
                .body("candidateVersion", startsWith("sha256:"))
                .body("candidateVersion", not(equalTo(Fixture.files().version())))
                .body("diagnostics.level", everyItem(equalTo("ERROR")))
                .body("diagnostics.file", hasItem(PolicyEdits.DMN))
                .body("diagnostics.find { it.file == '" + PolicyEdits.DMN + "' }.rule",
                        matchesPattern("line \\d+, column \\d+"))
                .body("errors", nullValue());
    }

    @Test
    void aCandidateFailingItsScenariosNamesTheFileAndLineAndKeepsTheWarnings() throws Exception {
        Response response = given()
                .multiPart(PolicyEdits.DMN, PolicyEdits.DMN, editedDmn().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/policy/preview");
        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-refused"))
                .body("diagnostics.file", hasItem("scenarios/capability-tables.csv"))
                .body("diagnostics.rule", hasItem(startsWith("line ")))
                .body("warnings.size()", equalTo(expectedWarnings(editedDmn()).size()));
    }

    /** The warnings of an accepted candidate are those a reload (and validate) reports for the same files. */
    @Test
    void anAcceptedCandidateReportsTheWarningsOfAReload() throws Exception {
        List<PolicyDiagnostic> expected = expectedWarnings(null);
        org.junit.jupiter.api.Assertions.assertFalse(expected.isEmpty(), "the fixture has validator warnings");
        given().multiPart(PolicyEdits.DMN, PolicyEdits.DMN, bytes(Fixture.dir().resolve(PolicyEdits.DMN)))
                .post("/api/v1/policy/preview").then().statusCode(200)
                .body("warnings.size()", equalTo(expected.size()))
                .body("warnings.message", containsInAnyOrder(expected.stream().map(PolicyDiagnostic::message).toArray()))
                .body("warnings.level", everyItem(equalTo("WARNING")));
    }

    /** What the loader a reload uses reports as warnings for the fixture (with the DMN edited, if given). */
    private static List<PolicyDiagnostic> expectedWarnings(String dmn) {
        Map<String, byte[]> files = new HashMap<>(Fixture.files().files());
        if (dmn != null) {
            files.put(PolicyEdits.DMN, dmn.getBytes(StandardCharsets.UTF_8));
        }
        return new PolicyLoader(0).check(com.incidents.severity.engine.model.PolicyFiles.of("test", files)).warnings();
    }
}
