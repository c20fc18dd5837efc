package com.incidents.severity.console;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Test helpers: sign in to the console as a user of the test profile (with the session cookie only:
 * not the API's default Basic credentials), and make decisions through the API.
 */
public final class Console {

    public static final String COOKIE = "severity-console";

    private Console() {
    }

    /** The session cookie of a user signed in through the console's form. */
    public static String signIn(String user) {
        String cookie = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", user, "j_password", user)).post("/j_security_check")
                .then().statusCode(302).extract().cookie(COOKIE);
        if (cookie == null) {
            throw new IllegalStateException("No session cookie for " + user);
        }
        return cookie;
    }

    public static RequestSpecification as(String user) {
        return given().auth().none().redirects().follow(false).cookie(COOKIE, signIn(user));
    }

    /** A decision made through the API; its id. */
    public static String decide(String caller, String body) {
        return given().contentType(ContentType.JSON).header("X-Client-Id", caller).body(body)
                .post("/api/v1/decisions").then().statusCode(200).extract().path("decisionId");
    }
}
