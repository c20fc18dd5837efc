package com.incidents.severity.incident;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * GET /api/v1/incidents/events: the outbox as Server-Sent Events, filtered by incident and type,
 * each event's id its place in commit order, resumed after Last-Event-ID with nothing twice.
 */
@QuarkusTest
class IncidentEventStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/incidents/events")
    URI stream;

    /** An SSE event as read: its id, its event name and its data. */
    record Event(String id, String name, JsonNode data) {
    }

    private List<Event> read(String query, String lastEventId, int count) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + "?" + query))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes()));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        CompletableFuture<List<Event>> events = CompletableFuture.supplyAsync(() -> {
            List<Event> read = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null, name = null;
                StringBuilder data = new StringBuilder();
                for (String line; read.size() < count && (line = in.readLine()) != null;) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && data.length() > 0) {
                        read.add(new Event(id, name, JSON.readTree(data.toString())));
                        data.setLength(0);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return read;
        });
        return events.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theStreamCarriesAnIncidentsEventsInOrderAndResumesAfterLastEventId() throws Exception {
        String key = "SSE-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"partnerReports\":1}").put("/api/v1/incidents/" + key).then()
                .statusCode(201);
        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"partnerReports\":18}")
                .patch("/api/v1/incidents/" + key).then().statusCode(200);
        List<JsonNode> stored = given().get("/api/v1/incidents/" + key + "/timeline").then().extract().jsonPath()
                .getList("events.id").stream().map(id -> (JsonNode) JSON.valueToTree(id)).toList();
        String type = "com.incidents.severity.incident.severity.changed";
        List<Event> all = read("incident=" + key + "&type=" + type, "0", 2);
        assertEquals(2, all.size());
        assertEquals(List.of(type, type), all.stream().map(Event::name).toList());
        assertEquals(key, all.get(0).data().get("subject").asText());
        assertTrue(stored.stream().map(JsonNode::asText).toList().contains(all.get(0).data().get("id").asText()));
        assertTrue(Long.parseLong(all.get(0).id()) < Long.parseLong(all.get(1).id()), "in commit order");
        // reconnecting after the first: the second comes first, nothing twice
        List<Event> resumed = read("incident=" + key + "&type=" + type, all.get(0).id(), 1);
        assertEquals(all.get(1).data().get("id"), resumed.get(0).data().get("id"));
        // a live event reaches a listening stream
        CompletableFuture<List<Event>> live = CompletableFuture.supplyAsync(() -> {
            try {
                return read("incident=" + key, all.get(1).id(), 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{}")
                .post("/api/v1/incidents/" + key + "/resolve").then().statusCode(200);
        List<Event> after = live.get(25, TimeUnit.SECONDS);
        assertTrue(after.get(0).name().startsWith("com.incidents.severity.incident."), after.get(0).name());
    }

    @Test
    void badParametersAreNamedAndTheStreamNeedsItsRole() {
        given().header("Last-Event-ID", "x").queryParam("type", "nope").accept("text/event-stream")
                .get("/api/v1/incidents/events").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("Last-Event-ID", "type"));
        given().auth().preemptive().basic("editor", "editor").accept("text/event-stream")
                .get("/api/v1/incidents/events").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/incidents/events").then().statusCode(405);
    }
}
