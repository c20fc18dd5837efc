package com.incidents.severity.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.incident.MovableClock;
import com.incidents.severity.webhook.service.WebhookDeliveries;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Webhooks against a local receiver: events delivered in order per incident, signed; retries with
 * backoff on the service's clock (no sleeps); no redirect followed; hostile URLs refused; every bad
 * field named at once; one client's subscriptions hidden from another.
 */
@QuarkusTest
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL = "[\"com.incidents.severity.incident.severity.changed\","
            + "\"com.incidents.severity.incident.escalation.changed\",\"com.incidents.severity.incident.target.missed\","
            + "\"com.incidents.severity.incident.resolved\",\"com.incidents.severity.incident.override.set\","
            + "\"com.incidents.severity.incident.override.lifted\"]";
    private static final String SEVERITY_CHANGED = "[\"com.incidents.severity.incident.severity.changed\"]";

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    MovableClock clock;

    private Receiver receiver;

    @BeforeEach
    void startTheReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stopIt() {
        clock.release();
        receiver.close();
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    private static String subscribe(String user, String url, String events, String secret) {
        return as(user).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"events\":" + events + ",\"secret\":\"" + secret + "\"}")
                .post("/api/v1/subscriptions").then().statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("url", equalTo(url)).body("owner", equalTo(user)).body(not(containsString(secret)))
                .extract().path("id");
    }

    private static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void open(String key, int minutesAgo) {
        Instant started = Instant.now().minus(minutesAgo, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        given().contentType(ContentType.JSON).body("{\"capabilityTier\":\"C1\",\"incidentType\":\"OUTAGE\",\"startedAt\":\""
                + started + "\"}").put("/api/v1/incidents/" + key).then().statusCode(201);
    }

    private static void patch(String key, String etag, String body) {
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(body)
                .patch("/api/v1/incidents/" + key).then().statusCode(200);
    }

    private static List<String> eventIds(String key) {
        return given().get("/api/v1/incidents/" + key + "/timeline").then().statusCode(200).extract().path("events.id");
    }

    /** Subscribe; events happen to two incidents; every one after the subscription arrives once, in order per incident, signed. */
    @Test
    void eventsArriveSignedInOrderPerIncident() throws Exception {
        String before = key("WH-BEFORE");
        open(before, 30); // its events precede the subscription: never sent to it
        String secret = "whsec-" + UUID.randomUUID();
        String id = subscribe("client", receiver.url("/hooks/ordered"), ALL, secret);
        String a = key("WH-A");
        String b = key("WH-B");
        open(a, 90);
        open(b, 10);
        patch(a, "\"1\"", "{\"partnerReports\":9}");
        patch(b, "\"1\"", "{\"capabilityTier\":\"C2\"}");
        patch(a, "\"2\"", "{\"capabilityTier\":\"C3\"}");
        deliveries.runDue();

        List<Receiver.Received> got = receiver.at("/hooks/ordered");
        List<String> forA = new ArrayList<>();
        List<String> forB = new ArrayList<>();
        for (Receiver.Received r : got) {
            assertEquals("application/cloudevents+json", r.header("Content-Type"));
            assertNull(r.header("ce-id"), "structured mode: the event's attributes are in the body");
            JsonNode event = JSON.readTree(r.body());
            assertEquals("1.0", event.get("specversion").asText());
            String subject = event.get("subject").asText();
            assertFalse(subject.equals(before), "no event from before the subscription");
            (subject.equals(a) ? forA : subject.equals(b) ? forB : new ArrayList<String>()).add(event.get("id").asText());
            // the signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>
            String signature = r.header("Severity-Signature");
            assertTrue(signature.matches("t=\\d+,v1=[0-9a-f]{64}"), signature);
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 300, "a timestamp of now");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            assertEquals("v1=" + expected, signature.substring(signature.indexOf(',') + 1));
            Mac wrong = Mac.getInstance("HmacSHA256");
            wrong.init(new SecretKeySpec("not-the-secret-at-all".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertFalse(HexFormat.of().formatHex(wrong.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8)))
                    .equals(expected));
            assertNotNull(r.header("Severity-Delivery"));
        }
        assertEquals(eventIds(a), forA, "incident A's events, each once, in the order they were recorded");
        assertEquals(eventIds(b), forB, "incident B's events, each once, in order");
        assertTrue(forA.size() >= 3 && forB.size() >= 2, forA + " " + forB);

        // the deliveries, as the API shows them: delivered at the first attempt, the header naming each
        ValidatableResponse listed = as("client").get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("deliveries.state", not(hasItem("PENDING")))
                .body("deliveries.attempts[0].status[0]", equalTo(200));
        List<String> ids = listed.extract().path("deliveries.id");
        assertEquals(got.size(), ids.size());
        for (Receiver.Received r : got) {
            assertTrue(ids.contains(r.header("Severity-Delivery")), r.header("Severity-Delivery"));
        }
        // nothing is sent twice
        deliveries.runDue();
        assertEquals(got.size(), receiver.at("/hooks/ordered").size());
        // ended: later events are not sent
        as("client").delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        as("client").get("/api/v1/subscriptions/" + id).then().statusCode(404);
        patch(b, "\"2\"", "{\"partnerReports\":40}");
        deliveries.runDue();
        assertEquals(got.size(), receiver.at("/hooks/ordered").size());
    }

    private static void assertNull(String value, String why) {
        org.junit.jupiter.api.Assertions.assertNull(value, why);
    }

    /** 500, 500, then 200: three attempts, the second 10 s after the first, the third 20 s after the second. */
    @Test
    void aFailingReceiverIsRetriedWithBackoffAndEveryAttemptLogged() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
        String k = key("WH-FLAKY");
        receiver.script("/hooks/flaky", body -> body.contains("\"subject\":\"" + k + "\""), 500, 500);
        String id = subscribe("client", receiver.url("/hooks/flaky"), SEVERITY_CHANGED, "flaky-secret-0123456789");
        open(k, 20);
        deliveries.runDue();
        assertEquals(1, mine(k).size());
        deliveries.runDue(); // not due again yet
        clock.advance(Duration.ofSeconds(9));
        deliveries.runDue();
        assertEquals(1, mine(k).size(), "the first retry waits 10 s");
        clock.advance(Duration.ofSeconds(1));
        deliveries.runDue();
        assertEquals(2, mine(k).size());
        clock.advance(Duration.ofSeconds(19));
        deliveries.runDue();
        assertEquals(2, mine(k).size(), "the second retry waits twice as long");
        clock.advance(Duration.ofSeconds(1));
        deliveries.runDue();
        assertEquals(3, mine(k).size());
        // the three attempts were signed at their own instants
        assertEquals(List.of(t0.getEpochSecond(), t0.plusSeconds(10).getEpochSecond(), t0.plusSeconds(30).getEpochSecond()),
                mine(k).stream().map(r -> Long.parseLong(r.header("Severity-Signature").replaceAll("t=(\\d+),.*", "$1"))).toList());
        as("auditor").get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("deliveries.find { it.incident == '" + k + "' }.state", equalTo("DELIVERED"))
                .body("deliveries.find { it.incident == '" + k + "' }.attemptCount", equalTo(3))
                .body("deliveries.find { it.incident == '" + k + "' }.attempts.status", equalTo(List.of(500, 500, 200)))
                .body("deliveries.find { it.incident == '" + k + "' }.attempts.n", equalTo(List.of(1, 2, 3)))
                .body("deliveries.find { it.incident == '" + k + "' }.attempts.at", equalTo(List.of(t0.toString(),
                        t0.plusSeconds(10).toString(), t0.plusSeconds(30).toString())))
                .body("deliveries.find { it.incident == '" + k + "' }.deliveredAt", equalTo(t0.plusSeconds(30).toString()));
        as("client").delete("/api/v1/subscriptions/" + id).then().statusCode(204);
    }

    private List<Receiver.Received> mine(String key) {
        return receiver.at("/hooks/flaky").stream().filter(r -> r.body().contains("\"subject\":\"" + key + "\"")).toList();
    }

    /** A 302 to another allowed URL is not followed: it is a failed attempt, tried again later. */
    @Test
    void aRedirectIsNotFollowed() throws Exception {
        receiver.redirect("/hooks/moved", receiver.url("/hooks/landing"));
        String id = subscribe("client", receiver.url("/hooks/moved"), SEVERITY_CHANGED, "moved-secret-0123456789");
        String k = key("WH-MOVED");
        open(k, 5);
        deliveries.runDue();
        assertEquals(1, receiver.at("/hooks/moved").size());
        assertEquals(List.of(), receiver.at("/hooks/landing"), "the redirect was not followed");
        as("client").get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("deliveries.find { it.incident == '" + k + "' }.state", equalTo("PENDING"))
                .body("deliveries.find { it.incident == '" + k + "' }.attempts.status", equalTo(List.of(302)))
                .body("deliveries.find { it.incident == '" + k + "' }.nextAttemptAt", not(nullValue()));
        as("client").delete("/api/v1/subscriptions/" + id).then().statusCode(204);
    }

    /** Hosts not on the list, private addresses and names that resolve to loopback but are not listed are refused, naming url. */
    @Test
    void hostileUrlsAreRefused() {
        for (String url : List.of("https://example.com/hook", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                "http://localhost.:" + receiver.port() + "/hook", "http://[::1]:" + receiver.port() + "/hook",
                "http://2130706433/", "http://client:pw@localhost/hook", "ftp://localhost/hook", "localhost/hook",
                "file:///etc/passwd")) {
            as("client").contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\",\"events\":" + SEVERITY_CHANGED + ",\"secret\":\"0123456789abcdef\"}")
                    .post("/api/v1/subscriptions").then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("url")));
        }
        assertTrue(receiver.at("/hook").isEmpty());
    }

    /** Every offending field of a subscription is named at once; the secret is never echoed. */
    @Test
    void badFieldsAreAllReportedAtOnce() {
        as("client").contentType(ContentType.JSON)
                .body("{\"url\":\"gopher://localhost/\",\"events\":[\"nope\",\"com.incidents.severity.incident.resolved\"],"
                        + "\"secret\":\"too-short\",\"extra\":1}")
                .post("/api/v1/subscriptions").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-request"))
                .body("errors.field", hasItems("url", "events", "secret", "extra"))
                .body("errors.find { it.field == 'events' }.rejectedValue", equalTo("nope"))
                .body("errors.find { it.field == 'events' }.suggestions", hasItem("com.incidents.severity.incident.resolved"))
                .body(not(containsString("too-short")));
        as("client").contentType(ContentType.JSON).body("{}").post("/api/v1/subscriptions").then().statusCode(422)
                .body("errors.field", equalTo(List.of("url", "events", "secret")));
        as("client").contentType(ContentType.JSON)
                .body("{\"url\":\"" + receiver.url("/x") + "\",\"events\":[],\"secret\":\"0123456789abcdef\"}")
                .post("/api/v1/subscriptions").then().statusCode(422).body("errors.field", equalTo(List.of("events")));
        as("client").contentType(ContentType.JSON).body("[1]").post("/api/v1/subscriptions").then().statusCode(422);
        as("client").contentType(ContentType.JSON).body("{\"url\":").post("/api/v1/subscriptions").then().statusCode(400);
    }

    /** A client sees, reads and ends only its own subscriptions; an auditor reads everyone's and changes none. */
    @Test
    void aClientCannotSeeAnotherClientsSubscriptions() {
        String theirs = subscribe("admin", receiver.url("/hooks/admin"), SEVERITY_CHANGED, "admin-secret-0123456789");
        String mine = subscribe("client", receiver.url("/hooks/client"), SEVERITY_CHANGED, "client-secret-0123456789");
        as("client").get("/api/v1/subscriptions/" + theirs).then().statusCode(404).contentType("application/problem+json");
        as("client").get("/api/v1/subscriptions/" + theirs + "/deliveries").then().statusCode(404);
        as("client").delete("/api/v1/subscriptions/" + theirs).then().statusCode(404);
        as("client").get("/api/v1/subscriptions").then().statusCode(200)
                .body("subscriptions.id", hasItem(mine)).body("subscriptions.id", not(hasItem(theirs)))
                .body("subscriptions.owner", not(hasItem("admin")))
                .body(not(containsString("secret")));
        as("auditor").get("/api/v1/subscriptions").then().statusCode(200).body("subscriptions.id", hasItems(mine, theirs));
        as("auditor").get("/api/v1/subscriptions/" + theirs).then().statusCode(200).body("owner", equalTo("admin"))
                .body(not(containsString("admin-secret")));
        as("auditor").delete("/api/v1/subscriptions/" + theirs).then().statusCode(403);
        as("admin").delete("/api/v1/subscriptions/" + theirs).then().statusCode(204);
        as("client").delete("/api/v1/subscriptions/" + mine).then().statusCode(204);
        as("client").delete("/api/v1/subscriptions/" + mine).then().statusCode(404);
    }
}
