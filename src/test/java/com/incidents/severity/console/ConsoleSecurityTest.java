package com.incidents.severity.console;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Who may open which page; the API keeps answering 401, never a redirect to the sign-in page. */
@QuarkusTest
class ConsoleSecurityTest {

    @Test
    void rootAndUiLeadToTheConsole() {
        given().auth().none().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", endsWith("/ui/home"));
        given().auth().none().redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", endsWith("/ui/home"));
    }

    /** Signed in, each role is sent to a page it can open: there it gets 200, never a 403. */
    @Test
    void eachRoleLandsOnAPageItCanOpen() {
        Map<String, String> landing = Map.of("auditor", "/ui/decisions", "editor", "/ui/review", "client", "/ui/try",
                "responder", "/ui/incidents", "admin", "/ui/decisions");
        landing.forEach((user, page) -> {
            String to = Console.as(user).redirects().follow(false).get("/ui/home").then().statusCode(303)
                    .header("Location", endsWith(page)).extract().header("Location");
            Console.as(user).get(to).then().statusCode(200);
        });
        given().auth().none().redirects().follow(false).get("/ui/home").then().statusCode(302)
                .header("Location", endsWith("/ui/login"));
    }

    @Test
    void pagesSendStrangersToTheSignInPage() {
        for (String page : new String[] { "/ui/decisions", "/ui/policy", "/ui/preview", "/ui/verify", "/ui/try",
                "/ui/capabilities", "/ui/subscriptions" }) {
            given().auth().none().redirects().follow(false).get(page).then().statusCode(302)
                    .header("Location", endsWith("/ui/login"));
        }
        given().auth().none().get("/ui/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<label for=\"j_username\">"), containsString("action=\"/j_security_check\""));
    }

    @Test
    void aWrongPasswordShowsTheErrorOnTheSignInPage() {
        given().auth().none().redirects().follow(false).formParam("j_username", "auditor").formParam("j_password", "nope")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("/ui/login?error=true"));
        given().auth().none().get("/ui/login?error=true").then().statusCode(401).body(containsString("role=\"alert\""));
    }

    @Test
    void eachPageNeedsTheRoleOfItsApi() {
        Console.as("client").get("/ui/decisions").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("does not hold a role"));
        Console.as("client").get("/ui/verify").then().statusCode(403);
        Console.as("client").get("/ui/preview").then().statusCode(403);
        Console.as("auditor").get("/ui/try").then().statusCode(403);
        Console.as("auditor").get("/ui/preview").then().statusCode(403);
        Console.as("editor").get("/ui/decisions").then().statusCode(403);
        Console.as("editor").get("/ui/try").then().statusCode(403);
        Console.as("auditor").formParam("csrf-token", "any").post("/ui/policy/reload").then().statusCode(403)
                .body(containsString("does not hold a role"));
        Console.as("client").get("/ui/review").then().statusCode(403);
        Console.as("editor").get("/ui/subscriptions").then().statusCode(403);
        Console.as("responder").get("/ui/subscriptions").then().statusCode(403);
        Console.as("auditor").formParam("csrf-token", "any")
                .post("/ui/subscriptions/deliveries/" + java.util.UUID.randomUUID() + "/redeliver").then().statusCode(403);
        Console.as("client").get("/ui/subscriptions").then().statusCode(200);
        Console.as("auditor").get("/ui/subscriptions").then().statusCode(200);
        for (String action : new String[] { "approve", "reject", "publish", "rebase" }) {
            Console.as("auditor").formParam("csrf-token", "any").formParam("comment", "yes")
                    .post("/ui/review/" + java.util.UUID.randomUUID() + "/" + action).then().statusCode(403);
        }
        Console.as("auditor").get("/ui/review").then().statusCode(200);
        Console.as("editor").get("/ui/review").then().statusCode(200);
        Console.as("auditor").get("/ui/decisions").then().statusCode(200);
        Console.as("auditor").get("/ui/verify").then().statusCode(200);
        Console.as("client").get("/ui/try").then().statusCode(200);
        Console.as("editor").get("/ui/preview").then().statusCode(200);
        for (String user : new String[] { "client", "editor", "auditor" }) {
            Console.as(user).get("/ui/policy").then().statusCode(200);
            Console.as(user).get("/ui/capabilities").then().statusCode(200);
        }
    }

    @Test
    void theApiAnswers401NotARedirect() {
        given().auth().none().redirects().follow(false).get("/api/test-only/secured").then().statusCode(401)
                .header("Location", nullValue());
        given().auth().none().redirects().follow(false).auth().preemptive().basic("auditor", "auditor")
                .get("/api/test-only/secured").then().statusCode(200);
        given().auth().none().redirects().follow(false).auth().preemptive().basic("client", "client")
                .get("/api/test-only/secured").then().statusCode(403);
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() {
        Console.as("auditor").formParam("csrf-token", "forged").post("/ui/decisions/" + java.util.UUID.randomUUID() + "/replay")
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("reload the page"));
        Console.as("client").formParam("csrf-token", "forged")
                .post("/ui/subscriptions/deliveries/" + java.util.UUID.randomUUID() + "/redeliver")
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("reload the page"));
        Console.as("editor2").formParam("csrf-token", "forged").formParam("comment", "yes")
                .post("/ui/review/" + java.util.UUID.randomUUID() + "/approve")
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("reload the page"));
        given().get("/api/v1/decisions/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void signingOutForgetsTheSession() {
        var cookies = Console.signIn("auditor");
        String token = Console.formToken(cookies, "/ui/decisions");
        given().auth().none().redirects().follow(false).cookies(cookies).formParam("csrf-token", token)
                .post("/ui/logout").then().statusCode(303).header("Location", endsWith("/ui/login?out=true"))
                .cookie(Console.COOKIE, "").cookie(Console.SESSION, "");
    }
}
