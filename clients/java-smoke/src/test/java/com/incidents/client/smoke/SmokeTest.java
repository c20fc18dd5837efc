package com.incidents.client.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.incidents.client.ApiClient;
import com.incidents.client.ApiException;
import com.incidents.client.api.AuditApi;
import com.incidents.client.api.DecisionsApi;
import com.incidents.client.api.IncidentsApi;
import com.incidents.client.api.PolicyApi;
import com.incidents.client.api.ServiceApi;
import com.incidents.client.api.WebhooksApi;
import com.incidents.client.model.BatchResult;
import com.incidents.client.model.Decision;
import com.incidents.client.model.DecisionRecord;
import com.incidents.client.model.DecisionRequest;
import com.incidents.client.model.Incident;
import com.incidents.client.model.IncidentFacts;
import com.incidents.client.model.Problem;
import com.incidents.client.model.EventType;
import com.incidents.client.model.IncidentEvent;
import com.incidents.client.model.Subscription;
import com.incidents.client.model.SubscriptionRequest;

/** Calls the running service through the Java client generated from its /q/openapi, as generated. */
class SmokeTest {

    private final ApiClient client = client(System.getProperty("service.url", "http://localhost:8080"),
            System.getProperty("service.user", "admin"), System.getProperty("service.password", "admin"));

    /** A client that authenticates every call with HTTP Basic (the document's basicAuth scheme). */
    private static ApiClient client(String url, String user, String password) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(url);
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }

    private static ApiClient anonymous(String url) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(url);
        return client;
    }

    @Test
    void theGeneratedClientAnswersAsDocumented() throws Exception {
        assertEquals("ok", new ServiceApi(client).ping().getStatus().getValue());

        DecisionsApi decisions = new DecisionsApi(client);
        Decision decision = decisions.decide(new DecisionRequest().partnerReports(7L), "java-smoke");
        assertFalse(decision.getDecisionId().isEmpty());
        assertEquals(7L, decision.getFacts().getPartnerReports());

        BatchResult batch = decisions.decideBatch(List.of(new DecisionRequest().partnerReports(1L),
                new DecisionRequest().partnerReports(-1L)), null);
        assertEquals(1, batch.getDecided());
        assertEquals(422, batch.getResults().get(1).getProblem().getStatus());

        // A refusal is an ApiException whose body is the document's Problem, read with the client's own mapper
        ApiException refused = assertThrows(ApiException.class,
                () -> decisions.decide(new DecisionRequest().partnerReports(-1L), null));
        assertEquals(422, refused.getCode());
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("/problems/invalid-request", problem.getType());
        assertEquals(422, problem.getStatus());
        assertTrue(problem.getErrors().stream().anyMatch(e -> e.getField().equals("partnerReports")), problem.toString());

        // Without credentials: a 401 Problem with the challenge the document's basicAuth scheme names
        ApiException unauthorized = assertThrows(ApiException.class,
                () -> new ServiceApi(anonymous(System.getProperty("service.url", "http://localhost:8080"))).ping());
        assertEquals(401, unauthorized.getCode());
        assertEquals("/problems/unauthorized",
                client.getObjectMapper().readValue(unauthorized.getResponseBody(), Problem.class).getType());
        assertTrue(unauthorized.getResponseHeaders().firstValue("WWW-Authenticate").orElse("").toLowerCase()
                .startsWith("basic"));

        AuditApi audit = new AuditApi(client);
        assertTrue(audit.listDecisions(null, null, null, null, null, null, null, "java-smoke", null, 10, null).getItems()
                .stream().anyMatch(r -> r.getDecisionId().equals(decision.getDecisionId())));
        DecisionRecord record = audit.getDecision(decision.getDecisionId());
        assertTrue(record.getSeq() > 0);

        PolicyApi policy = new PolicyApi(client);
        assertFalse(policy.listCapabilities().isEmpty());
        assertEquals(decision.getPolicyVersion(), policy.getPolicy().getVersion());
        // An incident: opened, changed by a merge patch on its ETag, a stale write refused, its timeline, its end
        IncidentsApi incidents = new IncidentsApi(client);
        String key = "JAVA-SMOKE-" + java.util.UUID.randomUUID();
        Incident opened = incidents.putIncident(key, new IncidentFacts().putAdditionalProperty("partnerReports", 7),
                null, "java-smoke");
        assertEquals(1, opened.getRevision());
        assertEquals(decision.getSeverity().getValue(), opened.getSeverity().getValue());
        Incident patched = incidents.patchIncident(key, java.util.Map.of("partnerReports", 18), "\"1\"", null);
        assertEquals(2, patched.getRevision());
        ApiException stale = assertThrows(ApiException.class,
                () -> incidents.patchIncident(key, java.util.Map.of("partnerReports", 3), "\"1\"", null));
        assertEquals(412, stale.getCode());
        assertEquals(2, incidents.getIncidentTimeline(key).getDecisions().size());
        assertEquals(Incident.StateEnum.RESOLVED, incidents.resolveIncident(key, "\"2\"", null, null).getState());
        assertEquals("RESOLVE", audit.getDecision(incidents.getIncident(key).getLatestDecisionId()).getIncident()
                .getTrigger().getValue());

        // A webhook subscription: made (its secret never answered), listed, read, its deliveries; a host
        // that is not allowed refused; ended
        WebhooksApi webhooks = new WebhooksApi(client);
        String secret = "java-smoke-secret-" + java.util.UUID.randomUUID();
        Subscription subscription = webhooks.createSubscription(new SubscriptionRequest().url("http://127.0.0.1:9/java-smoke")
                .events(List.of(EventType.fromValue("com.incidents.severity.incident.severity.changed"))).secret(secret));
        assertFalse(subscription.getId().isEmpty());
        assertFalse(subscription.toString().contains(secret));
        assertTrue(webhooks.listSubscriptions().getSubscriptions().stream().anyMatch(s -> s.getId().equals(subscription.getId())));
        assertEquals("http://127.0.0.1:9/java-smoke", webhooks.getSubscription(subscription.getId()).getUrl());
        var sent = webhooks.listSubscriptionDeliveries(subscription.getId());
        assertEquals(sent.getCount(), sent.getDeliveries().size());
        ApiException notAllowed = assertThrows(ApiException.class, () -> webhooks.createSubscription(new SubscriptionRequest()
                .url("https://example.com/hook").events(List.of(EventType.fromValue("com.incidents.severity.incident.resolved")))
                .secret(secret)));
        assertEquals(422, notAllowed.getCode());
        assertTrue(notAllowed.getResponseBody().contains("\"field\":\"url\""), notAllowed.getResponseBody());
        webhooks.deleteSubscription(subscription.getId());
        assertEquals(404, assertThrows(ApiException.class, () -> webhooks.getSubscription(subscription.getId())).getCode());

        deliveredAndStreamed(incidents, webhooks);
    }

    /**
     * An incident's event reaches a subscriber as the callback incidentEvent describes (signed, its
     * body the document's IncidentEvent, read with the client's own mapper), and the SSE stream
     * (streamIncidentEvents) gives the same event, from its start, as the same IncidentEvent.
     */
    private void deliveredAndStreamed(IncidentsApi incidents, WebhooksApi webhooks) throws Exception {
        java.util.concurrent.BlockingQueue<String[]> received = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            received.add(new String[] { exchange.getRequestHeaders().getFirst("Severity-Signature"), body });
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String secret = "java-smoke-hook-" + java.util.UUID.randomUUID();
            Subscription hook = webhooks.createSubscription(new SubscriptionRequest()
                    .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                    .events(List.of(EventType.fromValue("com.incidents.severity.incident.severity.changed"))).secret(secret));
            String key = "JAVA-SMOKE-HOOK-" + java.util.UUID.randomUUID();
            Incident opened = incidents.putIncident(key, new IncidentFacts().putAdditionalProperty("partnerReports", 7),
                    null, null);
            String[] delivery = received.poll(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(delivery != null, "a delivery within 60 s");
            String t = delivery[0].replaceAll("^t=([0-9]+),v1=.*$", "$1");
            String v1 = delivery[0].replaceAll("^t=[0-9]+,v1=([0-9a-f]{64})$", "$1");
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals(java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + delivery[1])
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))), v1, "the signature verifies");
            IncidentEvent delivered = client.getObjectMapper().readValue(delivery[1], IncidentEvent.class);
            assertEquals(key, delivered.getSubject());
            assertEquals(opened.getLatestDecisionId(), delivered.getData().getDecisionId());
            assertEquals("com.incidents.severity.incident.severity.changed", delivered.getType().getValue());

            // the stream, filtered to this incident, from its start: the same event
            java.net.http.HttpRequest.Builder stream = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    client.getBaseUri() + "/api/v1/incidents/events?incident=" + key))
                    .header("Accept", "text/event-stream").header("Last-Event-ID", "0")
                    .timeout(java.time.Duration.ofSeconds(30));
            client.getRequestInterceptor().accept(stream);
            var lines = client.getHttpClient().send(stream.build(), java.net.http.HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, lines.statusCode());
            String data;
            try (var body = lines.body()) {
                data = body.filter(l -> l.startsWith("data:")).findFirst().orElseThrow().substring(5).strip();
            }
            IncidentEvent streamed = client.getObjectMapper().readValue(data, IncidentEvent.class);
            assertEquals(delivered.getId(), streamed.getId());
            assertEquals(key, streamed.getData().getIncident());
            webhooks.deleteSubscription(hook.getId());
        } finally {
            receiver.stop(0);
        }
    }
}
