package com.incidents.severity.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.incidents.severity.support.Fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A preview that takes longer than its limit is refused (422 naming the limit) and given up, and a
 * reload is not held up behind it: the candidate's check takes no lock that reloads take.
 */
@QuarkusTest
@TestProfile(PreviewTimeLimitTest.TinyLimit.class)
class PreviewTimeLimitTest {

    /** A limit no check of a whole policy (validator, build, scenarios) can meet. */
    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.preview.time-limit", "1ms",
                    "severity.audit.data-dir", "./target/preview-limit-audit-" + System.nanoTime(),
                    "severity.rules.dir", Fixture.copy().toString(), "severity.reload.watch", "false");
        }
    }

    @Test
    void aPreviewPastItsLimitIsRefusedAndReloadsGoOn() throws Exception {
        byte[] dmn = (Files.readString(Fixture.dir().resolve("response-targets.dmn")) + "\n<!-- edited -->")
                .getBytes(StandardCharsets.UTF_8);
        given().multiPart("response-targets.dmn", "response-targets.dmn", dmn).post("/api/v1/policy/preview")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/policy-refused"))
                .body("diagnostics.message", hasItem(containsString("did not finish within")));
        given().post("/api/v1/policy/reload").then().statusCode(200);
        given().contentType("application/json").body("{\"partnerReports\":1}").post("/api/v1/decisions")
                .then().statusCode(200);
    }
}
