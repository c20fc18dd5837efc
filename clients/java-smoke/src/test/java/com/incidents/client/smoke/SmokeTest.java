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
    }
}
