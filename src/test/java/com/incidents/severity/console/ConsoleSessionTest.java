package com.incidents.severity.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The console's sign-in and session on the server: the sign-in form carries its own token (no other
 * site can sign a browser into an account), a sign-out ends the session for a copied cookie too, and
 * the forms' CSRF token is new at each sign-in.
 */
@QuarkusTest
class ConsoleSessionTest {

    private static io.restassured.response.ValidatableResponse postSignIn(String token, String cookie, String accept) {
        var request = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", "auditor", "j_password", "auditor"));
        if (token != null) {
            request.formParam("sign-in-token", token);
        }
        if (cookie != null) {
            request.cookie(Console.SIGN_IN_COOKIE, cookie);
        }
        if (accept != null) {
            request.accept(accept);
        }
        return request.post("/j_security_check").then();
    }

    @Test
    void aSignInWithoutTheFormsTokenIsRefused() {
        String token = Console.signInToken();
        String other = Console.signInToken(); // valid, but not the one in this browser's cookie
        // a page of another site posts the right password of its own account: no token, or not this browser's
        assertFalse(postSignIn(null, null, null).statusCode(403).contentType(containsString("application/problem+json"))
                .body("type", equalTo("/problems/sign-in-form")).extract().detailedCookies().hasCookieWithName(Console.COOKIE), "signed in");
        assertFalse(postSignIn(token, null, null).statusCode(403).extract().detailedCookies().hasCookieWithName(Console.COOKIE), "signed in");
        assertFalse(postSignIn(null, token, null).statusCode(403).extract().detailedCookies().hasCookieWithName(Console.COOKIE), "signed in");
        assertFalse(postSignIn(other, token, null).statusCode(403).extract().detailedCookies().hasCookieWithName(Console.COOKIE), "signed in");
        postSignIn("forged." + "0".repeat(64), "forged." + "0".repeat(64), null).statusCode(403);
        // a browser is sent to the sign-in page, which says why with a 403
        assertFalse(postSignIn(null, null, "text/html").statusCode(303).header("Location", endsWith("/ui/login?stale=true"))
                .extract().detailedCookies().hasCookieWithName(Console.COOKIE), "signed in");
        given().auth().none().get("/ui/login?stale=true").then().statusCode(403)
                .body(containsString("did not come from this page"));
        // with the page's own token in field and cookie: signed in
        postSignIn(token, token, "text/html").statusCode(302).header("Location", endsWith("/ui/home"))
                .cookie(Console.COOKIE, not(emptyOrNullString())).cookie(Console.SESSION, not(emptyOrNullString()));
    }

    @Test
    void aCopiedCookieIsRefusedAfterSignOut() {
        var cookies = Console.signIn("auditor");
        Map<String, String> copy = Map.copyOf(cookies);
        String token = Console.formToken(cookies, "/ui/decisions");
        given().auth().none().redirects().follow(false).cookies(copy).get("/ui/verify").then().statusCode(200);
        given().auth().none().redirects().follow(false).cookies(cookies).formParam("csrf-token", token)
                .post("/ui/logout").then().statusCode(303);
        given().auth().none().redirects().follow(false).cookies(copy).get("/ui/verify").then().statusCode(302)
                .header("Location", endsWith("/ui/login")).cookie(Console.COOKIE, "");
        given().auth().none().redirects().follow(false).cookies(copy).formParam("csrf-token", token)
                .post("/ui/decisions/" + java.util.UUID.randomUUID() + "/replay").then().statusCode(302)
                .header("Location", endsWith("/ui/login"));
        // nor does it authenticate outside the console: the API takes no form cookie at all
        given().auth().none().redirects().follow(false).cookies(copy).get("/api/v1/decisions").then().statusCode(401);
    }

    @Test
    void theFormCookieOfOneUserDoesNotHoldWithTheSessionOfAnother() {
        var auditor = Console.signIn("auditor");
        var client = Console.signIn("client");
        given().auth().none().redirects().follow(false)
                .cookies(Map.of(Console.COOKIE, auditor.get(Console.COOKIE), Console.SESSION, client.get(Console.SESSION)))
                .get("/ui/verify").then().statusCode(302).header("Location", endsWith("/ui/login"));
        given().auth().none().redirects().follow(false).cookie(Console.COOKIE, auditor.get(Console.COOKIE))
                .get("/ui/verify").then().statusCode(302).header("Location", endsWith("/ui/login"));
    }

    @Test
    void theFormsTokenChangesAtEachSignInAndHoldsForItsSessionOnly() {
        var first = Console.signIn("auditor");
        var second = Console.signIn("auditor");
        String one = Console.formToken(first, "/ui/decisions");
        String two = Console.formToken(second, "/ui/decisions");
        assertNotEquals(one, two);
        String missing = "/ui/decisions/" + java.util.UUID.randomUUID() + "/replay";
        given().auth().none().cookies(second).formParam("csrf-token", one).post(missing).then().statusCode(403)
                .body(containsString("reload the page"));
        given().auth().none().cookies(second).formParam("csrf-token", two).post(missing).then().statusCode(404);
    }

    /**
     * A page's script asking once the sign-in has ended (here: signed out) gets a 401, neither the
     * sign-in page nor the cookie that names where to land after signing in again; a navigation
     * (and a client that names no fetch mode) still gets the redirect and that cookie.
     */
    @Test
    void aPagesBackgroundRequestAfterTheSignInEndedGetsA401AndSetsNoReturnLocation() {
        var cookies = Console.signIn("editor");
        String token = Console.formToken(cookies, "/ui/review");
        Map<String, String> copy = Map.copyOf(cookies);
        given().auth().none().redirects().follow(false).cookies(cookies).formParam("csrf-token", token)
                .post("/ui/logout").then().statusCode(303);
        for (String mode : new String[] { "cors", "same-origin", "no-cors" }) {
            var background = given().auth().none().redirects().follow(false).cookies(copy)
                    .header("Sec-Fetch-Mode", mode).get("/ui/editor/file?path=incident-severity.dmn").then()
                    .statusCode(401).header("Location", nullValue()).extract();
            assertFalse(background.cookies().containsKey("quarkus-redirect-location"), mode + ": " + background.cookies());
            var stranger = given().auth().none().redirects().follow(false).header("Sec-Fetch-Mode", mode)
                    .multiPart("incident-severity.dmn", "<definitions/>").post("/ui/editor/check").then().statusCode(401).header("Location", nullValue()).extract();
            assertFalse(stranger.cookies().containsKey("quarkus-redirect-location"), mode + ": " + stranger.cookies());
        }
        for (String mode : new String[] { "navigate", null }) {
            var request = given().auth().none().redirects().follow(false).cookies(copy);
            if (mode != null) {
                request.header("Sec-Fetch-Mode", mode);
            }
            request.get("/ui/editor").then().statusCode(302).header("Location", endsWith("/ui/login"))
                    .cookie("quarkus-redirect-location", endsWith("/ui/editor"));
        }
    }
}
