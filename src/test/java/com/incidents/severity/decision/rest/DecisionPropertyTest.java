package com.incidents.severity.decision.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.engine.Facts;
import com.incidents.severity.reference.ReferencePolicy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;


/**
 * Thousands of generated bodies, valid and not: none gets a 5xx, every 4xx is a problem body, and
 * every valid one gets the severity and basis of the hand-written reference policy.
 */
@QuarkusTest
class DecisionPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TIERS = new HashMap<>();

    @BeforeAll
    static void readCatalog() throws Exception {
        try (InputStream in = DecisionPropertyTest.class.getResourceAsStream("/catalog.csv")) {
            for (String line : new String(in.readAllBytes()).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] cells = line.split(",");
                    TIERS.put(cells[0], cells[1]);
                }
            }
        }
    }

    @Test
    void generatedValidBodiesAgreeWithTheReference() throws Exception {
        List<Map<String, Object>> bodies = sample(validBodies(), 2500);
        int decided = 0;
        for (Map<String, Object> body : bodies) {
            Answer response = post(body);
            assertTrue(response.statusCode() < 500, () -> "5xx for " + body);
            if (response.statusCode() == 422) {
                continue; // e.g. nothing to decide on: covered by the invalid-body property
            }
            assertEquals(200, response.statusCode(), () -> body + " -> " + response.asString());
            Facts facts = facts(body);
            String tier = body.get("capability") != null ? TIERS.get(body.get("capability").toString())
                    : (String) body.get("capabilityTier");
            ReferencePolicy.Result expected = ReferencePolicy.decide(facts, tier);
            assertEquals(expected.severity(), response.path("severity"), () -> "severity for " + body);
            assertEquals(expected.basis(), response.path("basis"), () -> "basis for " + body);
            decided++;
        }
        assertTrue(decided > 1500, "most generated bodies are decidable: " + decided);
    }

    @Test
    void generatedInvalidBodiesNeverGetA5xx() throws Exception {
        for (Map<String, Object> body : sample(anyBodies(), 2500)) {
            Answer response = post(body);
            assertTrue(response.statusCode() < 500, () -> "5xx for " + body + ": " + response.asString());
            if (response.statusCode() >= 400) {
                assertEquals("application/problem+json", response.contentType(), () -> body.toString());
                assertTrue(response.path("status") != null);
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/api/v1/decisions")
    URI decisions;

    /** A plain JDK client: thousands of requests in seconds. */
    private Answer post(Map<String, Object> body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(decisions)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }

    private record Answer(int statusCode, String contentType, JsonNode json) {
        String path(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        String asString() {
            return json.toString();
        }
    }

    private static Facts facts(Map<String, Object> body) {
        return new Facts((String) body.get("impactLevel"), number(body, "affectedUsers"), number(body, "affectedApps"),
                (String) body.get("capability"), (String) body.get("capabilityTier"), (String) body.get("incidentType"),
                number(body, "durationMinutes"), number(body, "partnerReports"));
    }

    private static Long number(Map<String, Object> body, String field) {
        return body.get(field) == null ? null : ((Number) body.get(field)).longValue();
    }

    /** Counts around every threshold of the policy, and far from them. */
    private static Arbitrary<Long> count(long... thresholds) {
        List<Arbitrary<Long>> near = new ArrayList<>();
        for (long t : thresholds) {
            near.add(Arbitraries.longs().between(Math.max(0, t - 2), t + 2));
        }
        near.add(Arbitraries.longs().between(0, 10_000_000_000L));
        return Arbitraries.oneOf(near);
    }

    private static Arbitrary<Map<String, Object>> validBodies() {
        Arbitrary<String> capability = Arbitraries.of(new ArrayList<>(TIERS.keySet()));
        Arbitrary<Boolean> withCounts = Arbitraries.of(true, false);
        return Combinators.combine(withCounts, Arbitraries.of("MAJOR", "MINOR"),
                count(1000, 100_000, 5_000_000).injectNull(0.4), count(3, 10, 100).injectNull(0.4),
                capability.injectNull(0.5), Arbitraries.of("C1", "C2", "C3"), Arbitraries.of("OUTAGE", "DEGRADATION"),
                count(120, 300)).flatAs((counts, level, users, apps, cap, tier, type, minutes) ->
                        count(2, 5, 15).injectNull(0.5).map(reports -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            if (counts && (users != null || apps != null)) {
                                body.put("impactLevel", level);
                                body.put("affectedUsers", users);
                                body.put("affectedApps", apps);
                            }
                            if (cap != null) {
                                body.put("capability", cap);
                            } else {
                                body.put("capabilityTier", tier);
                            }
                            body.put("incidentType", type);
                            body.put("durationMinutes", minutes);
                            body.put("partnerReports", reports);
                            return body;
                        }));
    }

    private static Arbitrary<Map<String, Object>> anyBodies() {
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.longs().between(-1_000_000, 10_000_000_000L).map(v -> v),
                Arbitraries.strings().ofMaxLength(30).map(v -> v), Arbitraries.of("MAJOR", "minor", "C1", "c3",
                        "OUTAGE", "App UI", " app ui ", "2026-11-23T10:00:00Z", "2999-01-01T00:00:00Z"),
                Arbitraries.doubles().between(-10, 1000).map(v -> v), Arbitraries.just(null),
                Arbitraries.of(true, false).map(v -> v), Arbitraries.just(List.of(1, 2)).map(v -> v));
        Arbitrary<String> field = Arbitraries.of("impactLevel", "affectedUsers", "affectedApps", "capability",
                "capabilityTier", "incidentType", "durationMinutes", "partnerReports", "startedAt", "pagedAt",
                "unknownField");
        return Combinators.combine(field, value).as(java.util.AbstractMap.SimpleEntry::new).list().ofMaxSize(8).map(entries -> {
            Map<String, Object> body = new LinkedHashMap<>();
            entries.forEach(e -> body.put(e.getKey(), e.getValue()));
            return body;
        });
    }

    /** jqwik's generators, sampled outside a property (each failure message carries its body). */
    private static <T> List<T> sample(Arbitrary<T> arbitrary, int count) {
        return arbitrary.sampleStream().limit(count).toList();
    }
}
