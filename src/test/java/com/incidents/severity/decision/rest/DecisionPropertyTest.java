package com.incidents.severity.decision.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidents.severity.engine.Outcome;
import com.incidents.severity.engine.PolicyEngine;
import com.incidents.severity.engine.model.DecisionTableInfo;
import com.incidents.severity.policy.service.PolicyService;
import com.incidents.severity.problem.InvalidRequestException;
import com.incidents.severity.request.DecisionRequest;
import com.incidents.severity.request.RequestParser;
import com.incidents.severity.support.Generated;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import com.incidents.severity.support.DefaultCredentials;

/**
 * Properties that hold for any policy, checked on generated bodies (jqwik generators, a printed seed,
 * shrinking; see {@link Generated}): no body gets a 5xx and every 4xx is a problem body; the service
 * refuses exactly the bodies its request checks refuse; every answer is what the engine alone gives
 * for the same facts under the version the answer names; and the audit record of a decision says
 * what the answer said. Counts are drawn around every number the policy in force compares them with,
 * and capabilities from its catalog: nothing here knows the policy.
 */
@QuarkusTest
class DecisionPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    @Inject
    PolicyService policies;

    /** The service's own mapper, so expected values are written as the service writes them. */
    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/v1/decisions")
    URI decisions;

    @Test
    void everyAnswerIsTheEnginesOwnForTheSameFacts() {
        PolicyEngine engine = policies.current();
        AtomicInteger decided = new AtomicInteger();
        Generated.forAll("answers equal the engine alone", validBodies(engine), 2000, body -> {
            Answer answer = post(decisions, body);
            DecisionRequest request;
            try {
                request = RequestParser.parse(JSON.valueToTree(body), engine.policy(), Instant.now());
            } catch (InvalidRequestException e) {
                assertEquals(422, answer.status(), () -> "the request checks refuse " + body + ": " + answer.json());
                return;
            }
            assertEquals(200, answer.status(), () -> body + " -> " + answer.json());
            Outcome expected = engine.evaluateWithEngine(request.facts());
            JsonNode a = answer.json();
            assertEquals(engine.version(), text(a, "policyVersion"));
            assertEquals(expected.severity(), text(a, "severity"), "severity");
            assertEquals(expected.basis(), text(a, "basis"), "basis");
            assertEquals(expected.impactSeverity(), text(a, "impactSeverity"), "impactSeverity");
            assertEquals(expected.capabilitySeverity(), text(a, "capabilitySeverity"), "capabilitySeverity");
            assertEquals(expected.escalationSeverity(), text(a, "escalationSeverity"), "escalationSeverity");
            assertEquals(expected.capabilityTier(), text(a, "capabilityTier"), "capabilityTier");
            if (expected.targets() == null) {
                assertEquals(null, node(a, "responseTargets"), "no response targets");
            } else {
                JsonNode targets = a.get("responseTargets");
                assertEquals(expected.targets().responseClass(), text(targets, "class"), "response class");
                assertEquals(expected.targets().investigationWithinMinutes(),
                        node(targets, "investigationWithinMinutes") == null ? null
                                : targets.get("investigationWithinMinutes").asInt(), "investigation minutes");
                assertEquals(expected.targets().statusUpdateWithinMinutes(),
                        node(targets, "statusUpdateWithinMinutes") == null ? null
                                : targets.get("statusUpdateWithinMinutes").asInt(), "status update minutes");
            }
            assertEquals(JSON.readTree(mapper.writeValueAsString(expected.firedRules())), a.get("firedRules"),
                    "fired rules");
            List<String> explanation = JSON.convertValue(a.get("explanation"), List.class);
            assertTrue(explanation.containsAll(expected.explanation()), () -> "explanation " + explanation);
            decided.incrementAndGet();
        });
        assertTrue(decided.get() > 500, "most generated bodies are decidable: " + decided.get());
    }

    @Test
    void theAuditRecordSaysWhatTheAnswerSaid() {
        URI records = decisions.resolve("/api/v1/decisions/");
        Generated.forAll("audit record equals the answer", validBodies(policies.current()), 300, body -> {
            Answer answer = post(decisions, body);
            if (answer.status() != 200) {
                return;
            }
            JsonNode a = answer.json();
            Answer stored = get(records.resolve(text(a, "decisionId")));
            assertEquals(200, stored.status(), () -> "recorded before it was answered: " + stored.json());
            JsonNode r = stored.json();
            assertEquals(text(a, "decisionId"), text(r, "decisionId"));
            assertEquals("DECIDED", text(r, "status"));
            assertEquals(text(a, "policyVersion"), text(r, "policyVersion"));
            assertEquals(Instant.parse(text(a, "decidedAt")), Instant.parse(text(r, "decidedAt")));
            assertEquals(a.get("facts"), r.get("facts"), "facts");
            assertEquals(JSON.readTree(JSON.writeValueAsString(body)), r.get("request"), "the request as received");
            JsonNode result = r.get("result");
            for (String field : List.of("severity", "basis", "impactSeverity", "capabilitySeverity",
                    "escalationSeverity", "capabilityTier", "nextEscalation")) {
                assertEquals(node(a, field), node(result, field), field);
            }
            assertEquals(node(a, "responseTargets") == null ? null : text(a.get("responseTargets"), "class"),
                    node(result, "responseTargets") == null ? null : text(result.get("responseTargets"), "class"),
                    "response class");
            for (JsonNode fired : a.get("firedRules")) { // the trace's rows hold the answer's output values
                if (!"DMN".equals(text(fired, "kind"))) {
                    continue;
                }
                JsonNode row = null;
                for (JsonNode table : r.get("trace").get("tables")) {
                    if (text(table, "decision").equals(text(fired, "decision"))) {
                        for (JsonNode matched : table.get("matchedRules")) {
                            if (matched.get("ruleIndex").asInt() == fired.get("ruleIndex").asInt()) {
                                row = matched;
                            }
                        }
                    }
                }
                assertTrue(row != null && row.get("selected").asBoolean(), () -> "recorded as selected: " + fired);
                assertEquals(fired.get("outputs"), row.get("outputs"), () -> "recorded outputs of " + fired);
            }
        });
    }

    @Test
    void noBodyGetsA5xxAndEvery4xxIsAProblem() {
        Generated.forAll("no 5xx, problems for 4xx", anyBodies(), 2000, body -> {
            Answer answer = post(decisions, body);
            assertTrue(answer.status() < 500, () -> "5xx: " + answer.json());
            if (answer.status() >= 400) {
                assertEquals("application/problem+json", answer.contentType());
                assertEquals(answer.status(), answer.json().path("status").asInt());
            }
        });
    }

    private record Answer(int status, String contentType, JsonNode json) {
    }

    private static Answer post(URI uri, Map<String, Object> body) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", DefaultCredentials.header()).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static Answer get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Authorization", DefaultCredentials.header()).GET().build());
    }

    private static Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node(node, field);
        return value == null ? null : value.asText();
    }

    /** The field's value, or null when it is absent or null. */
    private static JsonNode node(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** Every number a table of the policy compares the input with (the cells of its column). */
    private static Set<Long> thresholds(PolicyEngine engine, String input) {
        Set<Long> numbers = new TreeSet<>();
        for (DecisionTableInfo table : engine.policy().tables().values()) {
            for (int column = 0; column < table.inputs().size(); column++) {
                if (!table.inputs().get(column).expression().strip().equals(input)) {
                    continue;
                }
                for (var rule : table.rules()) {
                    Matcher m = NUMBER.matcher(rule.inputEntries().get(column));
                    while (m.find()) {
                        numbers.add(Long.parseLong(m.group()));
                    }
                }
            }
        }
        return numbers;
    }

    /** Counts next to every threshold of the policy for the input, and anywhere up to 10^10. */
    private static Arbitrary<Long> count(PolicyEngine engine, String input) {
        List<Arbitrary<Long>> near = new ArrayList<>();
        for (long t : thresholds(engine, input)) {
            near.add(Arbitraries.longs().between(Math.max(0, t - 2), t + 2));
        }
        near.add(Arbitraries.longs().between(0, 10_000_000_000L));
        return Arbitraries.oneOf(near);
    }

    /** Bodies the request checks mostly accept: counts, a capability (by name or tier), reports. */
    private static Arbitrary<Map<String, Object>> validBodies(PolicyEngine engine) {
        Arbitrary<String> capability = Arbitraries.of(engine.policy().catalog().entries().stream()
                .map(e -> e.name()).toList());
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of("MAJOR", "MINOR"),
                count(engine, "Affected users").injectNull(0.4), count(engine, "Affected apps").injectNull(0.4),
                capability.injectNull(0.5), Arbitraries.of("C1", "C2", "C3"), Arbitraries.of("OUTAGE", "DEGRADATION"),
                count(engine, "Duration minutes")).flatAs((counts, level, users, apps, cap, tier, type, minutes) ->
                        count(engine, "Partner reports").injectNull(0.5).map(reports -> {
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

    /** Any mix of fields and values, most of them wrong. */
    private static Arbitrary<Map<String, Object>> anyBodies() {
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.longs().between(-1_000_000, 10_000_000_000L).map(v -> v),
                Arbitraries.strings().ofMaxLength(30).map(v -> v), Arbitraries.of("MAJOR", "minor", "C1", "c3",
                        "OUTAGE", "App UI", " app ui ", "2026-11-23T10:00:00Z", "2999-01-01T00:00:00Z"),
                Arbitraries.doubles().between(-10, 1000).map(v -> v), Arbitraries.just(null),
                Arbitraries.of(true, false).map(v -> v), Arbitraries.just(List.of(1, 2)).map(v -> v));
        Arbitrary<String> field = Arbitraries.of("impactLevel", "affectedUsers", "affectedApps", "capability",
                "capabilityTier", "incidentType", "durationMinutes", "partnerReports", "startedAt", "pagedAt",
                "unknownField");
        return Combinators.combine(field, value).as(java.util.AbstractMap.SimpleEntry::new).list().ofMaxSize(8)
                .map(entries -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    entries.forEach(e -> body.put(e.getKey(), e.getValue()));
                    return body;
                });
    }
}
