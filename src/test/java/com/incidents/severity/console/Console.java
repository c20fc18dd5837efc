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

    public static final String SESSION = "severity-session";
    public static final String SIGN_IN_COOKIE = "severity-sign-in";

    /** The sign-in form's token, as the sign-in page gives it (in its cookie and its hidden field alike). */
    public static String signInToken() {
        var page = given().auth().none().get("/ui/login").then().statusCode(200).extract();
        String token = page.htmlPath().getString("**.find { it.@name == 'sign-in-token' }.@value");
        if (token == null || !token.equals(page.cookie(SIGN_IN_COOKIE))) {
            throw new IllegalStateException("The sign-in page gave no token, or not the one of its cookie");
        }
        return token;
    }

    /** The cookies (form and session) of a user signed in through the console's form. */
    public static Map<String, String> signIn(String user) {
        String token = signInToken();
        var answer = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(SIGN_IN_COOKIE, token).formParams(Map.of("j_username", user, "j_password", user,
                        "sign-in-token", token))
                .post("/j_security_check").then().statusCode(302).extract();
        if (answer.cookie(COOKIE) == null || answer.cookie(SESSION) == null) {
            throw new IllegalStateException("No session cookies for " + user);
        }
        return Map.of(COOKIE, answer.cookie(COOKIE), SESSION, answer.cookie(SESSION));
    }

    public static RequestSpecification as(String user) {
        return given().auth().none().redirects().follow(false).cookies(signIn(user));
    }

    /** The CSRF token of the forms of the page at {@code path}, for the signed-in {@code cookies}. */
    public static String formToken(Map<String, String> cookies, String path) {
        return given().auth().none().cookies(cookies).get(path).then().statusCode(200).extract().htmlPath()
                .getString("**.find { it.@name == 'csrf-token' }.@value");
    }

    /** A decision made through the API; its id. */
    public static String decide(String caller, String body) {
        return given().contentType(ContentType.JSON).header("X-Client-Id", caller).body(body)
                .post("/api/v1/decisions").then().statusCode(200).extract().path("decisionId");
    }
}
