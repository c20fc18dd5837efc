package com.incidents.severity.policy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /api/v1/policy and /versions describe the policy in force: here the fixture policy the tests serve. */
@QuarkusTest
class PolicyViewTest {

    private static final String ESCALATION = "tables.find { it.decision == 'Escalation severity' }";
    private static final String ORIGIN = Fixture.dir().toAbsolutePath().normalize().toString();

    @Test
    void thePolicyInForceWithItsFilesAndTables() throws Exception {
        String version = given().contentType(ContentType.JSON).body("{\"partnerReports\":3}")
                .post("/api/v1/decisions").then().statusCode(200).extract().path("policyVersion");
        byte[] dmn = Files.readAllBytes(Fixture.dir().resolve("incident-severity.dmn"));

        given().get("/api/v1/policy").then().statusCode(200).contentType(ContentType.JSON)
                .body("version", equalTo(version))
                .body("loadedAt", notNullValue())
                .body("origin", equalTo(ORIGIN))
                .body("trigger", equalTo("STARTUP"))
                .body("outcomeCache", equalTo("on"))
                .body("files.path", hasItems("incident-severity.dmn", "response-targets.dmn",
                        "severity/combination.drl", "scenarios/escalation.csv", "META-INF/kmodule.xml"))
                .body("files.find { it.path == 'incident-severity.dmn' }.size", is(dmn.length))
                .body("files.find { it.path == 'incident-severity.dmn' }.sha256", equalTo(sha256(dmn)))
                .body("lastReload.accepted", is(true))
                .body("lastReload.versionInForce", equalTo(version))
                .body("lastReload.diagnostics", empty())
                .body("lastReload.warnings.find { it.table == 'Impact band' }.message", containsString("misleading"))
                .body("tables.decision", hasItems("Capability lookup", "Impact band", "Impact severity",
                        "Capability severity", "Escalation severity", "Response targets"))
                .body(ESCALATION + ".model", equalTo("Incident severity"))
                .body(ESCALATION + ".hitPolicy", equalTo("UNIQUE"))
                .body(ESCALATION + ".inputs[0].label", equalTo("Partner reports"))
                .body(ESCALATION + ".outputs", equalTo(List.of("Escalation severity")))
                .body(ESCALATION + ".rules.size()", is(5))
                .body(ESCALATION + ".rules[3].index", is(4))
                .body(ESCALATION + ".rules[3].id", equalTo("_r_523"))
                .body(ESCALATION + ".rules[3].inputEntries", equalTo(List.of("(5..15]")))
                .body(ESCALATION + ".rules[3].outputEntries.'Escalation severity'", equalTo("\"SEV2\""))
                .body(ESCALATION + ".rules[3].annotation", startsWith("Escalation scale: more than 5 reports"));
    }

    @Test
    void theVersionsInForce() {
        String version = given().get("/api/v1/policy").then().extract().path("version");
        given().get("/api/v1/policy/versions").then().statusCode(200)
                .body("size()", is(1))
                .body("[0].version", equalTo(version))
                .body("[0].origin", equalTo(ORIGIN))
                .body("[0].trigger", equalTo("STARTUP"))
                .body("[0].loadedAt", notNullValue())
                .body("[0].retiredAt", nullValue())
                .body("[0].files.size()", greaterThanOrEqualTo(8));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
