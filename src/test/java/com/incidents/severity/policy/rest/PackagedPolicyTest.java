package com.incidents.severity.policy.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.policy.load.PolicyReader;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Without severity.rules.dir (as the packaged service runs) the copy of rules/ packaged at build
 * time is served, unwatched: the version in force is the one of the files in rules/. Asserts no
 * table content, so an edit of rules/ keeps it green.
 */
@QuarkusTest
@TestProfile(PackagedPolicyTest.NoRulesDir.class)
class PackagedPolicyTest {

    public static class NoRulesDir implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.rules.dir", "");
        }
    }

    @Test
    void thePackagedCopyOfRulesIsInForce() {
        String version = PolicyReader.fromDirectory(Path.of("rules")).version();
        given().get("/api/v1/policy").then().statusCode(200)
                .body("version", equalTo(version))
                .body("origin", equalTo("classpath:" + PolicyReader.PACKAGED_ROOT))
                .body("trigger", equalTo("STARTUP"))
                .body("lastReload.accepted", is(true));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
