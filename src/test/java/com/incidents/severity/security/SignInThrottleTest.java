package com.incidents.severity.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Password guessing is limited before authentication, by API and sign-in form alike: past the
 * failures a user name or an address may have, even the right password gets a 429. (Once 300 wrong
 * passwords and then the right one succeeded.) One test, since the counts are the service's state.
 */
@QuarkusTest
@TestProfile(SignInThrottleTest.LowLimits.class)
class SignInThrottleTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("severity.security.sign-in.max-failures-per-user", "3",
                    "severity.security.sign-in.max-failures-per-address", "6");
        }
    }

    @Test
    void failedSignInsAreLimitedPerUserAndPerAddress() {
        given().auth().preemptive().basic("client", "client").get("/api/v1/ping").then().statusCode(200);
        // editor's right password is proved first, so it is remembered (PasswordIdentities) while the guesses come
        given().auth().preemptive().basic("editor", "editor").get("/api/v1/policy").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic("editor", "guess-" + i).get("/api/v1/ping").then().statusCode(401);
        }
        // the user's limit: the right password is refused too (remembered or not), with the time to wait
        given().auth().preemptive().basic("editor", "editor").get("/api/v1/policy").then().statusCode(429)
                .contentType("application/problem+json").body("type", equalTo("/problems/sign-in-throttled"))
                .header("Retry-After", "900");
        // another user from the same address still signs in
        given().auth().preemptive().basic("client", "client").get("/api/v1/ping").then().statusCode(200);
        // the sign-in form's failures count for the address too
        for (int i = 0; i < 3; i++) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "auditor").formParam("j_password", "guess-" + i)
                    .post("/j_security_check").then().statusCode(302).header("Location", containsString("error"));
        }
        // six failures from this address: every sign-in from it waits, whoever signs in
        given().auth().preemptive().basic("client", "client").get("/api/v1/ping").then().statusCode(429);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "auditor").formParam("j_password", "auditor")
                .post("/j_security_check").then().statusCode(429);
    }
}
