package com.incidents.severity.policy.rest;

import static com.incidents.severity.support.PolicyEdits.SIXTEEN_REPORTS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.incidents.severity.support.PolicyEdits;
import com.incidents.severity.support.UnwatchedFixtureCopy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import com.incidents.severity.support.logs.ExpectedErrors;

/**
 * Each broken save is refused with a diagnostic naming the file, table, rule and problem, while
 * the previous version keeps answering; the reload metrics count it.
 */
@ExpectedErrors("broken policies are refused, and each refusal is logged")
@QuarkusTest
@TestProfile(RefusedReloadTest.Unwatched.class)
class RefusedReloadTest {

    public static class Unwatched extends UnwatchedFixtureCopy {
    }

    @ConfigProperty(name = "severity.rules.dir")
    Path rules;

    static Stream<Arguments> brokenSaves() {
        return Stream.of(
                broken("malformed XML", PolicyEdits.DMN,
                        dmn -> dmn.replaceFirst("</decisionTable>", "</decisionTabl>"),
                        PolicyEdits.DMN, null, "line 440, column 7", "must be terminated by the matching end-tag"),
                broken("DRL that does not compile", PolicyEdits.DRL,
                        drl -> drl.replaceFirst("modify \\(\\$a\\)", "modifyy (\\$a)"),
                        PolicyEdits.DRL, null, "line 69", "modifyy"),
                broken("overlap under UNIQUE", PolicyEdits.DMN,
                        dmn -> dmn.replace("<text>(5..15]</text>", "<text>[5..15]</text>"),
                        PolicyEdits.DMN, "Escalation severity", "rules 3, 4", "Overlap detected"),
                broken("failing scenario row", PolicyEdits.ESCALATION_CSV,
                        csv -> csv.replace("16 partner reports alone,,,,,,,,16,SEV1", "16 partner reports alone,,,,,,,,16,SEV2"),
                        PolicyEdits.ESCALATION_CSV, null, "line 8", "expects SEV2"));
    }

    private static Arguments broken(String name, String file, UnaryOperator<String> edit, String diagFile,
            String diagTable, String diagRule, String message) {
        return Arguments.of(name, file, edit, diagFile, diagTable, diagRule, message);
    }

    @AfterEach
    void putTheGoodFilesBack() {
        for (String file : new String[] { PolicyEdits.DMN, PolicyEdits.DRL, PolicyEdits.ESCALATION_CSV }) {
            PolicyEdits.restore(rules, file);
        }
        given().post("/api/v1/policy/reload").then().statusCode(200).body("accepted", is(true));
        given().get("/q/metrics").then().body(containsString("severity_policy_reload_last_failed 0.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSaves")
    void isRefusedWhileThePreviousVersionKeepsAnswering(String name, String file, UnaryOperator<String> edit,
            String diagFile, String diagTable, String diagRule, String message) {
        String inForce = decide();
        float failuresBefore = failures();
        PolicyEdits.edit(rules, file, edit);

        given().post("/api/v1/policy/reload").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-refused"))
                .body("status", is(422))
                .body("versionInForce", equalTo(inForce))
                .body("candidateVersion", not(equalTo(inForce)))
                .body("diagnostics.find { it.message.contains('" + message + "') }.level", equalTo("ERROR"))
                .body("diagnostics.find { it.message.contains('" + message + "') }.file", equalTo(diagFile))
                .body("diagnostics.find { it.message.contains('" + message + "') }.table", equalTo(diagTable))
                .body("diagnostics.find { it.message.contains('" + message + "') }.rule", equalTo(diagRule));

        org.junit.jupiter.api.Assertions.assertEquals(inForce, decide());
        given().get("/api/v1/policy").then().statusCode(200)
                .body("version", equalTo(inForce))
                .body("lastReload.accepted", is(false))
                .body("lastReload.diagnostics.message", hasItem(containsString(message)));
        given().get("/api/v1/policy/versions").then().body("version", everyItem(not(equalTo("")))).body("size()", is(1));
        given().get("/q/metrics").then().body(containsString("severity_policy_reload_last_failed 1.0"));
        org.junit.jupiter.api.Assertions.assertEquals(failuresBefore + 1, failures());
    }

    private static String decide() {
        return given().contentType(ContentType.JSON).body(SIXTEEN_REPORTS).post("/api/v1/decisions").then()
                .statusCode(200).body("severity", equalTo("SEV1")).extract().path("policyVersion");
    }

    private static float failures() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("severity_policy_reload_failures_total "))
                .map(l -> Float.parseFloat(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
    }
}
