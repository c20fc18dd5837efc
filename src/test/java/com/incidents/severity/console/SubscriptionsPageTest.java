package com.incidents.severity.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.incidents.severity.incident.MovableClock;
import com.incidents.severity.webhook.Receiver;
import com.incidents.severity.webhook.service.WebhookDeliveries;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The webhooks page: each subscription's deliveries in words, failures named, and Redeliver (with the form's token). */
@QuarkusTest
class SubscriptionsPageTest {

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    MovableClock clock;

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    @Test
    void theOwnerSeesDeliveriesInWordsAndRedeliversAFailedOne() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String bad = "HOOKPAGE-" + UUID.randomUUID().toString().substring(0, 8);
            String good = bad + "-OK";
            receiver.script("/page", body -> body.contains("\"subject\":\"" + bad + "\""), 500, 500, 500, 500, 500, 500, 500, 500);
            String id = given().auth().preemptive().basic("client", "client").contentType(ContentType.JSON)
                    .body("{\"url\":\"" + receiver.url("/page") + "\",\"events\":[\"com.incidents.severity.incident.severity.changed\"],"
                            + "\"secret\":\"page-test-secret-0123\"}")
                    .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
            clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            for (String key : new String[] { bad, good }) {
                given().contentType(ContentType.JSON).body("{\"partnerReports\":1}").put("/api/v1/incidents/" + key).then()
                        .statusCode(201);
            }
            for (int i = 0; i < 8; i++) { // eight attempts, an hour apart at most: then given up
                deliveries.runDue();
                clock.advance(Duration.ofHours(1));
            }
            assertEquals(8, receiver.at("/page").stream().filter(r -> r.body().contains(bad + "\"")).count());
            String deliveryId = given().auth().preemptive().basic("client", "client")
                    .get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                    .extract().path("deliveries.find { it.incident == '" + bad + "' }.id");

            var cookies = Console.signIn("client");
            String page = given().auth().none().cookies(cookies).get("/ui/subscriptions").then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(containsString("<code>" + receiver.url("/page") + "</code>"))
                    .body(containsString("Sends: Severity changed."))
                    .body(containsString("1 of the deliveries below failed."))
                    .body(containsString("Failed after 8 attempts"))
                    .body(containsString("Attempt 8 at "))
                    .body(containsString(": Answered 500, in "))
                    .body(containsString("Delivered at "))
                    .body(containsString("action=\"/ui/subscriptions/deliveries/" + deliveryId + "/redeliver\""))
                    .body(containsString("href=\"/ui/subscriptions\">Webhooks</a>"))
                    .body(not(containsString("page-test-secret")))
                    .body(not(containsString("attemptCount")))
                    .body(not(containsString("FAILED<"))).extract().asString();
            assertTrue(page.contains("data-delivery=\"" + deliveryId + "\" data-state=\"FAILED\""), page);

            // a forged token is refused; the page's token requeues it, and the next look delivers it
            given().auth().none().redirects().follow(false).cookies(cookies).formParam("csrf-token", "forged")
                    .post("/ui/subscriptions/deliveries/" + deliveryId + "/redeliver").then().statusCode(403);
            given().auth().none().redirects().follow(false).cookies(cookies)
                    .formParam("csrf-token", Console.formToken(cookies, "/ui/subscriptions"))
                    .post("/ui/subscriptions/deliveries/" + deliveryId + "/redeliver").then().statusCode(303)
                    .header("Location", containsString("/ui/subscriptions#delivery-" + deliveryId));
            given().auth().none().cookies(cookies).get("/ui/subscriptions").then().statusCode(200)
                    .body(containsString("data-delivery=\"" + deliveryId + "\" data-state=\"PENDING\""))
                    .body(containsString("Waiting to be sent"));
            deliveries.runDue();
            given().auth().none().cookies(cookies).get("/ui/subscriptions").then().statusCode(200)
                    .body(containsString("data-delivery=\"" + deliveryId + "\" data-state=\"DELIVERED\""))
                    .body(containsString("Attempt 9 at "))
                    .body(containsString("Answered 200 (delivered)"));
            assertEquals(9, receiver.at("/page").stream().filter(r -> r.body().contains(bad + "\"")).count());

            // an auditor reads it, without the owner's form; other roles cannot open the page
            Console.as("auditor").get("/ui/subscriptions").then().statusCode(200)
                    .body(containsString("data-subscription=\"" + id + "\""))
                    .body(containsString("Every subscription"))
                    .body(not(containsString("/redeliver\"")));
            Console.as("auditor").formParam("csrf-token", "any").post("/ui/subscriptions/deliveries/" + deliveryId + "/redeliver")
                    .then().statusCode(403);
            Console.as("editor").get("/ui/subscriptions").then().statusCode(403);
            Console.as("responder").get("/ui/subscriptions").then().statusCode(403);
            Console.as("responder").get("/ui/incidents").then().statusCode(200)
                    .body(not(containsString("href=\"/ui/subscriptions\"")));
            given().auth().preemptive().basic("client", "client").delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        }
    }
}
